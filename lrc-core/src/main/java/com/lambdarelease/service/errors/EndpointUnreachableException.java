package com.lambdarelease.service.errors;

/** Could not reach the endpoint. */
public final class EndpointUnreachableException extends AwsServiceException {
    public EndpointUnreachableException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "Could not reach the endpoint: " + awsMessage();
    }
}

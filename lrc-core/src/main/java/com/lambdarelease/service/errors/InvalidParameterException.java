package com.lambdarelease.service.errors;

/** AWS refused the request. */
public final class InvalidParameterException extends AwsServiceException {
    public InvalidParameterException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "AWS refused the request: " + awsMessage();
    }
}

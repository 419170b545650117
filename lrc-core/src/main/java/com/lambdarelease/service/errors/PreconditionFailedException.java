package com.lambdarelease.service.errors;

/** Someone else changed this since you loaded it. */
public final class PreconditionFailedException extends AwsServiceException {
    public PreconditionFailedException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "Someone else changed this since you loaded it: " + awsMessage();
    }
}

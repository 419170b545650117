package com.lambdarelease.service.errors;

/** Conflict with the current state. */
public final class ConflictException extends AwsServiceException {
    public ConflictException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "Conflict with the current state: " + awsMessage();
    }
}

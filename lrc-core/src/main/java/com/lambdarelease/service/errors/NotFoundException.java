package com.lambdarelease.service.errors;

/** Not found. */
public final class NotFoundException extends AwsServiceException {
    public NotFoundException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "Not found: " + awsMessage();
    }
}

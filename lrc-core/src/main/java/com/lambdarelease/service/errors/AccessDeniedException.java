package com.lambdarelease.service.errors;

/** Access denied: the credentials in use may not do this. */
public final class AccessDeniedException extends AwsServiceException {
    public AccessDeniedException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "Access denied: the credentials in use may not do this: " + awsMessage();
    }
}

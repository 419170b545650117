package com.lambdarelease.service.errors;

/** AWS is throttling requests (too many per second); the console retried with backoff and gave up for now. */
public final class ThrottledException extends AwsServiceException {
    public ThrottledException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "AWS is throttling requests (too many per second); the console retried with backoff and gave up for now: " + awsMessage();
    }
}

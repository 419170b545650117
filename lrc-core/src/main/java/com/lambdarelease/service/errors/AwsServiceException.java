package com.lambdarelease.service.errors;

/**
 * A failed AWS call, with AWS's own error code and message. Subclasses name the kinds the
 * console treats differently; anything else is this class itself.
 */
public class AwsServiceException extends RuntimeException {

    private final String errorCode;
    private final int statusCode;
    private final String awsMessage;

    public AwsServiceException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode + ": " + awsMessage, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.awsMessage = awsMessage;
    }

    /** AWS's error type, e.g. {@code PreconditionFailedException}. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status, or 0 when no answer came back. */
    public int statusCode() {
        return statusCode;
    }

    /** AWS's message, word for word. */
    public String awsMessage() {
        return awsMessage;
    }

    /** A sentence for the operator: what kind of failure, then AWS's words. */
    public String plainMessage() {
        return awsMessage;
    }
}

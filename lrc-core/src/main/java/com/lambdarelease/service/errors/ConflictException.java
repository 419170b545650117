package com.lambdarelease.service.errors;

/** Conflict with the current state. */
public final class ConflictException extends AwsServiceException {
    public ConflictException(String errorCode, int statusCode, String awsMessage, Throwable cause) {
        super(errorCode, statusCode, awsMessage, cause);
    }

    /**
     * True for AWS's 409 while a function is still being created or updated
     * (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
     */
    public boolean updateInProgress() {
        String m = awsMessage() == null ? "" : awsMessage();
        return m.contains("An update is in progress for resource") || m.contains("currently in the following state: Pending");
    }

    @Override
    public String plainMessage() {
        if (updateInProgress()) {
            return "AWS is still applying the last change to this function (it takes a few seconds after a deploy); "
                    + "wait until its update has finished, then try again. AWS: " + awsMessage();
        }
        return "Conflict with the current state: " + awsMessage();
    }
}

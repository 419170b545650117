package com.lambdarelease.service.errors;

/** A function's last update ended in LastUpdateStatus Failed; the message is AWS's LastUpdateStatusReason. */
public final class UpdateFailedException extends AwsServiceException {
    public UpdateFailedException(String errorCode, String awsMessage, Throwable cause) {
        super(errorCode, 0, awsMessage, cause);
    }

    @Override
    public String plainMessage() {
        return "The function's last update failed on AWS (LastUpdateStatus Failed), so it cannot be published as it is: "
                + awsMessage();
    }
}

package com.lambdarelease.service.errors;

/**
 * A listing that AWS kept failing part-way through, after the SDK's retries and the console's own
 * retries of the same page. Says how far it got; {@link #getCause()} is the typed failure of the
 * last attempt (usually {@link ThrottledException} or a 5xx {@link AwsServiceException}), whose
 * error code and status this exception repeats.
 */
public final class IncompleteListingException extends AwsServiceException {

    private final int itemsListed;
    private final int pagesListed;

    public IncompleteListingException(String what, int itemsListed, int pagesListed, AwsServiceException cause) {
        super(cause.errorCode(), cause.statusCode(), "Listed " + itemsListed + " " + what + " (" + pagesListed
                + (pagesListed == 1 ? " page" : " pages") + ") before AWS kept failing: " + cause.awsMessage(), cause);
        this.itemsListed = itemsListed;
        this.pagesListed = pagesListed;
    }

    /** Items handed over before the listing gave up; none of them is handed over twice. */
    public int itemsListed() {
        return itemsListed;
    }

    public int pagesListed() {
        return pagesListed;
    }

    /** The typed failure AWS kept answering with. */
    public AwsServiceException lastFailure() {
        return (AwsServiceException) getCause();
    }

    @Override
    public String getMessage() {
        return awsMessage();
    }
}

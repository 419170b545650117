package com.lambdarelease.service.sso;

/**
 * The one message a request gets when the Identity Center sign-in it needs has ended or never
 * happened: requests stop here instead of each failing with the SDK's own words.
 */
public final class SsoSessionExpiredException extends RuntimeException {

    private final String session;

    public SsoSessionExpiredException(String session, String message) {
        super(message);
        this.session = session;
    }

    static SsoSessionExpiredException expired(SsoSession s) {
        return new SsoSessionExpiredException(s.label(), "The IAM Identity Center sign-in to " + s.label()
                + " has expired. Sign in again to continue.");
    }

    static SsoSessionExpiredException notSignedIn(SsoSession s) {
        return new SsoSessionExpiredException(s.label(), "Not signed in to " + s.label() + " (IAM Identity Center). Sign in"
                + s.name().map(n -> " from the console, or run `lambda-release sso login --session " + n + "`").orElse("") + ".");
    }

    /** The session's name or start URL. */
    public String session() {
        return session;
    }
}

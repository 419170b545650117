package com.lambdarelease.service.connection;

import java.util.Locale;

/** Plain words for failures to open a connection, naming the command that fixes them. */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /** Thrown when a profile's credentials cannot be resolved. */
    public static final class CredentialsUnavailableException extends RuntimeException {
        public CredentialsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Explains why {@code profileName}'s credentials could not be loaded. For an SSO profile a
     * missing or expired token names {@code aws sso login --profile NAME}; sign-in inside the
     * console comes later.
     */
    public static CredentialsUnavailableException credentials(String profileName, boolean sso, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (sso) {
            String lower = detail.toLowerCase(Locale.ROOT);
            boolean token = lower.contains("token") || lower.contains("sso") || lower.contains("expired");
            String why = token ? "The SSO sign-in for profile '" + profileName + "' is missing or has expired."
                    : "Profile '" + profileName + "' uses IAM Identity Center (SSO) and its credentials could not be loaded.";
            return new CredentialsUnavailableException(why + " Run: aws sso login --profile " + profileName
                    + "  then connect again. (" + detail + ")", cause);
        }
        return new CredentialsUnavailableException("Credentials for profile '" + profileName
                + "' could not be loaded: " + detail, cause);
    }
}

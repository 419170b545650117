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

    /** Thrown when a connection's first request fails: the endpoint cannot be reached, or AWS refuses who we are. */
    public static final class ConnectionRefusedException extends RuntimeException {
        public ConnectionRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No credentials anywhere in the SDK's default chain, said as what to do rather than the chain's dump. */
    public static CredentialsUnavailableException noDefaultCredentials(Throwable cause) {
        return new CredentialsUnavailableException("No AWS credentials were found for this endpoint: set "
                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (any values for a local sandbox), or choose a profile "
                + "for it in the connection chooser.", cause);
    }

    /**
     * The first request to {@code where} (an endpoint, or Lambda in a region) failed with {@code cause}:
     * one sentence naming the place and the reason, without the SDK's advice on connection pools.
     */
    public static ConnectionRefusedException firstRequestFailed(String where, String who,
                                                               com.lambdarelease.service.errors.AwsServiceException cause) {
        if (cause instanceof com.lambdarelease.service.errors.EndpointUnreachableException) {
            return new ConnectionRefusedException("Could not reach " + where + ": " + reason(cause) + ".", cause);
        }
        if (cause instanceof com.lambdarelease.service.errors.AccessDeniedException) {
            return new ConnectionRefusedException(where + " refused the credentials of " + who + ": "
                    + cause.errorCode() + ": " + cause.awsMessage(), cause);
        }
        return new ConnectionRefusedException(where + " answered the first request with " + cause.errorCode() + ": "
                + cause.awsMessage(), cause);
    }

    /** Why a request got no answer, in a few words, from the innermost cause. */
    static String reason(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
            if (c instanceof java.net.UnknownHostException) {
                return "the host name could not be resolved (" + c.getMessage() + ")";
            }
            if (c instanceof java.net.ConnectException) {
                return "the connection was refused";
            }
            if (c instanceof javax.net.ssl.SSLException) {
                return "the TLS handshake failed (" + c.getMessage() + ")";
            }
        }
        String all = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (all.contains("acquire") || all.contains("timeout") || all.contains("timed out")) {
            return "no connection could be made in time (no network, or a firewall in the way)";
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}

package com.lambdarelease.service.connection;

import java.net.URI;
import java.util.Optional;

/** What the operator chose to connect to. Remembered between runs (never with credentials). */
public sealed interface ConnectionSpec {

    /** What the toolbar and the chooser show. */
    String label();

    /**
     * The embedded sandbox: a living demo account on 127.0.0.1, in a region (us-east-1 holds the
     * guide's functions, eu-west-1 two others, any other region starts empty).
     */
    record Sandbox(String region) implements ConnectionSpec {

        public static final String DEFAULT_REGION = "us-east-1";

        public Sandbox {
            region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        }

        /** The sandbox in us-east-1. */
        public Sandbox() {
            this(DEFAULT_REGION);
        }

        @Override
        public String label() {
            return region.equals(DEFAULT_REGION) ? "Sandbox (embedded)" : "Sandbox (embedded) · " + region;
        }
    }

    /** An AWS profile from ~/.aws/config and ~/.aws/credentials, in a region. */
    record Profile(String profileName, String region) implements ConnectionSpec {
        @Override
        public String label() {
            return profileName + " · " + region;
        }
    }

    /** Any endpoint speaking AWS's protocols (LocalStack, a sandbox elsewhere), optionally with a profile's credentials. */
    record CustomEndpoint(URI endpoint, String region, Optional<String> profileName) implements ConnectionSpec {
        @Override
        public String label() {
            return endpoint.getHost() + ":" + endpoint.getPort() + " · " + region;
        }
    }

    /**
     * A role in an account reached through IAM Identity Center: {@code session} names an
     * {@code [sso-session]} of ~/.aws/config ({@value #SANDBOX_SESSION} is the embedded sandbox's own
     * Identity Center), or {@code start} holds a start URL and region typed in. Names and ids only.
     */
    record Sso(String session, String accountId, String roleName, String region, Optional<SsoStart> start)
            implements ConnectionSpec {

        /** The session name that means the embedded sandbox's Identity Center. */
        public static final String SANDBOX_SESSION = "sandbox";

        public Sso {
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("An AWS account id is 12 digits; \"" + accountId + "\" is not one.");
            }
            if (roleName.isBlank() || session.isBlank()) {
                throw new IllegalArgumentException("Name the sso-session and the role.");
            }
        }

        public Sso(String session, String accountId, String roleName, String region) {
            this(session, accountId, roleName, region, Optional.empty());
        }

        @Override
        public String label() {
            return session + " · " + accountId + " · " + roleName + " · " + region;
        }
    }

    /** A start URL and the Identity Center's region, typed in rather than read from an sso-session. */
    record SsoStart(String startUrl, String ssoRegion) {
    }
}

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
}

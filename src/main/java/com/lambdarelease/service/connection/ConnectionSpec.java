package com.lambdarelease.service.connection;

import java.net.URI;
import java.util.Optional;

/** What the operator chose to connect to. Remembered between runs (never with credentials). */
public sealed interface ConnectionSpec {

    /** What the toolbar and the chooser show. */
    String label();

    /** The embedded sandbox: a living demo account on 127.0.0.1. */
    record Sandbox() implements ConnectionSpec {
        @Override
        public String label() {
            return "Sandbox (embedded)";
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

package com.lambdarelease.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives the SDK's default credential chain the sandbox's keys for a test class (it reads these
 * system properties before the environment), as an operator's {@code AWS_ACCESS_KEY_ID} would for
 * {@code --connection endpoint:URL}; they are cleared after the class.
 */
final class DefaultChainCredentials implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("aws.accessKeyId", "sandbox");
        System.setProperty("aws.secretAccessKey", "sandbox");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}

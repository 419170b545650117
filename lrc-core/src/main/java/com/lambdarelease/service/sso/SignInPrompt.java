package com.lambdarelease.service.sso;

import java.net.URI;

/** What a sign-in tells the operator while it waits: called on the sign-in's own thread, never the FX thread. */
public interface SignInPrompt {

    /** The device-code flow: the operator opens {@code verificationUri} (on any device) and confirms {@code userCode}. */
    void showDeviceCode(String userCode, URI verificationUri, URI verificationUriComplete);

    /** The browser was opened on {@code authorizeUrl}; the sign-in continues when it redirects back. */
    default void browserOpened(URI authorizeUrl) {
    }

    /** No browser could be opened, so the device code follows. */
    default void browserUnavailable() {
    }

    SignInPrompt SILENT = (code, uri, complete) -> { };
}

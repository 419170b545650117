package com.lambdarelease.service.sso;

/** A sign-in that ended without a token (denied, timed out, the code expired), in words for the operator. */
public final class SignInFailedException extends RuntimeException {
    public SignInFailedException(String message) {
        super(message);
    }
}

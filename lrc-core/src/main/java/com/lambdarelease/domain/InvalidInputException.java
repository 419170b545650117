package com.lambdarelease.domain;

/**
 * Input that AWS would refuse, caught before any request is sent. The message quotes AWS's own
 * rule so the operator reads the same words the API would have answered.
 */
public final class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }
}

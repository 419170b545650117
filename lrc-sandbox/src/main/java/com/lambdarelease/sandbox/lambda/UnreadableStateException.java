package com.lambdarelease.sandbox.lambda;

/**
 * The state file exists but does not read: the sandbox must not start, or it would answer from
 * demo data as if the operator's functions were gone. The message names the file and the backup.
 */
public final class UnreadableStateException extends IllegalStateException {

    UnreadableStateException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.lambdarelease.cli;

/** A command ended without doing what was asked: the words to print and the exit code to return. */
final class CliFailure extends RuntimeException {

    private final int exitCode;
    private final String outcome;

    CliFailure(int exitCode, String outcome, String message) {
        super(message);
        this.exitCode = exitCode;
        this.outcome = outcome;
    }

    static CliFailure refused(String message) {
        return new CliFailure(ExitCodes.REFUSED, "refused", message);
    }

    int exitCode() {
        return exitCode;
    }

    /** "refused", "conflict" or "failed", as the JSON output names it. */
    String outcome() {
        return outcome;
    }
}

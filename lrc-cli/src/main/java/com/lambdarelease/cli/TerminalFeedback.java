package com.lambdarelease.cli;

import com.lambdarelease.release.Feedback;
import com.lambdarelease.release.Problems;

import java.io.PrintWriter;

/** The {@link Feedback} port on the command line: one line on standard error each, so stdout stays the answer. */
final class TerminalFeedback implements Feedback {

    private final PrintWriter err;

    TerminalFeedback(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void success(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public synchronized void info(String message) {
        err.println("Note: " + message);
        err.flush();
    }

    @Override
    public synchronized void failure(String what, Throwable error) {
        err.println(what + ": " + Problems.describe(error));
        err.flush();
    }
}

package com.lambdarelease.release;

/**
 * The one way an outcome or a failure reaches the operator: a toast in the console window, a line on
 * the command line's standard error. Failures of background work (a journal line that could not be
 * written, a rollout evaluation that failed) come here too, never only to a log.
 *
 * <p>Implementations may be called from any thread and move to their own (the FX one) themselves.
 */
public interface Feedback {

    void success(String message);

    void info(String message);

    /** {@code what} failed; the implementation adds AWS's (or the system's) message for {@code error}. */
    void failure(String what, Throwable error);
}

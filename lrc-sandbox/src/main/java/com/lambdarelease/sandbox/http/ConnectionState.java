package com.lambdarelease.sandbox.http;

import java.util.concurrent.ScheduledFuture;

/**
 * What the front door knows about one connection, touched only on its event loop: whether a
 * request is being answered, the deadline for the one being read, and the body bytes it holds
 * against the global {@link BodyBudget}.
 */
final class ConnectionState {

    private boolean inFlight;
    private ScheduledFuture<?> readDeadline;
    long heldBodyBytes;

    boolean inFlight() {
        return inFlight;
    }

    /** Whether the bytes now arriving start a request (no deadline running and nothing in flight). */
    boolean startsRequest() {
        return !inFlight && readDeadline == null;
    }

    void armReadDeadline(ScheduledFuture<?> deadline) {
        this.readDeadline = deadline;
    }

    /** The whole request is in: stop its read deadline; it is now in flight. */
    void requestArrived() {
        inFlight = true;
        cancelDeadline();
    }

    void answered() {
        inFlight = false;
    }

    void cancelDeadline() {
        if (readDeadline != null) {
            readDeadline.cancel(false);
            readDeadline = null;
        }
    }
}

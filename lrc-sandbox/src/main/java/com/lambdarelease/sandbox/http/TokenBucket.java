package com.lambdarelease.sandbox.http;

import java.util.function.LongSupplier;

/**
 * A request rate as AWS enforces one: a bucket holding one second's worth of requests (at least one),
 * refilled continuously. Real time, not the sandbox clock: a rate is about how fast clients really call.
 * Shared by the sandbox's Lambda control-plane quotas, CloudWatch Logs' per-operation quotas and the
 * Identity Center portal.
 */
public final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, LongSupplier nanoTime) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0, was " + perSecond);
        }
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1, perSecond);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** True when a request may run now (and counts it); false when it is over the rate. */
    public synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}

package com.lambdarelease.sandbox;

import java.time.Duration;

/**
 * What the front door lets one client, and all of them together, hold of the sandbox. Work runs
 * on a fixed pool of {@code workerThreads} with at most {@code queuedRequests} waiting; a request
 * beyond that is answered at once with its protocol's 429 rather than a new thread. Simulated
 * latency never holds a worker: the answer is scheduled on a timer.
 *
 * @param workerThreads        threads that run handlers (request parsing, store access)
 * @param queuedRequests       requests waiting for a worker before new ones are refused with 429
 * @param maxRequestBodyBytes  largest body of one request; bigger gets the protocol's 413
 * @param maxBufferedBodyBytes request-body bytes held in memory by all connections together; a
 *                             request that would go past it is refused with 429 and its connection closed
 * @param idleTimeout          a connection with no request in flight and nothing read for this long is closed
 * @param requestReadTimeout   once a request's first byte has arrived, its headers and body must be in
 *                             within this, or the connection is closed (slow senders, half-sent requests)
 */
public record FrontDoorLimits(int workerThreads, int queuedRequests, int maxRequestBodyBytes,
                              long maxBufferedBodyBytes, Duration idleTimeout, Duration requestReadTimeout) {

    /** Lambda accepts 50 MB zipped code inline (base64 makes it larger); anything above is refused. */
    public static final int DEFAULT_MAX_BODY_BYTES = 96 * 1024 * 1024;

    public FrontDoorLimits {
        if (workerThreads < 1 || queuedRequests < 0 || maxRequestBodyBytes < 1 || maxBufferedBodyBytes < 1) {
            throw new IllegalArgumentException("front-door limits must be positive: " + workerThreads + " workers, "
                    + queuedRequests + " queued, " + maxRequestBodyBytes + " body bytes, "
                    + maxBufferedBodyBytes + " buffered bytes");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestReadTimeout.isNegative()
                || requestReadTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * Four workers per core (at least 8): handlers only parse and touch in-memory state, so a few
     * threads keep every core busy; 1,024 queued absorb a burst of thousands of connections
     * without a GetAlias waiting more than a few milliseconds behind them.
     */
    public static FrontDoorLimits defaults() {
        int workers = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        return new FrontDoorLimits(workers, 1024, DEFAULT_MAX_BODY_BYTES, 256L * 1024 * 1024,
                Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public FrontDoorLimits withWorkerThreads(int n) {
        return new FrontDoorLimits(n, queuedRequests, maxRequestBodyBytes, maxBufferedBodyBytes, idleTimeout,
                requestReadTimeout);
    }

    public FrontDoorLimits withQueuedRequests(int n) {
        return new FrontDoorLimits(workerThreads, n, maxRequestBodyBytes, maxBufferedBodyBytes, idleTimeout,
                requestReadTimeout);
    }

    public FrontDoorLimits withMaxRequestBodyBytes(int n) {
        return new FrontDoorLimits(workerThreads, queuedRequests, n, maxBufferedBodyBytes, idleTimeout,
                requestReadTimeout);
    }

    public FrontDoorLimits withMaxBufferedBodyBytes(long n) {
        return new FrontDoorLimits(workerThreads, queuedRequests, maxRequestBodyBytes, n, idleTimeout,
                requestReadTimeout);
    }

    public FrontDoorLimits withIdleTimeout(Duration d) {
        return new FrontDoorLimits(workerThreads, queuedRequests, maxRequestBodyBytes, maxBufferedBodyBytes, d,
                requestReadTimeout);
    }

    public FrontDoorLimits withRequestReadTimeout(Duration d) {
        return new FrontDoorLimits(workerThreads, queuedRequests, maxRequestBodyBytes, maxBufferedBodyBytes,
                idleTimeout, d);
    }
}

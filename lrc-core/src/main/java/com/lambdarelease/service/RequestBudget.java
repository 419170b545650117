package com.lambdarelease.service;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client-side request budget shared by everything that talks to one account and region, so the
 * console stays under Lambda's 15 control-plane requests per second. {@link #acquire()} never
 * blocks: it returns a future that completes when the request may go.
 *
 * <p>Generic cell rate algorithm: each request moves a theoretical arrival time on by one
 * interval; up to {@code burst} requests may go at once after a quiet spell.
 */
public final class RequestBudget {

    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival;

    private RequestBudget(Clock clock, ScheduledExecutorService scheduler, double perSecond, int burst) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
        this.toleranceNanos = intervalNanos * Math.max(0, burst - 1);
    }

    /** No limit: for the sandbox and benchmarks. */
    public static RequestBudget unlimited() {
        return new RequestBudget(Clock.systemUTC(), null, 0, 1);
    }

    public static RequestBudget perSecond(double perSecond, int burst, Clock clock, ScheduledExecutorService scheduler) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0");
        }
        return new RequestBudget(clock, scheduler, perSecond, burst);
    }

    /** Lambda's control-plane limit: 15 requests per second per account and region. */
    public static RequestBudget lambdaControlPlane(Clock clock, ScheduledExecutorService scheduler) {
        return perSecond(15, 5, clock, scheduler);
    }

    public CompletableFuture<Void> acquire() {
        long delay = reserve();
        if (delay <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> permit = new CompletableFuture<>();
        scheduler.schedule(() -> permit.complete(null), delay, TimeUnit.NANOSECONDS);
        return permit;
    }

    /** How long the next request would wait now. */
    public synchronized Duration currentWait() {
        if (intervalNanos == 0) {
            return Duration.ZERO;
        }
        long now = nowNanos();
        return Duration.ofNanos(Math.max(0, theoreticalArrival - now - toleranceNanos));
    }

    private synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = nowNanos();
        long tat = Math.max(theoreticalArrival, now);
        long delay = tat - now - toleranceNanos;
        theoreticalArrival = tat + intervalNanos;
        return Math.max(0, delay);
    }

    private long nowNanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}

package com.lambdarelease.service.sso;

import software.amazon.awssdk.services.sso.model.TooManyRequestsException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps portal calls under a steady rate (the portal's own limit is unpublished:
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/Welcome.html names none)
 * and retries a 429 TooManyRequestsException with doubling backoff, telling the caller each wait so
 * it can be shown. Waits are timers, never sleeping threads.
 */
final class PortalPacer {

    static final int MAX_ATTEMPTS = 8;

    private final long spacingNanos;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final LongSupplier nanos;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private long nextSlot;

    PortalPacer(double perSecond, Duration baseBackoff, Duration maxBackoff, LongSupplier nanos,
                ScheduledExecutorService scheduler, Executor io) {
        this.spacingNanos = (long) (1e9 / perSecond);
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
        this.nanos = nanos;
        this.scheduler = scheduler;
        this.io = io;
        this.nextSlot = nanos.getAsLong();
    }

    /** {@code call} on {@code io} in its turn, retried on throttling; {@code onThrottled} hears each backoff. */
    <T> CompletableFuture<T> call(Supplier<T> call, Consumer<Duration> onThrottled) {
        return attempt(call, onThrottled, 1);
    }

    private <T> CompletableFuture<T> attempt(Supplier<T> call, Consumer<Duration> onThrottled, int attempt) {
        return after(slotDelay()).thenApplyAsync(ignored -> call.get(), io).handle((value, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause == null) {
                return CompletableFuture.completedFuture(value);
            }
            if (cause instanceof TooManyRequestsException && attempt < MAX_ATTEMPTS) {
                Duration wait = backoff(attempt);
                onThrottled.accept(wait);
                return after(wait.toNanos()).thenCompose(x -> attempt(call, onThrottled, attempt + 1));
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    Duration backoff(int attempt) {
        long millis = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(millis);
    }

    private synchronized long slotDelay() {
        long now = nanos.getAsLong();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + spacingNanos;
        return slot - now;
    }

    private CompletableFuture<Void> after(long delayNanos) {
        if (delayNanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        scheduler.schedule(() -> f.complete(null), delayNanos, TimeUnit.NANOSECONDS);
        return f;
    }
}

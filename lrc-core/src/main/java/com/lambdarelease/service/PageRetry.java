package com.lambdarelease.service;

import com.lambdarelease.service.errors.AwsServiceException;
import com.lambdarelease.service.errors.ThrottledException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How often a listing asks again for a page that still fails with throttling or a 5xx after the
 * SDK's own retries, and how long it waits in between: {@code firstDelay} doubling up to
 * {@code maxDelay}, each wait drawn between half and all of that. The wait is a timer; no thread sleeps.
 *
 * @param attempts   requests per page at most, the first one included (each is itself retried by the SDK)
 * @param firstDelay the wait before the second attempt
 * @param maxDelay   the longest wait between attempts
 * @param timer      runs a task after a delay
 */
public record PageRetry(int attempts, Duration firstDelay, Duration maxDelay, Timer timer) {

    /** Runs {@code task} after {@code delay}, without blocking the caller. */
    @FunctionalInterface
    public interface Timer {
        void schedule(Runnable task, Duration delay);

        /** The JDK's shared delay thread, handing over at once to whoever sends the next request. */
        static Timer jdk() {
            return (task, delay) -> CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS,
                    Runnable::run).execute(task);
        }

        static Timer on(ScheduledExecutorService scheduler) {
            return (task, delay) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    public PageRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
    }

    /** Five requests per page, waiting up to 1 s, 2 s, 4 s, 8 s in between. */
    public static PageRetry defaults() {
        return new PageRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(8), Timer.jdk());
    }

    /** No retry beyond the SDK's. */
    public static PageRetry none() {
        return new PageRetry(1, Duration.ZERO, Duration.ZERO, Timer.jdk());
    }

    /** Worth asking again: AWS throttled or failed on its side (5xx). */
    static boolean isTransient(Throwable error) {
        return error instanceof ThrottledException
                || (error instanceof AwsServiceException aws && aws.statusCode() >= 500);
    }

    /** The wait before attempt {@code attempt + 1}, where {@code attempt} (1-based) just failed. */
    Duration delayAfter(int attempt) {
        long ceiling = firstDelay.toNanos() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(ceiling, 0), maxDelay.toNanos());
        return Duration.ofNanos(capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
    }

}

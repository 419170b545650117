package com.lambdarelease.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** The one way a test waits for something asynchronous to become true: polled, bounded, and said when it is not. */
public final class Waits {

    /** How long a condition gets unless a test says otherwise: generous for a busy 2-core CI machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Waits() {
    }

    /** Polls {@code condition} on the calling thread every 10 ms until it holds, failing after {@link #DEFAULT}. */
    public static void waitUntil(Callable<Boolean> condition) {
        waitUntil(DEFAULT, condition);
    }

    /** Polls {@code condition} on the calling thread every 10 ms until it holds, failing after {@code within}. */
    public static void waitUntil(Duration within, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!Boolean.TRUE.equals(condition.call())) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("condition not met within " + within.toSeconds() + " s");
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        } catch (AssertionError | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("condition threw", e);
        }
    }
}

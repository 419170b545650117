package com.lambdarelease.app;

import java.time.Duration;
import java.time.Instant;

/**
 * Milestones of a start (the window shown, the first cached row drawn, the first listing done),
 * printed to stderr as {@code startup: NAME MS} (milliseconds since the process started) when the
 * environment has {@code LRC_STARTUP_REPORT=1}; FirstScreenBenchmark reads them, and packaging's
 * training run for the AppCDS archive uses them to end. Silent otherwise.
 */
final class StartupReport {

    private static final boolean ON = "1".equals(System.getenv("LRC_STARTUP_REPORT"));

    private StartupReport() {
    }

    static boolean enabled() {
        return ON;
    }

    /** With {@code LRC_EXIT_AFTER_FIRST_LISTING=1} too, the console closes once the first listing is done. */
    static boolean exitAfterFirstListing() {
        return ON && "1".equals(System.getenv("LRC_EXIT_AFTER_FIRST_LISTING"));
    }

    static void mark(String milestone) {
        if (!ON) {
            return;
        }
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.err.println("startup: " + milestone + " " + Duration.between(started, Instant.now()).toMillis());
    }
}

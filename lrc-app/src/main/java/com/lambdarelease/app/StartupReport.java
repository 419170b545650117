package com.lambdarelease.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Milestones of a start (the window shown, the first cached row drawn, the first listing done),
 * printed to stderr as {@code startup: NAME MS} (milliseconds since the process started) when the
 * environment has {@code LRC_STARTUP_REPORT=1}; FirstScreenBenchmark reads them, and packaging's
 * training run for the AppCDS archive uses them to end. Silent otherwise.
 */
final class StartupReport {

    private static final boolean ON = "1".equals(System.getenv("LRC_STARTUP_REPORT"));
    /** Linux's clock tick (USER_HZ): 100 on every architecture the JDK runs on there. */
    private static final long TICKS_PER_SECOND = 100;
    /** {@link System#nanoTime()} when the process started, worked out once (in main, before any window). */
    private static final long STARTED_NANOS = ON ? System.nanoTime() - processAgeNanos() : 0;

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
        System.err.println("startup: " + milestone + " " + (System.nanoTime() - STARTED_NANOS) / 1_000_000);
    }

    /**
     * How long ago the process (the launcher, before the JVM) started. Not from
     * {@code ProcessHandle.info().startInstant()}: that adds the process's start tick to a boot time
     * kept in whole seconds, and was measured up to 450 ms off. On Linux the process's start tick and
     * the system's uptime give it to a tick (10 ms); elsewhere the JVM's own uptime, which leaves out
     * only the launcher's few milliseconds.
     */
    private static long processAgeNanos() {
        return linuxProcessAgeNanos().orElse(ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000);
    }

    private static OptionalLong linuxProcessAgeNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces; starttime is field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            long age = (long) (uptimeSeconds * 1e9) - startTicks * (1_000_000_000L / TICKS_PER_SECOND);
            return age >= 0 ? OptionalLong.of(age) : OptionalLong.empty();
        } catch (IOException | RuntimeException notLinux) {
            return OptionalLong.empty();
        }
    }
}

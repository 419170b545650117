package com.lambdarelease.app;

/** Starts the JavaFX console. Separate from {@link Main} so the command line never loads JavaFX. */
final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at
     * every start when it is on the class path, which is how the jar, {@code javafx:run} and the
     * packaged app load it (all tested); the warning says nothing an operator can act on. Held in a
     * field: java.util.logging forgets the level of a logger nobody references.
     */
    private static final java.util.logging.Logger JAVAFX_STARTUP = java.util.logging.Logger.getLogger("javafx");

    /** Stylesheet problems stay visible: they are ours to fix. */
    private static final java.util.logging.Logger JAVAFX_CSS = java.util.logging.Logger.getLogger("javafx.css");

    /**
     * The disk reads begun before the toolkit, for the {@link ConsoleApp} JavaFX instantiates: its
     * only way in, since {@code Application.launch} builds the application itself. Set once, before launch.
     */
    static volatile java.util.concurrent.CompletableFuture<StartupRead> startupRead;

    static void launch(String... args) {
        StartupReport.mark("launch");
        startupRead = StartupRead.begin();
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        JAVAFX_CSS.setLevel(java.util.logging.Level.WARNING);
        javafx.application.Application.launch(ConsoleApp.class, args);
        finishWrites(finishing, WRITES_AT_EXIT);
    }

    /**
     * The console's background pool as its window closed ({@link ConsoleApp#stop}), closed in order: the writes it
     * still had (the list cache saved as a listing ended, a chart export) finish before the JVM exits, as its
     * threads are daemons. Null when the console never started.
     */
    static volatile java.util.concurrent.ExecutorService finishing;

    /** A cache file is at most 16 MB: seconds are plenty, and a stuck disk does not keep the process forever. */
    private static final java.time.Duration WRITES_AT_EXIT = java.time.Duration.ofSeconds(10);

    static void finishWrites(java.util.concurrent.ExecutorService pool, java.time.Duration atMost) {
        if (pool == null) {
            return;
        }
        try {
            if (!pool.awaitTermination(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                java.util.logging.Logger.getLogger(ConsoleLauncher.class.getName()).warning(
                        "Background writes still running " + atMost.toSeconds() + " s after the window closed; exiting without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}

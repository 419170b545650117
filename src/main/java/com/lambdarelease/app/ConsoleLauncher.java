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
    }
}

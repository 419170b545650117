package com.lambdarelease.app;

/** Starts the JavaFX console. Separate from {@link Main} so the command line never loads JavaFX. */
final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    static void launch(String... args) {
        javafx.application.Application.launch(ConsoleApp.class, args);
    }
}

package com.lambdarelease.cli;

import java.io.Console;
import java.util.Optional;

/**
 * Whether a person is there to answer, and their answer. Injected so tests can play the operator
 * (or its absence, as in a script or CI job).
 */
public interface Terminal {

    /** True when a person can be asked to confirm a write. */
    boolean interactive();

    /** True when progress lines (rewritten in place) can go to stderr. */
    boolean showsProgress();

    /** One line typed by the operator; empty at end of input. */
    Optional<String> readLine();

    /**
     * The process's terminal: {@code System.console()}, present when stdin and stdout are a terminal.
     * Java 17 cannot tell whether stderr alone is one, so progress follows the console too.
     */
    static Terminal system() {
        Console console = System.console();
        return new Terminal() {
            @Override
            public boolean interactive() {
                return console != null;
            }

            @Override
            public boolean showsProgress() {
                return console != null;
            }

            @Override
            public Optional<String> readLine() {
                return console == null ? Optional.empty() : Optional.ofNullable(console.readLine());
            }
        };
    }

    /** No person: a script, a CI job. Writes need {@code --yes}. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public boolean showsProgress() {
                return false;
            }

            @Override
            public Optional<String> readLine() {
                return Optional.empty();
            }
        };
    }
}

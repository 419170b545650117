package com.lambdarelease.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command of the release command line: prints through picocli's writers (so tests capture them),
 * opens its connection from the global options, and returns an {@link ExitCodes} value. Failures
 * are thrown and turned into words and an exit code in one place ({@link ReleaseCli}).
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final GlobalOptions options;
    final CliContext context;

    CliCommand(GlobalOptions options, CliContext context) {
        this.options = options;
        this.context = context;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Where the story of a command goes: stdout for people, stderr when stdout carries JSON. */
    PrintWriter report() {
        return options.json() ? err() : out();
    }

    CliSession connect() {
        return CliSession.open(options, context, err(), sandboxTraffic());
    }

    /** True for rollouts: the embedded sandbox simulates traffic, so there are metrics to judge. */
    boolean sandboxTraffic() {
        return false;
    }

    @Override
    public final Integer call() {
        validate();
        try (CliSession session = needsConnection() ? connect() : null) {
            return run(session);
        }
    }

    /** Checks the typed input before anything is opened or sent; throws to refuse. */
    void validate() {
    }

    /** False for commands that only read local files (the journal). */
    boolean needsConnection() {
        return true;
    }

    abstract int run(CliSession session);

    /**
     * Asks {@code question} with [y/N] on the terminal and refuses (exit 1) unless answered y or yes: without a terminal
     * "No terminal to confirm on: add --yes to {@code what} without asking." Either refusal ends with {@code nothingDone}.
     */
    void confirmOrRefuse(String question, String what, String nothingDone) {
        if (!context.terminal().interactive()) {
            throw CliFailure.refused("No terminal to confirm on: add --yes to " + what + " without asking. " + nothingDone);
        }
        err().print(question + " [y/N] ");
        err().flush();
        String answer = context.terminal().readLine().orElse("").strip().toLowerCase(java.util.Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw CliFailure.refused("Not confirmed. " + nothingDone);
        }
    }
}

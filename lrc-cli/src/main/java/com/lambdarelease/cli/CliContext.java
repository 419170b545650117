package com.lambdarelease.cli;

import com.lambdarelease.release.WritePlan;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the command line takes from its surroundings, so tests can supply their own: the terminal,
 * the environment (AWS_REGION, LRC_JOURNAL, …), the home directory, and a hook run after a write
 * was confirmed and before it is sent (tests use it to change the alias behind the command's back),
 * and the embedded sandbox a command without an account runs on.
 */
public record CliContext(Terminal terminal, Map<String, String> env, Path home, Consumer<WritePlan> beforeApply,
                         LocalEndpoints sandbox) {

    public CliContext {
        env = Map.copyOf(env);
    }

    public static CliContext system(LocalEndpoints sandbox) {
        return new CliContext(Terminal.system(), System.getenv(), Path.of(software.amazon.awssdk.utils.UserHomeDirectoryUtils.userHomeDirectory()), plan -> {
        }, sandbox);
    }

    public CliContext withTerminal(Terminal t) {
        return new CliContext(t, env, home, beforeApply, sandbox);
    }

    public CliContext withBeforeApply(Consumer<WritePlan> hook) {
        return new CliContext(terminal, env, home, hook, sandbox);
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.release.WritePlan;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the command line takes from its surroundings, so tests can supply their own: the terminal,
 * the environment (AWS_REGION, LRC_JOURNAL, …), the home directory, and a hook run after a write
 * was confirmed and before it is sent (tests use it to change the alias behind the command's back).
 */
public record CliContext(Terminal terminal, Map<String, String> env, Path home, Consumer<WritePlan> beforeApply) {

    public CliContext {
        env = Map.copyOf(env);
    }

    public static CliContext system() {
        return new CliContext(Terminal.system(), System.getenv(), Path.of(software.amazon.awssdk.utils.UserHomeDirectoryUtils.userHomeDirectory()), plan -> {
        });
    }

    public CliContext withTerminal(Terminal t) {
        return new CliContext(t, env, home, beforeApply);
    }

    public CliContext withBeforeApply(Consumer<WritePlan> hook) {
        return new CliContext(terminal, env, home, hook);
    }
}

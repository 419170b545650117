package com.lambdarelease.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line entry point in a fresh JVM, with JavaFX on the class path as in the jar and the
 * packaged app, and no display: it runs, and not one JavaFX class is loaded (so it never needs GTK).
 */
class CommandLineWithoutJavaFxTest {

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-Xshare:off", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("LRC_JOURNAL", Path.of(System.getProperty("java.io.tmpdir"), "cli-no-javafx-journal.jsonl").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String output) {
        List<String> javafxClasses() {
            return output.lines().filter(l -> l.contains("[class,load]") && l.contains(" javafx.")).toList();
        }
    }

    @Test
    void versionAndAListingOnTheEmbeddedSandboxLoadNoJavaFxClass() throws Exception {
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.output()).contains("Lambda Release Console");
        assertThat(version.output()).as("class loading is logged").contains("[class,load] com.lambdarelease.app.Main");
        assertThat(version.javafxClasses()).isEmpty();

        Run listing = run("--output", "json", "functions", "list");
        assertThat(listing.exit()).as(listing.output()).isZero();
        assertThat(listing.output()).contains("\"MyLambdaFunction\"");
        assertThat(listing.javafxClasses()).isEmpty();
    }
}

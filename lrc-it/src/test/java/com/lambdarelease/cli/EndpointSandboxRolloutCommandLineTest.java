package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox started on its own at {@code --speed 60} (as {@code java -jar lrc-sandbox.jar --speed 60}
 * does) and reached as an endpoint drives a rollout as {@code --connection sandbox --sandbox-speed 60}
 * does: on the sandbox's clock, so the canary's invocations are seen, and at its speed, so a five-minute
 * canary ends in seconds of real time. On the wall clock the engine asked CloudWatch for minutes the
 * sandbox had long passed and saw no canary.
 */
@ExtendWith(DefaultChainCredentials.class)
class EndpointSandboxRolloutCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().speed(60).traffic(true).build());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private CliRun run(String... args) {
        CliContext context = new CliContext(Terminal.none(),
                Map.of(GlobalOptions.JOURNAL_ENV, home.resolve("journal.jsonl").toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toString()),
                home, plan -> { }, EmbeddedSandbox.forCommandLine());
        String[] full = Stream.concat(Stream.of("--connection", "endpoint:" + sandbox.endpoint(), "--region", "us-east-1"),
                Stream.of(args)).toArray(String[]::new);
        return CliRun.execute(context, full);
    }

    @Test
    void aFiveMinuteCanaryOnASandboxAtSixtyTimesSeesTheCanaryAndIsPromotedWithinAMinuteOfRealTime() throws Exception {
        long started = System.nanoTime();
        CliRun r = CompletableFuture.supplyAsync(() -> run("--output", "json", "rollout", "start", "MyLambdaFunction",
                        "prod", "--to", "2", "--plan", "Canary10Percent5Minutes", "--max-error-rate", "0.05", "--yes"))
                .get(60, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<JsonNode> lines = r.out().lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.path("state").asText()).contains("baking").endsWith("promoted");
        assertThat(lines).as("a verdict that counted the canary's invocations")
                .anySatisfy(n -> assertThat(n.path("verdict").path("canaryInvocations").asLong()).isPositive());
        // At the wall clock's cadence each evaluation waits 30 real seconds; at the sandbox's, half a second.
        assertThat(seconds).as("real seconds the rollout took").isLessThan(30);
    }
}

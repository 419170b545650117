package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.rollout.RolloutSettings;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team truth on the command line against a sandbox reached as an endpoint (the SDK's default chain signs as the
 * sandbox's IAM user {@code sandbox}): confirmations name the caller, {@code history} shows a change made with the
 * AWS CLI by someone else as theirs, and {@code rollout list --all} / {@code rollout take-over} see and take over a
 * rollout another machine (its own journal and locks) drove until its driver stopped.
 */
@ExtendWith(DefaultChainCredentials.class)
class TeamCommandLineTest {

    private static final String FN = "MyLambdaFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Sandbox sandbox;
    private LambdaClient other;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().speed(60).traffic(true).build());
        other = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other"))).build();
    }

    @AfterEach
    void stopSandbox() {
        other.close();
        sandbox.close();
    }

    private CliRun run(Path journal, String... args) {
        CliContext context = new CliContext(Terminal.none(),
                Map.of(GlobalOptions.JOURNAL_ENV, journal.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()),
                home, plan -> { }, EmbeddedSandbox.forCommandLine());
        String[] full = Stream.concat(Stream.of("--connection", "endpoint:" + sandbox.endpoint(), "--region", "us-east-1"),
                Stream.of(args)).toArray(String[]::new);
        return CliRun.execute(context, full);
    }

    private static Optional<String> awsCli() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            Path aws = Path.of(dir, "aws");
            if (Files.isExecutable(aws)) {
                return Optional.of(aws.toString());
            }
        }
        return Optional.empty();
    }

    @Test
    void historyShowsAChangeMadeWithTheAwsCliAsSomeoneElsesAndAWriteNamesItsCaller() throws Exception {
        Optional<String> aws = awsCli();
        Assumptions.assumeTrue(aws.isPresent(), "the AWS CLI is not installed (.ci/run installs Debian's awscli)");
        Path journal = home.resolve("journal.jsonl");
        CliRun set = run(journal, "alias", "set", FN, "prod", "--version", "3", "--canary", "2", "--weight", "5", "--yes");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("as arn:aws:iam::123456789012:user/sandbox");

        ProcessBuilder pb = new ProcessBuilder(aws.get(), "lambda", "update-alias", "--function-name", FN, "--name", "prod",
                "--function-version", "3", "--routing-config", "{\"AdditionalVersionWeights\":{\"2\":0.2}}",
                "--endpoint-url", sandbox.endpoint().toString(), "--region", "us-east-1", "--output", "json");
        pb.environment().put("AWS_ACCESS_KEY_ID", "bob");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "bob");
        pb.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();

        CliRun history = run(journal, "history", FN, "prod", "--since", "1h");
        assertThat(history.code()).as(history.err()).isZero();
        List<String> rows = history.out().lines().filter(l -> l.contains(FN + ":prod")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("*").contains("bob").contains("AWS CLI").contains("95% v3 · 5% v2 → 80% v3 · 20% v2");
        assertThat(rows.get(1)).doesNotContain("*").contains("sandbox").contains("this tool (this machine)");

        CliRun json = run(journal, "--output", "json", "history", FN, "prod", "--since", "1h");
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.path("trailComplete").asBoolean()).isTrue();
        JsonNode theirs = doc.path("entries").get(0);
        assertThat(theirs.path("who").asText()).isEqualTo("arn:aws:iam::123456789012:user/bob");
        assertThat(theirs.path("source").asText()).isEqualTo("AWS_CLI");
        assertThat(theirs.path("notByThisTool").asBoolean()).isTrue();
        assertThat(theirs.path("inJournal").asBoolean()).isFalse();

        assertThat(run(journal, "history", FN, "--since", "91d").code()).isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    void anotherMachinesRolloutIsListedAndOnceItsDriverStoppedTakenOverHereOnce() throws Exception {
        other.updateFunctionConfiguration(b -> b.functionName(FN).environment(e -> e.variables(Map.of("SANDBOX_ERROR_RATE", "0.002"))));
        Waits.waitUntil(Duration.ofSeconds(30), () -> "Successful".equals(other.getFunctionConfiguration(b -> b.functionName(FN))
                .lastUpdateStatusAsString()));
        String v = other.publishVersion(b -> b.functionName(FN)).version();

        // Machine A: its own journal and lock folder, the same account.
        Path journalA = home.resolve("machine-a/journal.jsonl");
        ExecutorService io = Executors.newCachedThreadPool();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (SessionFactory factory = new SessionFactory(io, timer, EmbeddedSandbox.forCommandLine().starter(1, false))) {
            ReleaseSession a = factory.openSession(new ConnectionSpec.CustomEndpoint(sandbox.endpoint(), "us-east-1", Optional.empty()),
                    ReleaseJournal.at(journalA)).join();
            RolloutEngine engineA = new RolloutEngine(a, a.services().clock(), Runnable::run,
                    RolloutEngine.lockFolderBeside(journalA));
            Rollout rollout = engineA.start(new RolloutEngine.Request(FN, "prod", v,
                    RolloutPlan.predefined("Canary10Percent10Minutes").orElseThrow(),
                    RolloutSettings.defaults().withMaxErrorRate(Optional.of(0.05)))).join();
            rollout.evaluate().join();
            Path journalB = home.resolve("machine-b/journal.jsonl");

            CliRun listed = run(journalB, "rollout", "list", "--all", "--function", FN);
            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out()).contains(FN + ":prod").contains("sandbox").contains("driven");
            CliRun refused = run(journalB, "rollout", "take-over", FN, "prod", "--yes");
            assertThat(refused.code()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(refused.err()).contains("A live driver's rollout is not taken over");
            CliRun resume = run(journalB, "rollout", "resume", FN, "prod");
            assertThat(resume.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(resume.err()).contains("A rollout of " + FN + ":prod is driven by sandbox on").contains("Act on it on");

            engineA.close(); // machine A's driver stops; at 60x its lease is stale within three real seconds
            a.close();
            Waits.waitUntil(Duration.ofSeconds(20), () -> run(journalB, "rollout", "list", "--all", "--function", FN)
                    .out().contains("no driver since"));

            CliRun taken = CompletableFuture.supplyAsync(() -> run(journalB, "rollout", "take-over", FN, "prod", "--yes",
                    "--reason", "machine A is gone")).get(120, TimeUnit.SECONDS);
            assertThat(taken.code()).as(taken.out() + taken.err()).isZero();
            assertThat(taken.out()).contains("Take over the rollout of " + FN + ":prod: no driver since");
            assertThat(other.getAlias(b -> b.functionName(FN).name("prod")).functionVersion()).isEqualTo(v);
            assertThat(Files.readAllLines(journalB)).anySatisfy(l -> assertThat(l).contains("\"event\":\"takeover\"")
                    .contains("machine A is gone"));
            CliRun again = run(journalB, "rollout", "take-over", FN, "prod", "--yes");
            assertThat(again.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(again.err()).contains("No rollout lease on " + FN + ":prod");
        } finally {
            io.shutdownNow();
            timer.shutdownNow();
        }
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.app.EmbeddedSandbox;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.rollout.RolloutJournal;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rollout control from the command line, against one sandbox that outlives the commands
 * (reached as an endpoint): one process drives the rollout in the foreground while others ask it to
 * skip, override, pause, resume and abort through the journal; a pause does not end the driver (its
 * gates stay armed). The driver acts on a request within about half a second.
 */
@ExtendWith(DefaultChainCredentials.class)
class RolloutControlsCommandLineTest {

    private static final String FN = "MyLambdaFunction";

    @TempDir
    Path home;

    private Sandbox sandbox;
    private LambdaClient other;



    @BeforeEach
    void startSandbox() throws Exception {
        startSandboxAt(1);
    }

    private void startSandboxAt(double speed) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().traffic(true).speed(speed).build());
        other = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
                .build();
    }

    @AfterEach
    void stopSandbox() {
        other.close();
        sandbox.close();
    }

    private CliRun run(String... args) {
        CliContext context = new CliContext(Terminal.none(),
                Map.of(GlobalOptions.JOURNAL_ENV, home.resolve("journal.jsonl").toString()), home, plan -> { }, EmbeddedSandbox.forCommandLine());
        String[] full = Stream.concat(Stream.of("--connection", "endpoint:" + sandbox.endpoint(), "--region", "us-east-1"),
                Stream.of(args)).toArray(String[]::new);
        return CliRun.execute(context, full);
    }

    private CompletableFuture<CliRun> inAnotherProcess(String... args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    private List<ObjectNode> records(String event) {
        return new RolloutJournal(ReleaseJournal.at(home.resolve("journal.jsonl"))).all().stream()
                .filter(r -> event.equals(r.path("event").asText())).toList();
    }

    private boolean controlled(String control) {
        return records("control").stream().anyMatch(r -> control.equals(r.path("control").asText()));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private GetAliasResponse prod() {
        return other.getAlias(b -> b.functionName(FN).name("prod"));
    }

    @Test
    void skipOverridePauseResumeAndAbortEachReachTheRolloutWhoeverDrivesIt() throws Exception {
        CompletableFuture<CliRun> driver = inAnotherProcess("rollout", "start", FN, "prod", "--to", "2",
                "--plan", "Canary10Percent30Minutes", "--max-error-rate", "0.05", "--yes");
        await(() -> records("state").stream().anyMatch(r -> "BAKING".equals(r.path("state").asText())));
        assertThat(prod().routingConfig().additionalVersionWeights()).containsEntry("2", 0.1);

        CliRun skip = run("rollout", "skip", FN, "prod");
        assertThat(skip.code()).as(skip.out() + skip.err()).isZero();
        assertThat(skip.err() + skip.out()).contains("Asked the process driving MyLambdaFunction:prod to skip");
        await(() -> controlled("skip"));

        CliRun bare = run("rollout", "override", FN, "prod");
        assertThat(bare.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(bare.err()).contains("An override needs --reason TEXT");
        CliRun override = run("rollout", "override", FN, "prod", "--reason", "v2's errors are a known upstream blip");
        assertThat(override.code()).as(override.out() + override.err()).isZero();
        await(() -> controlled("override"));
        assertThat(records("control")).anySatisfy(r -> assertThat(r.path("reason").asText())
                .startsWith("v2's errors are a known upstream blip"));

        CliRun pause = run("rollout", "pause", FN, "prod", "--reason", "checking a dashboard");
        assertThat(pause.code()).isZero();
        await(() -> controlled("pause"));
        // A pause stops shifting, never judging: the driver stays, its gates armed, and says it is paused.
        Thread.sleep(1_000);
        assertThat(driver).as("the driver goes on judging while paused").isNotDone();
        assertThat(prod().routingConfig().additionalVersionWeights()).as("a pause keeps the split").containsEntry("2", 0.1);
        CliRun status = run("rollout", "status", FN, "prod");
        assertThat(status.out()).contains("paused").contains("driven");

        CliRun resume = run("rollout", "resume", FN, "prod");
        assertThat(resume.code()).isZero();
        await(() -> controlled("resume"));
        CliRun abort = run("rollout", "abort", FN, "prod", "--reason", "enough");
        assertThat(abort.code()).isZero();
        CliRun end = driver.get(30, TimeUnit.SECONDS);
        assertThat(end.code()).as(end.out() + end.err()).isEqualTo(ExitCodes.ROLLED_BACK);
        assertThat(end.out()).contains("Paused by the operator: checking a dashboard")
                .contains("Aborted by the operator: enough").contains("restored 100% → v3");
        GetAliasResponse after = prod();
        assertThat(after.functionVersion()).isEqualTo("3");
        assertThat(after.routingConfig() == null || after.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
        assertThat(after.description()).isEqualTo("Live traffic");
    }

    @Test
    void aManualGateKeepsTheDriverJudgingUntilAnotherTerminalApprovesIt() throws Exception {
        sandbox.close();
        other.close();
        startSandboxAt(60); // a minute a second: the gate comes within seconds
        com.lambdarelease.rollout.PlanStore.besideSettings(com.lambdarelease.service.settings.SettingsFile.defaultFile(
                Map.of(GlobalOptions.JOURNAL_ENV, home.resolve("journal.jsonl").toString()), home)).save(
                new com.lambdarelease.rollout.RolloutPlan("gated", List.of(
                        com.lambdarelease.rollout.RolloutPlan.Step.shift(10, java.time.Duration.ofMinutes(1)),
                        com.lambdarelease.rollout.RolloutPlan.Step.gate())));
        CompletableFuture<CliRun> driver = inAnotherProcess("rollout", "start", FN, "prod", "--publish", "--plan", "gated",
                "--max-error-rate", "0.5", "--yes"); // $LATEST, healthy: v2 fails more often than v3 and would roll back
        await(() -> records("state").stream().anyMatch(r -> "gate".equals(r.path("change").asText())));

        Thread.sleep(1_000);
        assertThat(driver).as("a question for the operator leaves the driver judging, not the canary to nobody").isNotDone();
        assertThat(run("rollout", "status", FN, "prod").out()).contains("holding").contains("driven");

        CliRun approve = run("rollout", "approve", FN, "prod", "--reason", "looked at the dashboards");
        assertThat(approve.code()).as(approve.out() + approve.err()).isZero();
        CliRun end = driver.get(60, TimeUnit.SECONDS);
        assertThat(end.code()).as(end.out() + end.err()).isEqualTo(ExitCodes.DONE);
        assertThat(end.out()).contains("This driver goes on judging").contains("Promoted");
        assertThat(prod().functionVersion()).as("the published version, promoted").isNotEqualTo("3");
        assertThat(prod().routingConfig() == null || prod().routingConfig().additionalVersionWeights().isEmpty()).isTrue();
    }
}

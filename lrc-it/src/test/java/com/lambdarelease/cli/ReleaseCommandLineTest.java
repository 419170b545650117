package com.lambdarelease.cli;

import com.lambdarelease.app.EmbeddedSandbox;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.release.WeightParser;
import com.lambdarelease.release.WritePlan;
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
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line run in-process, as a script would run it, against a sandbox started for each
 * test and reached as a custom endpoint with the SDK's default credential chain; what it did is
 * read back with a separate SDK client (another operator's view of the account).
 */
@ExtendWith(DefaultChainCredentials.class)
class ReleaseCommandLineTest {

    private static final String FN = "MyLambdaFunction";

    @TempDir
    Path home;

    private Sandbox sandbox;
    private LambdaAsyncClient other;


    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().port(0).build());
        other = LambdaAsyncClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
                .build();
    }

    @AfterEach
    void stopSandbox() {
        other.close();
        sandbox.close();
    }

    @Test
    void publishWaitsForAnUpdateInProgressToFinishAndSaysSo() throws Exception {
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.builderForTests().port(0)
                .stateDelay(java.time.Duration.ofMillis(1500)).build());
        other.close();
        other = LambdaAsyncClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
                .build();
        other.updateFunctionConfiguration(r -> r.functionName(FN).timeout(20)).join();

        CliRun published = run("publish", FN);

        assertThat(published.code()).as(published.err()).isZero();
        assertThat(published.err()).contains("Waiting for AWS to finish the last update of " + FN);
        assertThat(published.out().strip()).isEqualTo("5");
    }

    @Test
    void theGuideRunsFromTheCommandLineAndEveryWriteLandsInTheJournal() {
        CliRun published = run("publish", FN, "--description", "from the command line");
        assertThat(published.code()).as(published.err()).isZero();
        String newest = other.listVersionsByFunction(r -> r.functionName(FN)).join().versions().stream()
                .map(v -> v.version()).filter(v -> !v.equals("$LATEST")).max((a, b) -> Integer.parseInt(a) - Integer.parseInt(b))
                .orElseThrow();
        assertThat(published.out().strip()).isEqualTo(newest);

        CliRun created = run("alias", "create", FN, "qa", "--version", "3");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(alias("qa").functionVersion()).isEqualTo("3");

        CliRun canary = run("alias", "set", FN, "prod", "--version", "3", "--canary", "4", "--weight", "10", "--yes");
        assertThat(canary.code()).as(canary.err()).isZero();
        assertThat(canary.out()).contains("before: 100% → v3").contains("after:  90% → v3 · 10% → v4");
        assertThat(alias("prod").functionVersion()).isEqualTo("3");
        assertThat(weights(alias("prod"))).isEqualTo(Map.of("4", 0.1));

        CliRun promoted = run("alias", "promote", FN, "prod", "--yes");
        assertThat(promoted.code()).as(promoted.err()).isZero();
        assertThat(alias("prod").functionVersion()).isEqualTo("4");
        assertThat(weights(alias("prod"))).isEmpty();

        CliRun rolledBack = run("alias", "rollback", FN, "prod", "--to", "3", "--yes");
        assertThat(rolledBack.code()).as(rolledBack.err()).isZero();
        assertThat(alias("prod").functionVersion()).isEqualTo("3");
        assertThat(weights(alias("prod"))).isEmpty();

        CliRun journal = run("journal", FN);
        assertThat(journal.code()).as(journal.err()).isZero();
        List<String> lines = journal.out().lines().toList();
        assertThat(lines).hasSize(5); // header + create, update, promote, rollback
        assertThat(lines.get(0)).startsWith("TIME").contains("CONNECTION", "ACCOUNT", "REGION", "WHO", "ALIAS", "ACTION",
                "CHANGE", "OUTCOME");
        // WHO is the caller STS named for the default chain's keys, not the chain's name.
        assertThat(lines.get(1)).contains("MyLambdaFunction:qa", "create", "(none) → 100% v3", "applied", "us-east-1",
                "arn:aws:iam::123456789012:user/sandbox");
        assertThat(lines.get(2)).contains("MyLambdaFunction:prod", "update", "100% v3 → 90% v3 · 10% v4", "applied");
        assertThat(lines.get(3)).contains("promote", "90% v3 · 10% v4 → 100% v4", "applied");
        assertThat(lines.get(4)).contains("rollback", "100% v4 → 100% v3", "applied");
        assertThat(run("journal", FN, "qa").out().lines()).hasSize(2);
    }

    @Test
    void aWeightOutOfRangeOrNotANumberIsRefusedBeforeAnyRequest() {
        String name = freshAlias("3");
        GetAliasResponse before = alias(name);
        for (String weight : List.of("150", "abc")) {
            CliRun r = run("alias", "set", FN, name, "--version", "3", "--canary", "4", "--weight", weight, "--yes");
            assertThat(r.code()).isEqualTo(ExitCodes.REFUSED);
            assertThat(r.err()).contains(WeightParser.parse(weight).error());
        }
        assertThat(alias(name).revisionId()).isEqualTo(before.revisionId());
    }

    @Test
    void aCanaryWithoutAWeightIsRefusedAsBadInput() {
        CliRun r = run("alias", "set", FN, "prod", "--version", "3", "--canary", "4", "--yes");
        assertThat(r.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("--weight");
    }

    @Test
    void withoutATerminalAndWithoutYesAWriteIsRefusedAndNothingIsSent() {
        String name = freshAlias("3");
        GetAliasResponse before = alias(name);
        CliRun r = run("alias", "set", FN, name, "--version", "3", "--canary", "4", "--weight", "10");
        assertThat(r.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("add --yes");
        assertThat(r.out()).contains("after:  90% → v3 · 10% → v4"); // the preview was shown all the same
        assertThat(alias(name).revisionId()).isEqualTo(before.revisionId());
    }

    @Test
    void onATerminalTheOperatorConfirmsOrDeclines() {
        String name = freshAlias("3");
        CliRun declined = run(Scripted.answering("n"), plan -> { }, "alias", "delete", FN, name);
        assertThat(declined.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(declined.err()).contains("Proceed? [y/N]");
        assertThat(alias(name).functionVersion()).isEqualTo("3");

        CliRun confirmed = run(Scripted.answering("y"), plan -> { }, "alias", "set", FN, name, "--version", "3",
                "--canary", "4", "--weight", "12.5%");
        assertThat(confirmed.code()).as(confirmed.err()).isZero();
        assertThat(weights(alias(name))).isEqualTo(Map.of("4", 0.125));
    }

    @Test
    void onATerminalListingFunctionsCountsThemOnStderr() {
        CliRun r = run(Scripted.answering(), plan -> { }, "functions", "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("\rListed 5 functions");
        assertThat(r.out().lines()).hasSize(6).first().asString().startsWith("NAME");
    }

    @Test
    void theRoutingPreflightRefusesASplitAcrossExecutionRoles() {
        CliRun r = run("alias", "set", "image-resizer", "prod", "--version", "4", "--canary", "5", "--weight", "10", "--yes");
        assertThat(r.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("The execution roles differ");
        assertThat(weightsOf("image-resizer", "prod")).isEmpty();
    }

    @Test
    void anAliasChangedBySomeoneElseBetweenReadAndWriteIsAConflictAndNotOverwritten() {
        String name = freshAlias("3");
        Consumer<WritePlan> someoneElse = plan -> other.updateAlias(r -> r.functionName(FN).name(name)
                .description("changed by someone else")).join();
        CliRun r = run(Terminal.none(), someoneElse, "alias", "set", FN, name, "--version", "3", "--canary", "4",
                "--weight", "10", "--yes");
        assertThat(r.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(r.err()).contains("was changed by someone else since it was read").contains("Nothing was overwritten");
        GetAliasResponse now = alias(name);
        assertThat(now.description()).isEqualTo("changed by someone else");
        assertThat(weights(now)).isEmpty();
        assertThat(run("journal", FN, name).out()).contains("conflict");
    }

    @Test
    void anAwsErrorIsPrintedInAwsWordsWithExitCode3() {
        CliRun promote = run("alias", "promote", "NoSuchFunction", "prod", "--yes");
        assertThat(promote.code()).isEqualTo(ExitCodes.AWS_ERROR);
        assertThat(promote.err()).contains("Function not found").contains("NoSuchFunction");
        CliRun versions = run("versions", "list", "NoSuchFunction");
        assertThat(versions.code()).isEqualTo(ExitCodes.AWS_ERROR);
        assertThat(versions.out()).isEmpty();
    }

    @Test
    void jsonOutputIsOneDocumentOnStdoutForListsAndWrites() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode aliases = strict.readTree(run("--output", "json", "aliases", "list", FN).out());
        assertThat(aliases.isArray()).isTrue();
        JsonNode prod = Stream.of(aliases).flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(a -> a.path("name").asText().equals("prod")).findFirst().orElseThrow();
        assertThat(prod.path("functionVersion").asText()).isEqualTo("3");
        assertThat(prod.path("revisionId").asText()).isNotBlank();

        JsonNode functions = strict.readTree(run("--output", "json", "functions", "list").out());
        assertThat(functions).extracting(f -> f.path("name").asText()).contains(FN, "orders-api");
        assertThat(strict.readTree(run("--output", "json", "versions", "list", FN).out()).isArray()).isTrue();

        String name = freshAlias("3");
        CliRun write = run("--output", "json", "alias", "set", FN, name, "--version", "3", "--canary", "4", "--weight", "10",
                "--yes");
        assertThat(write.code()).as(write.err()).isZero();
        JsonNode outcome = strict.readTree(write.out());
        assertThat(outcome.path("outcome").asText()).isEqualTo("applied");
        assertThat(outcome.path("function").asText()).isEqualTo(FN);
        assertThat(outcome.path("alias").asText()).isEqualTo(name);
        assertThat(outcome.path("before").path("functionVersion").asText()).isEqualTo("3");
        assertThat(outcome.path("after").path("additionalVersionWeights").path("4").asDouble()).isEqualTo(0.1);
        assertThat(outcome.path("revisionId").asText()).isEqualTo(alias(name).revisionId());
        assertThat(write.err()).contains("Update alias"); // the preview went to stderr

        CliRun refused = run("--output", "json", "alias", "set", FN, name, "--version", "3", "--canary", "4", "--weight",
                "150", "--yes");
        assertThat(strict.readTree(refused.out()).path("outcome").asText()).isEqualTo("refused");
    }

    // --- helpers ---


    private CliRun run(String... args) {
        return run(Terminal.none(), plan -> { }, args);
    }

    private CliRun run(Terminal terminal, Consumer<WritePlan> beforeApply, String... args) {
        CliContext context = new CliContext(terminal,
                Map.of(GlobalOptions.JOURNAL_ENV, home.resolve("journal.jsonl").toString()), home, beforeApply, EmbeddedSandbox.forCommandLine());
        String[] full = Stream.concat(Stream.of("--connection", "endpoint:" + sandbox.endpoint(), "--region", "us-east-1"),
                Stream.of(args)).toArray(String[]::new);
        return CliRun.execute(context, full);
    }

    /** An alias of MyLambdaFunction nobody else uses, made by the other client. */
    private String freshAlias(String version) {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        other.createAlias(r -> r.functionName(FN).name(name).functionVersion(version)).join();
        return name;
    }

    private GetAliasResponse alias(String name) {
        return other.getAlias(r -> r.functionName(FN).name(name)).join();
    }

    private Map<String, Double> weightsOf(String function, String name) {
        return weights(other.getAlias(r -> r.functionName(function).name(name)).join());
    }

    private static Map<String, Double> weights(GetAliasResponse alias) {
        return Optional.ofNullable(alias.routingConfig()).map(AliasRoutingConfiguration::additionalVersionWeights)
                .orElse(Map.of());
    }

    /** An operator at a terminal who types the given answers. */
    private static final class Scripted implements Terminal {
        private final Deque<String> answers;

        private Scripted(List<String> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        static Scripted answering(String... answers) {
            return new Scripted(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public boolean showsProgress() {
            return true;
        }

        @Override
        public Optional<String> readLine() {
            return Optional.ofNullable(answers.poll());
        }
    }
}

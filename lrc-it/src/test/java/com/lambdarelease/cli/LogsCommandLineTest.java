package com.lambdarelease.cli;

import com.lambdarelease.app.EmbeddedSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logs FUNCTION ALIAS} in-process against a sandbox where prod sends 10% to v4 and a few
 * hundred requests ran: events marked by version, the grouped errors with v4's own marked, and
 * refusals of bad input before anything is sent.
 */
class LogsCommandLineTest {

    private static final String FN = "MyLambdaFunction";

    @TempDir
    static Path home;

    private static Sandbox sandbox;
    private static int v4Errors;
    private static int v3Runs;

    @BeforeAll
    static void canaryWithTraffic() throws Exception {
        System.setProperty("aws.accessKeyId", "sandbox");
        System.setProperty("aws.secretAccessKey", "sandbox");
        sandbox = Sandbox.start(SandboxOptions.builderForTests().port(0).build());
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
            String revision = lambda.getAlias(b -> b.functionName(FN).name("prod")).revisionId();
            lambda.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3").revisionId(revision)
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("4", 0.1))));
            for (int i = 0; i < 400; i++) {
                var r = lambda.invoke(b -> b.functionName(FN).qualifier("prod"));
                if (r.executedVersion().equals("4")) {
                    v4Errors += r.functionError() == null ? 0 : 1;
                } else {
                    v3Runs++;
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }


    private static CliRun run(String... args) {
        CliContext context = new CliContext(Terminal.none(), Map.of(GlobalOptions.JOURNAL_ENV,
                home.resolve("journal.jsonl").toString()), home, plan -> { }, EmbeddedSandbox.forCommandLine());
        String[] full = Stream.concat(Stream.of("--connection", "endpoint:" + sandbox.endpoint(), "--region", "us-east-1"),
                Stream.of(args)).toArray(String[]::new);
        return CliRun.execute(context, full);
    }

    @Test
    void errorsAreGroupedPerVersionAndVersion4sOwnAreMarked() {
        CliRun r = run("logs", FN, "prod", "--errors");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("Errors from \\S+Z to \\S+Z \\(UTC\\), complete\\.");
        assertThat(lines.get(1)).matches("v3\\s+v4\\s+NOTE\\s+ERROR");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("0\\s+\\d+\\s+only in v4\\s+PricingRuleError: No pricing "
                + "rule matches tier 'gold-<n>' for order ord-<hex>"));
        assertThat(counted(lines, 1)).isEqualTo(v4Errors);
    }

    @Test
    void errorsAreCountedWholeWhateverTheLimitOfListedEvents() throws Exception {
        CliRun one = run("--output", "json", "logs", FN, "prod", "--errors", "--limit", "1");

        assertThat(one.code()).as(one.err()).isZero();
        JsonNode counts = new ObjectMapper().readTree(one.out());
        assertThat(counts.path("complete").asBoolean()).isTrue();
        assertThat(counts.path("completeThrough").asText()).isEqualTo(counts.path("end").asText());
        int v4 = 0;
        for (JsonNode g : counts.path("groups")) {
            v4 += g.path("counts").path("4").asInt();
        }
        assertThat(v4).isEqualTo(v4Errors);
        assertThat(run("logs", FN, "prod", "--errors", "--limit", "1").out().lines().skip(2)
                .mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[1])).sum()).isEqualTo(v4Errors);
    }

    @Test
    void aCountItsLimitStoppedSaysHowFarItGotAndNeverPassesForTheWhole() {
        // One request reads version 3's streams; version 4's are not reached.
        CliRun r = run("logs", FN, "prod", "--errors", "--max-requests", "1");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("Errors through (\\S+Z) of \\1 to \\S+Z \\(UTC\\) only: the read stopped at its "
                + "limit \\(1 request, 200,000 errors\\); a shorter --since counts all\\.");
        assertThat(lines.get(1)).isEqualTo("No errors from v3 or v4 in the part counted.");
    }

    /** The sum of a version's column (0 for the first) in the --errors table. */
    private static int counted(List<String> lines, int column) {
        return lines.stream().skip(2).mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[column])).sum();
    }

    @Test
    void eventsAreMarkedWithTheVersionThatWroteThemAndFilteredByPattern() throws Exception {
        CliRun v4 = run("--output", "json", "logs", FN, "prod", "--version", "4", "--filter", "ERROR");
        assertThat(v4.code()).as(v4.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(v4.out());
        assertThat(events).hasSize(v4Errors);
        events.forEach(e -> {
            assertThat(e.path("version").asText()).isEqualTo("4");
            assertThat(e.path("message").asText()).startsWith("[ERROR] ");
        });

        CliRun starts = run("logs", FN, "prod", "--version", "3", "--filter", "\"START RequestId\"", "--limit", "10000",
                "--follow", "--max-polls", "1", "--poll-ms", "10");
        assertThat(starts.code()).as(starts.err()).isZero();
        assertThat(starts.out().lines()).hasSize(v3Runs)
                .allSatisfy(l -> assertThat(l).matches("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z  v3  START RequestId: \\S+ Version: 3"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        CliRun since = run("logs", FN, "prod", "--since", "15x");
        assertThat(since.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(since.err()).contains("--since must be a number and a unit (s, m, h or d), such as 15m; was '15x'.");
        assertThat(run("logs", FN, "prod", "--since", "8d").err()).contains("at most 7d");
        assertThat(run("logs", FN, "prod", "--errors", "--follow").err()).contains("does not --follow");
        CliRun both = run("logs", FN, "prod", "--errors", "--filter", "ERROR");
        assertThat(both.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(both.err()).contains("--errors reads the runtimes' error lines with its own pattern; it takes no --filter.");
        CliRun other = run("logs", FN, "prod", "--version", "2");
        assertThat(other.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(other.err()).contains("MyLambdaFunction:prod routes to 3 and 4, not to version 2.");
        CliRun pattern = run("logs", FN, "prod", "--filter", "{ $.level = ");
        assertThat(pattern.code()).isEqualTo(ExitCodes.AWS_ERROR);
        assertThat(pattern.err()).contains("Invalid filter pattern");
    }
}

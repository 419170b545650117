package com.lambdarelease.service;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.logs.ErrorCounter;
import com.lambdarelease.logs.ErrorCounts;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors per version counted from the error lines alone, against the sandbox at its default
 * traffic over HTTP: prod at 90/10 between v3 and v4 after an hour of history. Whatever the range
 * and however many START/END/REPORT lines the traffic wrote, each version's count is the number of
 * {@code [ERROR]} events an independent reader (the SDK's FilterLogEvents over the whole group,
 * paged here) finds in that version's streams; a count that a limit stopped says how far it got.
 */
class ErrorCountsTest {

    private static final String FN = "MyLambdaFunction";
    private SandboxServices env;
    private LogsService logs;

    @BeforeEach
    void anHourOfTrafficThenACanary() throws Exception {
        env = anHourOfTrafficThenACanaryFor20Minutes();
        logs = new SdkLogsService(env.clients.logs(), RequestBudget.unlimited());
    }

    /** The sandbox at its default traffic with an hour of history, then prod at 90/10 between v3 and v4 for 20 minutes. */
    static SandboxServices anHourOfTrafficThenACanaryFor20Minutes() throws Exception {
        SandboxServices env = new SandboxServices(SandboxOptions.builderForTests().traffic(true)
                .backfill(Duration.ofHours(1)).build());
        LambdaClient lambda = env.clients.lambda();
        String revision = lambda.getAlias(b -> b.functionName(FN).name("prod")).revisionId();
        lambda.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3").revisionId(revision)
                .routingConfig(r -> r.additionalVersionWeights(Map.of("4", 0.1))));
        for (int minute = 0; minute < 20; minute++) {
            env.clock.advance(Duration.ofMinutes(1));
            env.sandbox.generateTrafficToNow();
        }
        return env;
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void over15And60MinutesEachVersionsCountIsEveryErrorItsStreamsHold() throws Exception {
        Instant now = env.clock.instant();
        for (Duration range : List.of(Duration.ofMinutes(15), Duration.ofMinutes(60))) {
            Instant start = now.minus(range);
            ErrorCounts counts = new ErrorCounter(logs).count(FN, List.of("3", "4"), start, now).get(60, TimeUnit.SECONDS);
            Map<String, Integer> independent = errorsPerVersion(start, now);

            assertThat(counts.complete()).as(range.toString()).isTrue();
            assertThat(counts.start()).isEqualTo(start);
            assertThat(counts.completeThrough()).isEqualTo(now);
            assertThat(independent.get("3")).as("v3's errors in %s", range).isPositive();
            assertThat(independent.get("4")).as("v4's errors in %s", range).isPositive();
            assertThat(counts.total("3")).as("v3 over %s", range).isEqualTo(independent.get("3"));
            assertThat(counts.total("4")).as("v4 over %s", range).isEqualTo(independent.get("4"));
        }
    }

    @Test
    void over15MinutesTheCountsEqualWhatTheAwsCliFinds() throws Exception {
        java.nio.file.Path cli = java.nio.file.Path.of("/usr/bin/aws");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(cli), "no AWS CLI at /usr/bin/aws");
        Instant now = env.clock.instant();
        Instant start = now.minus(Duration.ofMinutes(15));
        ErrorCounts counts = new ErrorCounter(logs).count(FN, List.of("3", "4"), start, now).get(60, TimeUnit.SECONDS);

        List<String> command = List.of(cli.toString(), "--endpoint-url", env.sandbox.endpoint().toString(), "--region",
                "us-east-1", "--output", "json", "logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + FN,
                "--start-time", Long.toString(start.toEpochMilli()), "--end-time", Long.toString(now.toEpochMilli() - 1),
                "--filter-pattern", "\"[ERROR]\"");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AWS_ACCESS_KEY_ID", "sandbox");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "sandbox");
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        pb.environment().put("AWS_PAGER", "");
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes(); // the CLI pages to the end itself
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
        Map<String, Integer> byCli = new HashMap<>(Map.of("3", 0, "4", 0));
        for (var e : new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).path("events")) {
            if (e.path("message").asText().startsWith("[ERROR] ")) {
                FunctionLogEvent.versionOf(e.path("logStreamName").asText()).ifPresent(v -> byCli.merge(v, 1, Integer::sum));
            }
        }

        assertThat(counts.complete()).isTrue();
        assertThat(byCli.get("4")).isPositive();
        assertThat(counts.total("3")).as("v3").isEqualTo(byCli.get("3"));
        assertThat(counts.total("4")).as("v4").isEqualTo(byCli.get("4"));
    }

    @Test
    void aCountStoppedByItsRequestLimitSaysHowFarItGotAndCountsOnlyThat() throws Exception {
        Instant now = env.clock.instant();
        Instant start = now.minus(Duration.ofMinutes(60));
        // One request: version 3's first prefix (the day before, as the range starts within 2 h of midnight, or today).
        ErrorCounts one = new ErrorCounter(logs, 1).count(FN, List.of("3", "4"), start, now).get(60, TimeUnit.SECONDS);

        assertThat(one.complete()).isFalse();
        assertThat(one.completeThrough()).isBefore(now).isAfterOrEqualTo(start);
        Map<String, Integer> through = errorsPerVersion(start, one.completeThrough());
        assertThat(one.total("3")).isEqualTo(through.get("3"));
        assertThat(one.total("4")).isEqualTo(through.get("4"));
    }

    @Test
    void aScanStoppedMidPrefixHoldsOnlyTheEventsBeforeWhereItStopped() throws Exception {
        Instant now = env.clock.instant();
        Instant start = now.minus(Duration.ofMinutes(60));
        var query = new com.lambdarelease.domain.LogQuery(FN, List.of("3"), start, now, "\"START RequestId\"", 100);
        var scan = logs.scan(query, 1000).get(60, TimeUnit.SECONDS);

        assertThat(scan.complete()).isFalse();
        assertThat(scan.events()).isNotEmpty().hasSizeLessThanOrEqualTo(100)
                .allSatisfy(e -> assertThat(e.timestamp()).isBefore(scan.completeThrough()));
        assertThat(scan.events()).extracting(FunctionLogEvent::timestamp).isSorted();
    }

    @Test
    void aScanPagesToTheEndOfTheRangeWhateverTheTraffic() throws Exception {
        Instant now = env.clock.instant();
        Instant start = now.minus(Duration.ofMinutes(60));
        var query = new com.lambdarelease.domain.LogQuery(FN, List.of("3", "4"), start, now, "\"START RequestId\"", 1_000_000);
        long before = env.clients.activity().requests("FilterLogEvents");
        var scan = logs.scan(query, 1000).get(60, TimeUnit.SECONDS);

        assertThat(scan.complete()).isTrue();
        Map<String, Integer> starts = perVersion(start, now, "\"START RequestId\"", "START RequestId");
        assertThat(scan.events()).hasSize(starts.get("3") + starts.get("4")).hasSizeGreaterThan(10_000);
        assertThat(env.clients.activity().requests("FilterLogEvents") - before).as("pages of 10,000").isGreaterThan(2);
    }

    /** Version → [ERROR] events in its streams over [start, end), read by the test itself. */
    private Map<String, Integer> errorsPerVersion(Instant start, Instant end) {
        return perVersion(start, end, "\"[ERROR]\"", "[ERROR] ");
    }

    /** Version → events starting with {@code head} in its streams over [start, end), read by the test itself. */
    private Map<String, Integer> perVersion(Instant start, Instant end, String pattern, String head) {
        Map<String, Integer> out = new HashMap<>(Map.of("3", 0, "4", 0));
        try (CloudWatchLogsClient sync = CloudWatchLogsClient.builder().endpointOverride(env.sandbox.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "x"))).build()) {
            String token = null;
            do {
                String t = token;
                FilterLogEventsResponse page = sync.filterLogEvents(b -> b.logGroupName("/aws/lambda/" + FN)
                        .startTime(start.toEpochMilli()).endTime(end.toEpochMilli()).filterPattern(pattern)
                        .nextToken(t));
                for (FilteredLogEvent e : page.events()) {
                    if (e.message().startsWith(head)) {
                        FunctionLogEvent.versionOf(e.logStreamName()).ifPresent(v -> out.merge(v, 1, Integer::sum));
                    }
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return out;
    }
}

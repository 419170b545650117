package com.lambdarelease.sandbox.logs;

import com.lambdarelease.sandbox.Faults;
import com.lambdarelease.sandbox.LogsOptions;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static com.lambdarelease.sandbox.logs.LogsSandbox.GROUP;
import static com.lambdarelease.sandbox.logs.LogsSandbox.assertLogsError;
import static org.assertj.core.api.Assertions.assertThat;

/** AWS's request rates, injected faults and the bound on stored events. */
class LogsLimitsTest {

    @Test
    void filterLogEventsPastFivePerSecondIsThrottledWithA400AsAwsDoes() throws Exception {
        try (LogsSandbox s = new LogsSandbox(SandboxOptions.builderForTests().logs(LogsOptions.defaults()).build())) {
            s.invoke("MyLambdaFunction", "3", 1, Duration.ofSeconds(1));
            HttpClient http = HttpClient.newHttpClient();
            int throttled = 0;
            String body = "";
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.sandbox.endpoint() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "Logs_20140328.FilterLogEvents")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"logGroupName\":\"" + GROUP + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    assertThat(r.statusCode()).isEqualTo(400);
                    body = r.body();
                    throttled++;
                }
            }
            assertThat(throttled).isGreaterThanOrEqualTo(5);
            assertThat(body).isEqualTo("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            assertLogsError(() -> {
                for (int i = 0; i < 10; i++) {
                    s.logs.filterLogEvents(b -> b.logGroupName(GROUP));
                }
            }, 400, "ThrottlingException", "Rate exceeded");
        }
    }

    @Test
    void injectedFaultsReachLogsInItsOwnErrorShapes() {
        try (LogsSandbox s = new LogsSandbox(SandboxOptions.builderForTests()
                .logs(LogsOptions.defaults().withQuotas(false).withFaults(Faults.NONE.withThrottleRate(1))).build())) {
            assertLogsError(() -> s.logs.describeLogGroups(b -> { }), 400, "ThrottlingException", "Rate exceeded");
        }
        try (LogsSandbox s = new LogsSandbox(SandboxOptions.builderForTests()
                .logs(LogsOptions.defaults().withQuotas(false).withFaults(Faults.NONE.withServerErrorRate(1))).build())) {
            assertLogsError(() -> s.logs.describeLogGroups(b -> { }), 500, "ServiceUnavailableException",
                    "The sandbox injected a service error");
            assertThat(s.lambda.getFunction(b -> b.functionName("MyLambdaFunction")).configuration().functionName())
                    .as("Lambda is untouched by Logs' faults").isEqualTo("MyLambdaFunction");
        }
    }

    @Test
    void pastTheCapTheOldestEventsGoAndStreamsEmptiedWithThem() {
        try (LogsSandbox s = new LogsSandbox(SandboxOptions.builderForTests()
                .logs(LogsOptions.defaults().withQuotas(false).withMaxEvents(100)).build())) {
            s.invoke("payments-webhook", "3", 10, Duration.ofSeconds(1));
            String first = s.logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/payments-webhook")).logStreams()
                    .get(0).logStreamName();
            s.clock.advance(Duration.ofHours(1)); // the first environment is retired: later runs start another
            s.invoke("payments-webhook", "3", 60, Duration.ofSeconds(1));

            assertThat(s.sandbox.logEventCount()).isEqualTo(100);
            var streams = s.logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/payments-webhook")).logStreams();
            assertThat(streams).extracting(st -> st.logStreamName()).doesNotContain(first);
            var events = s.filterAll("/aws/lambda/payments-webhook", "2026", "");
            assertThat(events).hasSize(100);
            assertThat(events.get(events.size() - 1).message()).startsWith("REPORT ");
        }
    }

    @Test
    void backfilledHistoryHasLogLinesOnlyForItsNewestPartAndMetricsForAllOfIt() {
        try (LogsSandbox s = new LogsSandbox(SandboxOptions.builderForTests()
                .traffic(true).backfill(Duration.ofMinutes(40))
                .logs(LogsOptions.defaults().withQuotas(false).withBackfillHistory(Duration.ofMinutes(10))).build())) {
            long from = LogsSandbox.START.minus(Duration.ofMinutes(10)).toEpochMilli();
            var events = s.logs.filterLogEvents(b -> b.logGroupName(LogsSandbox.GROUP)
                    .startTime(LogsSandbox.START.minus(Duration.ofHours(1)).toEpochMilli()).limit(10_000)).events();
            assertThat(events).as("the last ten minutes' runs wrote their lines").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.timestamp()).isGreaterThanOrEqualTo(from));
            assertThat(events).anySatisfy(e -> assertThat(e.timestamp()).isLessThan(from + 60_000));

            var cloudWatch = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()
                    .endpointOverride(s.sandbox.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "x"))).build();
            try (cloudWatch) {
                var invocations = cloudWatch.getMetricData(b -> b
                        .startTime(LogsSandbox.START.minus(Duration.ofMinutes(40))).endTime(LogsSandbox.START.minus(Duration.ofMinutes(20)))
                        .metricDataQueries(q -> q.id("inv").metricStat(m -> m.period(60).stat("Sum")
                                .metric(mm -> mm.namespace("AWS/Lambda").metricName("Invocations")
                                        .dimensions(d -> d.name("FunctionName").value("MyLambdaFunction"))))));
                assertThat(invocations.metricDataResults().get(0).values()).as("the older history still has its metrics")
                        .isNotEmpty().anySatisfy(v -> assertThat(v).isPositive());
            }
        }
    }
}

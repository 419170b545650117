package com.lambdarelease.service;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.logs.LogFollower;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.sandbox.LogsOptions;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.ThrottledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The service layer's Logs against the sandbox over HTTP: per-version reads, following, budget and errors. */
class LogsServiceTest {

    private static final String FN = "MyLambdaFunction";
    private SandboxServices env;

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    private int invoke(String qualifier, int times) {
        int failed = 0;
        for (int i = 0; i < times; i++) {
            var r = env.clients.lambda().invoke(b -> b.functionName(FN).qualifier(qualifier));
            failed += r.functionError() == null ? 0 : 1;
            env.clock.advance(Duration.ofSeconds(1));
        }
        return failed;
    }

    private LogQuery query(List<String> versions, String pattern) {
        Instant now = env.clock.instant();
        return new LogQuery(FN, versions, now.minus(Duration.ofHours(1)), now.plusSeconds(1), pattern, 10_000);
    }

    @Test
    void eachVersionsEventsComeFromItsOwnStreamsAndThePatternFiltersThem() throws Exception {
        env = new SandboxServices(SandboxOptions.forTests());
        LogsService logs = new SdkLogsService(env.clients.logs(), RequestBudget.unlimited());
        invoke("3", 20);
        int v4Failed = invoke("4", 40);

        List<FunctionLogEvent> all = logs.events(query(List.of("3", "4"), "")).join();
        assertThat(all).extracting(FunctionLogEvent::version).containsOnly("3", "4");
        assertThat(all).allSatisfy(e -> assertThat(e.logStream()).contains("[" + e.version() + "]"));
        assertThat(all).extracting(FunctionLogEvent::timestamp).isSorted();
        assertThat(all.stream().filter(e -> e.message().startsWith("START")).count()).isEqualTo(60);

        List<FunctionLogEvent> v4Errors = logs.events(query(List.of("4"), "ERROR")).join();
        assertThat(v4Errors).hasSize(v4Failed).allSatisfy(e -> assertThat(e.version()).isEqualTo("4"));

        List<FunctionLogEvent> newest = logs.events(new LogQuery(FN, List.of("3", "4"), env.clock.instant()
                .minus(Duration.ofHours(1)), env.clock.instant().plusSeconds(1), "", 25)).join();
        assertThat(newest).hasSize(25);
        assertThat(newest.get(24)).isEqualTo(all.get(all.size() - 1));
    }

    @Test
    void aFollowerHandsOverOnlyWhatIsNew() throws Exception {
        env = new SandboxServices(SandboxOptions.forTests());
        LogsService logs = new SdkLogsService(env.clients.logs(), RequestBudget.unlimited());
        LogFollower follower = new LogFollower(logs, env.clock, query(List.of("3"), "\"START RequestId\""));
        invoke("3", 5);
        assertThat(follower.poll().join()).hasSize(5);
        assertThat(follower.poll().join()).isEmpty();
        invoke("3", 3);
        invoke("4", 3);
        List<FunctionLogEvent> next = follower.poll().join();
        assertThat(next).hasSize(3).allSatisfy(e -> assertThat(e.version()).isEqualTo("3"));
    }

    @Test
    void aFunctionNeverInvokedHasNoLogGroup() {
        env = assertDoesNotThrowStart(SandboxOptions.forTests());
        LogsService logs = new SdkLogsService(env.clients.logs(), RequestBudget.unlimited());
        Throwable t = catchThrowable(() -> logs.events(query(List.of("1"), "")).join());
        assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(NotFoundException.class)
                .hasMessageContaining("The specified log group does not exist.");
    }

    @Test
    void theBudgetKeepsFilterLogEventsUnderAwsRateWhereWithoutItTheSandboxThrottles() throws Exception {
        env = new SandboxServices(SandboxOptions.builderForTests().logs(LogsOptions.defaults()).build());
        invoke("3", 1);
        try (AwsClients noRetries = AwsClients.forSandbox(env.sandbox.endpoint(), AwsRetryStrategy::doNotRetry)) {
            LogsService unbudgeted = new SdkLogsService(noRetries.logs(), RequestBudget.unlimited());
            Throwable t = catchThrowable(() -> {
                for (int i = 0; i < 10; i++) {
                    unbudgeted.events(query(List.of("3"), "")).join(); // 2 prefix reads per call
                }
            });
            assertThat(t).cause().isInstanceOf(ThrottledException.class).hasMessageContaining("Rate exceeded");

            Thread.sleep(1_500); // the sandbox's bucket refills
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            try {
                LogsService budgeted = new SdkLogsService(noRetries.logs(),
                        SdkLogsService.filterLogEventsBudget(java.time.Clock.systemUTC(), scheduler));
                for (int i = 0; i < 6; i++) {
                    assertThat(budgeted.events(query(List.of("3"), "")).join()).isNotEmpty();
                }
            } finally {
                scheduler.shutdownNow();
            }
        }
    }

    @Test
    void streamPrefixesCoverTheDaysAnEnvironmentWritingInTheWindowMayHaveStartedOn() {
        assertThat(SdkLogsService.streamPrefixes("4", Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z")))
                .containsExactly("2026/12/01/[4]");
        assertThat(SdkLogsService.streamPrefixes("4", Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T02:00:00Z")))
                .containsExactly("2026/11/30/[4]", "2026/12/01/[4]");
    }

    private static SandboxServices assertDoesNotThrowStart(SandboxOptions options) {
        try {
            return new SandboxServices(options);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

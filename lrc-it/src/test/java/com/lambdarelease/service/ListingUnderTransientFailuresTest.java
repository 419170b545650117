package com.lambdarelease.service;

import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.errors.IncompleteListingException;
import com.lambdarelease.service.errors.ThrottledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listings against a sandbox that throttles and fails like a busy AWS account: the SDK's adaptive
 * retries plus the service's own retry of a failing page, with short backoff so this runs in seconds.
 */
class ListingUnderTransientFailuresTest {

    private static final int SYNTHETIC = 520;
    private static final int DEMO_FUNCTIONS = 5;

    private final ScheduledExecutorService timer = CatchingExecutors.scheduled("test-retry", 1, e -> { });
    private Sandbox sandbox;
    private AwsClients clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        timer.shutdownNow();
    }

    private SdkLambdaService lambdaOn(SandboxOptions options, int attemptsPerPage) throws IOException {
        sandbox = Sandbox.start(options, SandboxClock.manual(Instant.parse("2026-11-26T12:00:00Z")));
        clients = AwsClients.forSandbox(sandbox.endpoint(), ListingUnderTransientFailuresTest::quickAdaptiveRetries);
        return new SdkLambdaService(clients, RequestBudget.unlimited(),
                new PageRetry(attemptsPerPage, Duration.ofMillis(1), Duration.ofMillis(20), PageRetry.Timer.on(timer)));
    }

    /**
     * The adaptive strategy with millisecond backoff. Its client-side rate limiter is kept out of
     * play (no error counts as throttling for it): against a sandbox that throttles 30% of requests
     * whatever the rate, it would only sink to its floor of half a request per second and turn
     * seconds into minutes. The 429s are still retried by the SDK.
     */
    private static RetryStrategy quickAdaptiveRetries() {
        return ((AdaptiveRetryStrategy) AwsClients.adaptiveRetries(Duration.ofMillis(1), Duration.ofMillis(10)))
                .toBuilder().treatAsThrottling(error -> false).build();
    }

    private static SandboxOptions busyAccount() {
        return SandboxOptions.builderForTests().syntheticFunctions(SYNTHETIC).throttleRate(0.3).serverErrorRate(0.1)
                .build();
    }

    @Test
    void givenAThrottlingAndFailingAccountEveryFullListingCompletesWithEachFunctionOnce() throws Exception {
        SdkLambdaService lambda = lambdaOn(busyAccount(), 8);

        for (int run = 0; run < 20; run++) {
            List<FunctionSummary> delivered = new ArrayList<>();
            int total = lambda.listFunctions(delivered::addAll).get(60, TimeUnit.SECONDS);

            assertThat(total).as("run %d", run).isEqualTo(SYNTHETIC + DEMO_FUNCTIONS);
            assertThat(delivered).hasSize(total);
            Set<String> names = new HashSet<>();
            delivered.forEach(f -> names.add(f.name()));
            assertThat(names).as("no function delivered twice").hasSize(total);
        }
        assertThat(clients.activity().requests("ListFunctions"))
                .as("faults were really injected and retried").isGreaterThan(20L * 11);
    }

    @Test
    void givenAThrottlingAccountVersionsAliasesAndProvisionedConcurrencyAreListedWhole() throws Exception {
        SdkLambdaService lambda = lambdaOn(busyAccount(), 8);

        for (int run = 0; run < 5; run++) {
            List<FunctionConfig> versions = lambda.listVersions("nightly-report").get(60, TimeUnit.SECONDS);
            assertThat(versions).hasSize(126);
            assertThat(versions).extracting(FunctionConfig::version).doesNotHaveDuplicates();
            assertThat(lambda.listAliases("MyLambdaFunction").get(60, TimeUnit.SECONDS)).hasSize(3);
            assertThat(lambda.provisionedConcurrency("payments-webhook").get(60, TimeUnit.SECONDS)).containsKey("live");
        }
    }

    @Test
    void whenAwsNeverStopsThrottlingTheListingFailsSayingHowFarItGotWithTheTypedCause() throws Exception {
        SdkLambdaService lambda = lambdaOn(SandboxOptions.builderForTests().throttleRate(1.0).build(), 3);
        List<FunctionSummary> delivered = new ArrayList<>();

        Throwable failure = failureOf(lambda.listFunctions(delivered::addAll));

        assertThat(delivered).isEmpty();
        assertThat(failure).isInstanceOf(IncompleteListingException.class)
                .hasMessage("Listed 0 functions (0 pages) before AWS kept failing: Rate exceeded")
                .hasCauseInstanceOf(ThrottledException.class);
        assertThat(((IncompleteListingException) failure).statusCode()).isEqualTo(429);
    }

    private static Throwable failureOf(CompletableFuture<?> f) throws Exception {
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}

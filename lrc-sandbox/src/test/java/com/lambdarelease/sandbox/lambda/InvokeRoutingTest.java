package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.FunctionRuntime.TrafficTarget;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.http.SandboxHttpServer;
import com.lambdarelease.sandbox.metrics.Invocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoke over HTTP and from the simulator, against a backend wired to a recorder the test reads:
 * alias weights, per-version error rates and latency, and what gets recorded.
 */
class InvokeRoutingTest {

    private final ConcurrentLinkedQueue<Invocation> recorded = new ConcurrentLinkedQueue<>();
    private final SandboxClock.ManualClock clock = SandboxClock.manual(LambdaSandboxFixture.START);
    private final LambdaBackend backend = new LambdaBackend(SandboxOptions.forTests(), clock, recorded::add,
            new SplittableRandom(7));
    private final SandboxHttpServer server = start();
    private final LambdaClient lambda = LambdaClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    private SandboxHttpServer start() {
        try {
            return SandboxHttpServer.start(SandboxOptions.forTests(), clock, backend, r -> null, new SplittableRandom(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        lambda.close();
        server.stop();
    }

    /** A function whose versions 1 and 2 neither fail nor sleep, with alias "live" = 1 plus 10% to 2. */
    private void givenACanaryAtTenPercent() {
        lambda.createFunction(b -> b.functionName("split").runtime(Runtime.NODEJS20_X).handler("index.handler")
                .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(SdkBytes.fromUtf8String("one"))));
        lambda.publishVersion(b -> b.functionName("split"));
        lambda.updateFunctionCode(b -> b.functionName("split").zipFile(SdkBytes.fromUtf8String("two")));
        lambda.publishVersion(b -> b.functionName("split"));
        lambda.createAlias(b -> b.functionName("split").name("live").functionVersion("1")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.1))));
    }

    @Test
    void givenACanaryAtTenPercent_when10000InvokesGoThroughTheAlias_thenAbout10PercentRunTheNewVersion()
            throws Exception {
        givenACanaryAtTenPercent();
        recorded.clear();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> counts = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            counts.add(pool.submit(() -> {
                int toTwo = 0;
                for (int i = 0; i < 2_500; i++) {
                    InvokeResponse r = lambda.invoke(b -> b.functionName("split").qualifier("live"));
                    if (r.executedVersion().equals("2")) {
                        toTwo++;
                    }
                }
                return toTwo;
            }));
        }
        int toTwo = 0;
        for (Future<Integer> f : counts) {
            toTwo += f.get();
        }
        pool.shutdown();

        assertThat(toTwo / 10_000.0).isBetween(0.085, 0.115);
        assertThat(recorded).hasSize(10_000).allSatisfy(inv -> {
            assertThat(inv.qualifier()).contains("live");
            assertThat(inv.viaAlias()).isTrue();
        });
        assertThat(recorded.stream().filter(i -> i.executedVersion().equals("2")).count()).isEqualTo(toTwo);
    }

    @Test
    void givenAVersionWithAnErrorRateOfOne_whenInvoked_thenTheStatusStays200WithAFunctionErrorHeader() {
        lambda.createFunction(b -> b.functionName("broken").runtime(Runtime.PYTHON3_12).handler("a.b")
                .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(SdkBytes.fromUtf8String("x")))
                .environment(e -> e.variables(Map.of("SANDBOX_ERROR_RATE", "1"))));

        InvokeResponse r = lambda.invoke(b -> b.functionName("broken"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        assertThat(r.payload().asUtf8String()).contains("\"errorMessage\"").contains("\"errorType\"");
        Invocation inv = recorded.poll();
        assertThat(inv.error()).isTrue();
        assertThat(inv.qualifier()).isEmpty();
        assertThat(inv.viaAlias()).isFalse();
    }

    @Test
    void givenAVersionWithLatency_whenInvokedOverHttp_thenItReallyTakesThatLong_andTheDurationIncludesIt() {
        lambda.createFunction(b -> b.functionName("slow").runtime(Runtime.PYTHON3_12).handler("a.b")
                .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(SdkBytes.fromUtf8String("x")))
                .environment(e -> e.variables(Map.of("SANDBOX_LATENCY_MS", "300"))));
        lambda.publishVersion(b -> b.functionName("slow"));

        long started = System.nanoTime();
        InvokeResponse r = lambda.invoke(b -> b.functionName("slow").qualifier("1")
                .payload(SdkBytes.fromUtf8String("{\"order\":42}")));
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(tookMs).isGreaterThanOrEqualTo(300);
        assertThat(r.functionError()).isNull();
        assertThat(r.payload().asUtf8String()).contains("\"version\":\"1\"").contains("\"payloadBytes\":12");
        Invocation inv = recorded.poll();
        assertThat(inv.durationMs()).isGreaterThan(300);
        assertThat(inv.qualifier()).contains("1");
        assertThat(inv.viaAlias()).isFalse();
        assertThat(inv.at()).isEqualTo(LambdaSandboxFixture.START);
    }

    @Test
    void whenInvokedAsEventOrDryRun_then202Or204_andADryRunIsNotRecorded() {
        InvokeResponse event = lambda.invoke(b -> b.functionName("MyLambdaFunction").qualifier("prod")
                .invocationType(InvocationType.EVENT));
        InvokeResponse dry = lambda.invoke(b -> b.functionName("MyLambdaFunction").qualifier("prod")
                .invocationType(InvocationType.DRY_RUN));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(dry.statusCode()).isEqualTo(204);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void whenInvokingAnUnknownQualifierOrABadPayload_thenAwsErrors() {
        assertAwsError(() -> lambda.invoke(b -> b.functionName("MyLambdaFunction").qualifier("nope")), 404,
                "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:nope");
        assertAwsError(() -> lambda.invoke(b -> b.functionName("MyLambdaFunction")
                        .payload(SdkBytes.fromUtf8String("{not json"))), 400, "InvalidRequestContentException",
                "Could not parse request body into json: Could not parse payload into json: Unexpected character "
                        + "('n' (code 110)): was expecting double-quote to start field name");
        assertThat(recorded).isEmpty();
    }

    @Test
    void whenTheSimulatorInvokesSeededAliases_thenEachRunIsRecordedAtItsTime_withoutSleeping() {
        Instant at = LambdaSandboxFixture.START.minus(Duration.ofHours(2));

        long started = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            backend.invokeSimulated("orders-api", "live", at);
        }
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // Not a speed test: sleeping through v8's 25 ms latency would take over 50 s for these runs.
        assertThat(tookMs).as("20,000 simulated runs must not sleep").isLessThan(50_000);
        assertThat(recorded).hasSize(20_000).allSatisfy(i -> assertThat(i.at()).isEqualTo(at));
        double toEight = recorded.stream().filter(i -> i.executedVersion().equals("8")).count() / 20_000.0;
        assertThat(toEight).isBetween(0.085, 0.115);
        double v8Errors = recorded.stream().filter(i -> i.executedVersion().equals("8") && i.error()).count()
                / (toEight * 20_000);
        assertThat(v8Errors).isBetween(0.0, 0.04);
        assertThat(recorded.stream().filter(i -> i.executedVersion().equals("8")).mapToDouble(Invocation::durationMs)
                .average().orElseThrow()).isGreaterThan(25);
    }

    @Test
    void givenMyLambdaFunctionV4FailsMore_whenSimulated_thenItsErrorRateShowsIt() {
        for (int i = 0; i < 4_000; i++) {
            backend.invokeSimulated("MyLambdaFunction", "4", LambdaSandboxFixture.START);
            backend.invokeSimulated("MyLambdaFunction", "3", LambdaSandboxFixture.START);
        }
        double v4 = recorded.stream().filter(i -> i.executedVersion().equals("4") && i.error()).count() / 4_000.0;
        double v3 = recorded.stream().filter(i -> i.executedVersion().equals("3") && i.error()).count() / 4_000.0;
        assertThat(v4).isBetween(0.12, 0.18);
        assertThat(v3).isLessThan(0.02);
    }

    @Test
    void whenTheSimulatorNamesSomethingGone_thenNothingHappens() {
        backend.invokeSimulated("no-such-function", "prod", LambdaSandboxFixture.START);
        backend.invokeSimulated("MyLambdaFunction", "gone", LambdaSandboxFixture.START);
        assertThat(recorded).isEmpty();
    }

    @Test
    void theSeededTrafficTargetsAreTheLiveAliases_andADeletedOneDropsOut() {
        assertThat(backend.trafficTargets()).contains(new TrafficTarget("MyLambdaFunction", "prod", 600),
                new TrafficTarget("orders-api", "live", 300));
        assertThat(backend.trafficTargets()).allSatisfy(t -> assertThat(t.requestsPerMinute()).isBetween(5.0, 600.0));

        lambda.deleteAlias(b -> b.functionName("orders-api").name("live"));

        assertThat(backend.trafficTargets()).extracting(TrafficTarget::functionName).doesNotContain("orders-api");
        assertThat(Optional.of(backend.trafficTargets().size())).contains(DemoAccount.TRAFFIC.size() - 1);
    }
}

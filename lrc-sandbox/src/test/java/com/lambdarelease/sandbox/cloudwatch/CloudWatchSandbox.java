package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.http.SandboxHttpServer;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.metrics.MetricStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/** A metric store and CloudWatch served over real HTTP on a manual clock, plus an SDK client for it. */
final class CloudWatchSandbox implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    final SandboxClock.ManualClock clock;
    final MetricStore store;
    final SandboxHttpServer server;
    final CloudWatchClient client;
    /** What the SDK last put on the wire: "POST /path content-type smithy-protocol". */
    final AtomicReference<String> lastRequest = new AtomicReference<>("");

    CloudWatchSandbox(boolean awsDelay) throws IOException {
        this.clock = SandboxClock.manual(NOW);
        this.store = new MetricStore(clock, awsDelay);
        CloudWatchBackend cloudWatch = new CloudWatchBackend(store, clock);
        this.server = SandboxHttpServer.start(SandboxOptions.forTests(), clock,
                request -> SandboxResponse.json(404, "{}"), cloudWatch, new SplittableRandom(1));
        this.client = CloudWatchClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(Context.BeforeTransmission context,
                                                           ExecutionAttributes attributes) {
                                SdkHttpRequest r = context.httpRequest();
                                lastRequest.set(r.method() + " " + r.encodedPath() + " "
                                        + r.firstMatchingHeader("Content-Type").orElse("") + " "
                                        + r.firstMatchingHeader("smithy-protocol").orElse(""));
                            }
                        }))
                .build();
    }

    CloudWatchSandbox() throws IOException {
        this(false);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}

package com.lambdarelease.service;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The SDK clients for one account and region, sharing one HTTP connection pool and one
 * {@link ClientActivity} watcher. Close it when switching connections.
 */
public final class AwsClients implements AutoCloseable {

    private final SdkAsyncHttpClient http;
    private final EventLoopGroup eventLoops;
    private final LambdaAsyncClient lambda;
    private final CloudWatchAsyncClient cloudWatch;
    private final CloudWatchLogsAsyncClient logs;
    private final ClientActivity activity;

    private AwsClients(SdkAsyncHttpClient http, EventLoopGroup eventLoops, LambdaAsyncClient lambda,
                       CloudWatchAsyncClient cloudWatch, CloudWatchLogsAsyncClient logs, ClientActivity activity) {
        this.http = http;
        this.eventLoops = eventLoops;
        this.lambda = lambda;
        this.cloudWatch = cloudWatch;
        this.logs = logs;
        this.activity = activity;
    }

    /**
     * Clients for {@code region} with {@code credentials}, sent to {@code endpoint} when given
     * (the sandbox, LocalStack) or to AWS's own endpoints otherwise, retrying with the SDK's
     * adaptive mode ({@link #adaptiveRetries()}).
     */
    public static AwsClients create(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        return create(endpoint, region, credentials, AwsClients::adaptiveRetries);
    }

    /**
     * The SDK's adaptive retry mode (ADAPTIVE_V2): the standard retries of throttling and 5xx
     * answers with jittered exponential backoff, plus a client-side rate limiter that slows this
     * client down while AWS throttles it, so one busy screen does not exhaust the account's budget.
     */
    public static RetryStrategy adaptiveRetries() {
        return AwsRetryStrategy.adaptiveRetryStrategy();
    }

    /** Adaptive retries whose backoff is {@code base} doubling up to {@code max}, throttled or not (tests keep it short). */
    public static RetryStrategy adaptiveRetries(Duration base, Duration max) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(base, max);
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .backoffStrategy(backoff).throttlingBackoffStrategy(backoff).build();
    }

    /**
     * Like {@link #create(Optional, Region, AwsCredentialsProvider)} with another retry strategy; each
     * client gets its own from {@code retries}, as the adaptive one keeps per-client state.
     */
    public static AwsClients create(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                                    Supplier<RetryStrategy> retries) {
        ClientActivity activity = new ClientActivity();
        // Our own event loops, so closing does not sit through Netty's 2-second graceful quiet period.
        EventLoopGroup eventLoops = new NioEventLoopGroup(1, new DefaultThreadFactory("aws-io", true));
        SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.create(eventLoops))
                .maxConcurrency(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        ClientOverrideConfiguration lambdaOverrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(activity).retryStrategy(retries.get())
                .build();
        ClientOverrideConfiguration cloudWatchOverrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(activity).retryStrategy(retries.get())
                .build();
        ClientOverrideConfiguration logsOverrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(activity).retryStrategy(retries.get())
                .build();
        // Complete futures on the I/O thread that read the answer instead of handing them to another
        // pool: a page chain (ListFunctions → NextMarker → next page) then costs no thread wake-up
        // per page. Safe because nothing in our continuations blocks; UI code hops to the FX thread.
        Executor direct = Runnable::run;
        var lambdaBuilder = LambdaAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(lambdaOverrides)
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        var cloudWatchBuilder = CloudWatchAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(cloudWatchOverrides)
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        var logsBuilder = CloudWatchLogsAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(logsOverrides)
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        endpoint.ifPresent(uri -> {
            lambdaBuilder.endpointOverride(uri);
            cloudWatchBuilder.endpointOverride(uri);
            logsBuilder.endpointOverride(uri);
        });
        return new AwsClients(http, eventLoops, lambdaBuilder.build(), cloudWatchBuilder.build(), logsBuilder.build(),
                activity);
    }

    /** Clients for a local sandbox: fixed dummy credentials that never leave the machine. */
    public static AwsClients forSandbox(URI endpoint) {
        return forSandbox(endpoint, AwsClients::adaptiveRetries);
    }

    /**
     * Clients for a local sandbox in {@code region}: the sandbox keeps each region apart and reads the
     * region from the request's signature.
     */
    public static AwsClients forSandbox(URI endpoint, Region region) {
        return create(Optional.of(endpoint), region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")), AwsClients::adaptiveRetries);
    }

    /** Sandbox clients with another retry strategy (tests shorten the backoff). */
    public static AwsClients forSandbox(URI endpoint, Supplier<RetryStrategy> retries) {
        return create(Optional.of(endpoint), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")), retries);
    }

    public LambdaAsyncClient lambda() {
        return lambda;
    }

    public CloudWatchAsyncClient cloudWatch() {
        return cloudWatch;
    }

    public CloudWatchLogsAsyncClient logs() {
        return logs;
    }

    public ClientActivity activity() {
        return activity;
    }

    @Override
    public void close() {
        lambda.close();
        cloudWatch.close();
        logs.close();
        http.close();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}

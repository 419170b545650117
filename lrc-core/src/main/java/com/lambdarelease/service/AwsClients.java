package com.lambdarelease.service;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
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
import software.amazon.awssdk.services.cloudtrail.CloudTrailAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The SDK clients for one account and region, sharing one {@link ClientActivity} watcher. Close it
 * when switching connections.
 *
 * <p>Lambda's is the SDK's blocking client over Apache HttpClient 5, its calls run on a pool of our own
 * ({@link #lambdaCalls()}) so the service layer still answers with futures. Lambda's requests are
 * control-plane calls made one after another (a listing's pages wait on each other's NextMarker). Measured
 * in fresh JVMs listing 10,000 functions (200 pages at 20 ms, AppCDS and C1 as packaged), interleaved:
 * this service layer 5.6-5.7 s on the blocking client against 5.8-5.9 s on Netty, and the bare clients
 * 5.4-5.6 s against 6.2-6.5 s. The async pipeline's publishers, handlers and thread hand-offs cost more
 * than they save in a JVM that has not compiled them yet. CloudWatch and CloudWatch Logs, many concurrent
 * reads while a canary is watched, stay on Netty. Timeouts are the SDK's defaults for both (connect 5 s
 * as set here, read 30 s).
 */
public final class AwsClients implements AutoCloseable {

    /** At most this many Lambda calls at once (the Apache pool's connections; the rest queue). */
    private static final int LAMBDA_CALLS = 32;

    private final SdkAsyncHttpClient http;
    private final EventLoopGroup eventLoops;
    private final SdkHttpClient lambdaHttp;
    private final ExecutorService lambdaCalls;
    private final LambdaClient lambda;
    private final CloudWatchAsyncClient cloudWatch;
    private final CloudWatchLogsAsyncClient logs;
    private final StsAsyncClient sts;
    private final CloudTrailAsyncClient cloudTrail;
    private final ClientActivity activity;

    /**
     * The SDK's application id, sent in every request's User-Agent ({@code app/lambda-release-console}), so
     * CloudTrail's {@code userAgent} tells a change made with this tool from one made with the AWS CLI or console
     * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-appid.html).
     */
    public static final String APP_ID = "lambda-release-console";

    private AwsClients(SdkAsyncHttpClient http, EventLoopGroup eventLoops, SdkHttpClient lambdaHttp,
                       ExecutorService lambdaCalls, LambdaClient lambda, CloudWatchAsyncClient cloudWatch,
                       CloudWatchLogsAsyncClient logs, StsAsyncClient sts, CloudTrailAsyncClient cloudTrail,
                       ClientActivity activity) {
        this.http = http;
        this.eventLoops = eventLoops;
        this.lambdaHttp = lambdaHttp;
        this.lambdaCalls = lambdaCalls;
        this.lambda = lambda;
        this.cloudWatch = cloudWatch;
        this.logs = logs;
        this.sts = sts;
        this.cloudTrail = cloudTrail;
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
        // NextMarkerPeek: a listing asks for its next page as soon as the Marker is read off the wire.
        ClientOverrideConfiguration lambdaOverrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(activity).addExecutionInterceptor(new NextMarkerPeek()).retryStrategy(retries.get())
                .appId(APP_ID).build();
        Supplier<ClientOverrideConfiguration> overrides = () -> ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(activity).retryStrategy(retries.get()).appId(APP_ID).build();
        Apache5HttpClient.Builder lambdaHttpBuilder = Apache5HttpClient.builder()
                .maxConnections(LAMBDA_CALLS)
                .connectionTimeout(Duration.ofSeconds(5));
        if (endpoint.filter(uri -> "http".equalsIgnoreCase(uri.getScheme())).isPresent()) {
            // Every Lambda request goes to this plain-HTTP endpoint (the sandbox, LocalStack), so none is TLS:
            // skip the SDK's TLS set-up (trust store, cipher suites), 70% of building this client in a fresh
            // JVM (JFR, three runs). Should a TLS connection ever be asked for, it fails loudly.
            lambdaHttpBuilder.tlsSocketStrategy((socket, target, port, attachment, context) -> {
                throw new javax.net.ssl.SSLException("TLS to " + target + " from a client made for the plain-HTTP endpoint "
                        + endpoint.get());
            });
        }
        SdkHttpClient lambdaHttp = lambdaHttpBuilder.build();
        ThreadPoolExecutor lambdaCalls = new ThreadPoolExecutor(LAMBDA_CALLS, LAMBDA_CALLS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("aws-lambda", true));
        lambdaCalls.allowCoreThreadTimeOut(true);
        // Complete futures on the I/O thread that read the answer instead of handing them to another
        // pool: a chain of reads then costs no thread wake-up each. Safe because nothing in our
        // continuations blocks; UI code hops to the FX thread.
        Executor direct = Runnable::run;
        var lambdaBuilder = LambdaClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(lambdaHttp).overrideConfiguration(lambdaOverrides);
        var cloudWatchBuilder = CloudWatchAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides.get())
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        var logsBuilder = CloudWatchLogsAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides.get())
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        var stsBuilder = StsAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides.get())
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        var cloudTrailBuilder = CloudTrailAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(overrides.get())
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, direct));
        endpoint.ifPresent(uri -> {
            lambdaBuilder.endpointOverride(uri);
            cloudWatchBuilder.endpointOverride(uri);
            logsBuilder.endpointOverride(uri);
            stsBuilder.endpointOverride(uri);
            cloudTrailBuilder.endpointOverride(uri);
        });
        return new AwsClients(http, eventLoops, lambdaHttp, lambdaCalls, lambdaBuilder.build(), cloudWatchBuilder.build(),
                logsBuilder.build(), stsBuilder.build(), cloudTrailBuilder.build(), activity);
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

    /** Lambda's blocking client: call it on {@link #lambdaCalls()} (or any thread but the FX one). */
    public LambdaClient lambda() {
        return lambda;
    }

    /** Where Lambda's blocking calls run. */
    public Executor lambdaCalls() {
        return lambdaCalls;
    }

    public CloudWatchAsyncClient cloudWatch() {
        return cloudWatch;
    }

    public CloudWatchLogsAsyncClient logs() {
        return logs;
    }

    public StsAsyncClient sts() {
        return sts;
    }

    public CloudTrailAsyncClient cloudTrail() {
        return cloudTrail;
    }

    public ClientActivity activity() {
        return activity;
    }

    @Override
    public void close() {
        lambdaCalls.shutdownNow();
        lambda.close();
        lambdaHttp.close();
        cloudWatch.close();
        logs.close();
        sts.close();
        cloudTrail.close();
        http.close();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}

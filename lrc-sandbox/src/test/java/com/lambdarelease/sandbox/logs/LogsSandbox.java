package com.lambdarelease.sandbox.logs;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The whole sandbox on a manual clock, with SDK clients for Lambda and CloudWatch Logs over real HTTP. */
final class LogsSandbox implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final String GROUP = "/aws/lambda/MyLambdaFunction";

    final SandboxClock.ManualClock clock = SandboxClock.manual(START);
    final Sandbox sandbox;
    final LambdaClient lambda;
    final CloudWatchLogsClient logs;

    LogsSandbox() {
        this(SandboxOptions.forTests());
    }

    LogsSandbox(SandboxOptions options) {
        try {
            sandbox = Sandbox.start(options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
        lambda = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** Invokes {@code function:qualifier} {@code times} times, {@code gap} of sandbox time apart; returns how many failed. */
    int invoke(String function, String qualifier, int times, Duration gap) {
        int failed = 0;
        for (int i = 0; i < times; i++) {
            var r = lambda.invoke(b -> b.functionName(function).qualifier(qualifier).payload(SdkBytes.fromUtf8String("{}")));
            failed += r.functionError() == null ? 0 : 1;
            clock.advance(gap);
        }
        return failed;
    }

    /** Every event FilterLogEvents returns for the pattern and prefix, following nextToken to the end. */
    List<FilteredLogEvent> filterAll(String group, String prefix, String pattern) {
        List<FilteredLogEvent> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = logs.filterLogEvents(b -> b.logGroupName(group).logStreamNamePrefix(prefix).filterPattern(pattern)
                    .nextToken(t));
            out.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    static void assertLogsError(Runnable call, int status, String type, String messageStart) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("expected %s %s", status, type).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart);
    }

    @Override
    public void close() {
        logs.close();
        lambda.close();
        sandbox.close();
    }
}

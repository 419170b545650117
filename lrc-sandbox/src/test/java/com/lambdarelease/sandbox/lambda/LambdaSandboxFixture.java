package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A sandbox on a manual clock, an SDK client pointed at it, and a raw HTTP client for malformed requests. */
final class LambdaSandboxFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    final SandboxClock.ManualClock clock = SandboxClock.manual(START);
    final Sandbox sandbox;
    final LambdaClient lambda;
    private final HttpClient http = HttpClient.newHttpClient();

    LambdaSandboxFixture() {
        this(SandboxOptions.forTests());
    }

    LambdaSandboxFixture(SandboxOptions options) {
        try {
            sandbox = Sandbox.start(options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lambda = client();
    }

    LambdaClient client() {
        return LambdaClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Sends a hand-built request; {@code body} may be null. */
    HttpResponse<String> raw(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the call fails as AWS would: status, error type and exact message. */
    static void assertAwsError(Runnable call, int status, String type, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("expected %s %s", status, type).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Override
    public void close() {
        lambda.close();
        sandbox.close();
    }
}

package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer says the sandbox's clock in two headers, so a client that reaches it as an endpoint can
 * run on the same time; an SDK client still reads its answers as before.
 */
class ClockHeadersTest {

    private static final Instant START = Instant.parse("2026-12-01T09:30:00.250Z");

    @Test
    void anSdkAnswerAndAnUnknownPathsAnswerBothSayTheSandboxClockAndItsSpeed() throws Exception {
        SandboxClock.ManualClock clock = SandboxClock.manual(START);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(), clock);
             LambdaClient lambda = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                     .build()) {
            ListFunctionsResponse listed = lambda.listFunctions(b -> b.maxItems(1));
            assertThat(listed.functions()).hasSize(1);
            assertThat(listed.sdkHttpResponse().firstMatchingHeader("x-sandbox-time")).contains(START.toString());
            assertThat(listed.sdkHttpResponse().firstMatchingHeader("x-sandbox-speed")).contains("1.0");

            clock.advance(Duration.ofMinutes(7));
            HttpResponse<Void> notFound = get(sandbox.endpoint());
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(notFound.headers().firstValue("x-sandbox-time")).contains(START.plusSeconds(420).toString());
        }
    }

    @Test
    void aSandboxAtSixtyTimesSaysATimeThatRunsSixtyTimesFaster() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builderForTests().speed(60).build())) {
            Instant wallBefore = Clock.systemUTC().instant();
            HttpResponse<Void> first = get(sandbox.endpoint());
            Thread.sleep(500);
            HttpResponse<Void> second = get(sandbox.endpoint());
            Instant wallAfter = Clock.systemUTC().instant();

            assertThat(second.headers().firstValue("x-sandbox-speed")).contains("60.0");
            Instant t1 = Instant.parse(first.headers().firstValue("x-sandbox-time").orElseThrow());
            Instant t2 = Instant.parse(second.headers().firstValue("x-sandbox-time").orElseThrow());
            double sandboxSeconds = Duration.between(t1, t2).toNanos() / 1e9;
            double wallSeconds = Duration.between(wallBefore, wallAfter).toNanos() / 1e9;
            assertThat(sandboxSeconds).isBetween(0.5 * 60 * 0.9, wallSeconds * 60);
            assertThat(t1).isAfter(wallBefore);
        }
    }

    private static HttpResponse<Void> get(URI endpoint) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}

package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** A sandbox on a manual clock, with SDK clients for its Lambda and CloudTrail signed with one access key. */
final class TrailSandbox implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-07T15:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final SandboxClock.ManualClock clock = SandboxClock.manual(START);
    final Sandbox sandbox;

    TrailSandbox(SandboxOptions options) {
        try {
            sandbox = Sandbox.start(options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TrailSandbox() {
        this(SandboxOptions.forTests());
    }

    LambdaClient lambda(String accessKey, Region region) {
        return LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "x")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    CloudTrailClient cloudTrail(Region region) {
        return CloudTrailClient.builder().endpointOverride(sandbox.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("reader", "x")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** Every event with {@code key} = {@code value} in us-east-1, through the SDK's paginator, newest first. */
    List<Event> lookup(LookupAttributeKey key, String value) {
        try (CloudTrailClient c = cloudTrail(Region.US_EAST_1)) {
            return c.lookupEventsPaginator(b -> b.lookupAttributes(a -> a.attributeKey(key).attributeValue(value)))
                    .events().stream().toList();
        }
    }

    static JsonNode record(Event e) {
        try {
            return MAPPER.readTree(e.cloudTrailEvent());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}

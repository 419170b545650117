package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox as the app starts it: the front door hands CloudWatch requests to this backend. */
class WholeSandboxTest {

    @Test
    void givenASandbox_whenTheSdkPutsAMetricAndReadsItBack_thenTheValueComesBack() throws Exception {
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(), SandboxClock.manual(now));
             CloudWatchClient client = CloudWatchClient.builder().endpointOverride(sandbox.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                     .build()) {
            client.putMetricData(r -> r.namespace("Shop").metricData(d -> d.metricName("Orders").value(4.0)));

            GetMetricDataResponse response = client.getMetricData(r -> r.startTime(now.minus(Duration.ofMinutes(5)))
                    .endTime(now.plus(Duration.ofMinutes(1))).metricDataQueries(q -> q.id("orders")
                            .metricStat(s -> s.period(60).stat("Sum").metric(m -> m.namespace("Shop").metricName("Orders")))));

            assertThat(response.metricDataResults().get(0).timestamps()).containsExactly(now);
            assertThat(response.metricDataResults().get(0).values()).containsExactly(4.0);
        }
    }
}

package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.Faults;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults reach CloudWatch as they reach Lambda, each switchable on its own, in CloudWatch's shapes. */
class CloudWatchFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> listMetrics(String target) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<HttpResponse<String>> sixtySixCalls() throws Exception {
        List<HttpResponse<String>> out = new ArrayList<>();
        for (int i = 0; i < 66; i++) {
            out.add(listMetrics("GraniteServiceVersion20100801.ListMetrics"));
        }
        return out;
    }

    @Test
    void cloudWatchThrottlingIsInjectedInCloudWatchsShapeAndLambdaIsUntouched() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests()
                .cloudWatchFaults(Faults.NONE.withThrottleRate(0.5)).build());
        List<HttpResponse<String>> calls = sixtySixCalls();
        List<HttpResponse<String>> throttled = calls.stream().filter(r -> r.statusCode() == 400).toList();
        assertThat(throttled.size()).isBetween(15, 50);
        assertThat(calls.size() - throttled.size()).isEqualTo(calls.stream().filter(r -> r.statusCode() == 200).count());
        JsonNode body = JSON.readTree(throttled.get(0).body());
        assertThat(body.get("__type").asText()).endsWith("ThrottlingException");
        assertThat(body.get("message").asText()).isEqualTo("Rate exceeded");
        assertThat(throttled.get(0).headers().firstValue("x-amzn-query-error")).contains("Throttling;Sender");

        for (int i = 0; i < 20; i++) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/2015-03-31/functions/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void cloudWatchServerErrorsAreSwitchedOnSeparately() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests()
                .cloudWatchFaults(Faults.NONE.withServerErrorRate(1)).build());
        HttpResponse<String> r = listMetrics("GraniteServiceVersion20100801.ListMetrics");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(r.body()).get("__type").asText()).endsWith("InternalServiceFault");
    }

    @Test
    void latencySpikesFollowADistributionNotAFixedFloor() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests()
                .cloudWatchFaults(Faults.NONE.withLatencySpikes(0.5, Duration.ofMillis(80))).build());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            assertThat(listMetrics("GraniteServiceVersion20100801.ListMetrics").statusCode()).isEqualTo(200);
            millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        long fast = millis.stream().filter(m -> m < 15).count();
        long spiked = millis.stream().filter(m -> m >= 15).count();
        assertThat(fast).as("unspiked calls in %s", millis).isGreaterThan(5);
        assertThat(spiked).as("spiked calls in %s", millis).isGreaterThan(5);
        assertThat(millis.stream().filter(m -> m >= 15).distinct().count()).as("spike lengths vary").isGreaterThan(3);
    }

    @Test
    void anXAmzTargetNamingAnotherServiceGetsAnAwsJsonUnknownOperation() throws Exception {
        HttpResponse<String> r;
        sandbox = Sandbox.start(SandboxOptions.forTests());
        r = listMetrics("DynamoDB_20120810.ListTables");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(body.get("message").asText()).contains("DynamoDB_20120810.ListTables");
    }
}

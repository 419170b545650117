package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static com.lambdarelease.sandbox.cloudwatch.CloudWatchSandbox.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Work per CloudWatch request is bounded by the request's size, not by the numbers inside it. */
class BoundedWorkPerRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private CloudWatchSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = new CloudWatchSandbox();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> json(String operation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void threeBillionCountsOfOneValueAreStoredAtOnceAsAWeight() throws Exception {
        HttpResponse<String> put = json("PutMetricData", "{\"Namespace\":\"Shop\",\"MetricData\":[{\"MetricName\":\"Latency\","
                + "\"Timestamp\":" + NOW.getEpochSecond() + ",\"Values\":[5,7],\"Counts\":[3e9,1e9]}]}");
        assertThat(put.statusCode()).isEqualTo(200);

        GetMetricDataResponse r = sandbox.client.getMetricData(b -> b.startTime(NOW.minusSeconds(60))
                .endTime(NOW.plusSeconds(60)).metricDataQueries(
                        stat("n", "SampleCount"), stat("p50", "p50"), stat("p90", "p90"), stat("avg", "Average")));
        assertThat(r.metricDataResults().get(0).values()).containsExactly(4e9);
        assertThat(r.metricDataResults().get(1).values()).containsExactly(5.0);
        assertThat(r.metricDataResults().get(2).values()).containsExactly(7.0);
        assertThat(r.metricDataResults().get(3).values()).containsExactly(5.5);
    }

    private static MetricDataQuery stat(String id, String stat) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(60).stat(stat)
                .metric(m -> m.namespace("Shop").metricName("Latency"))).build();
    }

    @Test
    void moreThan150ValuesInOneDatumAreRefused() throws Exception {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 151; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        HttpResponse<String> put = json("PutMetricData", "{\"Namespace\":\"Shop\",\"MetricData\":[{\"MetricName\":\"L\","
                + "\"Values\":[" + values + "]}]}");
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("x-amzn-query-error")).contains("InvalidParameterValue;Sender");
        assertThat(put.body()).contains("MetricData.member.1.Values must not have a size greater than 150");
    }

    @Test
    void theReservedAwsNamespaceIsRefusedInAwsWords() throws Exception {
        HttpResponse<String> put = json("PutMetricData", "{\"Namespace\":\"AWS/Lambda\",\"MetricData\":[{\"MetricName\":\"Invocations\","
                + "\"Value\":1}]}");
        assertThat(put.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(put.body());
        assertThat(body.get("__type").asText()).endsWith("InvalidParameterValueException");
        assertThat(body.get("message").asText()).isEqualTo("The value AWS/Lambda for parameter Namespace is invalid.");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aCborTimestampWithAHugeExponentIsRefusedPromptly() throws Exception {
        for (int exponent : new int[] {10_000_000, -10_000_000}) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (JsonGenerator g = new CBORFactory().createGenerator(body)) {
                g.writeStartObject();
                g.writeFieldName("MetricDataQueries");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringField("Id", "m");
                g.writeObjectFieldStart("MetricStat");
                g.writeObjectFieldStart("Metric");
                g.writeStringField("Namespace", "Shop");
                g.writeStringField("MetricName", "Latency");
                g.writeEndObject();
                g.writeNumberField("Period", 60);
                g.writeStringField("Stat", "Sum");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeFieldName("StartTime");
                g.writeNumber(new BigDecimal(BigInteger.valueOf(17), -exponent));
                g.writeFieldName("EndTime");
                g.writeNumber(NOW.getEpochSecond());
                g.writeEndObject();
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
                            sandbox.endpoint().resolve("/service/GraniteServiceVersion20100801/operation/GetMetricData"))
                    .header("Content-Type", "application/cbor").header("smithy-protocol", "rpc-v2-cbor")
                    .timeout(Duration.ofSeconds(4))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(400);
            JsonNode answer = new ObjectMapper(new CBORFactory()).readTree(r.body());
            assertThat(answer.get("message").asText()).contains("StartTime is not a valid timestamp");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void anEnormousJsonTimestampIsRefusedNotWrapped() throws Exception {
        HttpResponse<String> put = json("PutMetricData", "{\"Namespace\":\"Shop\",\"MetricData\":[{\"MetricName\":\"L\","
                + "\"Timestamp\":1e300,\"Value\":1}]}");
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("Timestamp is not a valid timestamp");
        assertThat(put.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(1000);
    }
}

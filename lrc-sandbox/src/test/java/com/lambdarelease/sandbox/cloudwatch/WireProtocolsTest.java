package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static com.lambdarelease.sandbox.cloudwatch.CloudWatchSandbox.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** awsJson1_0 (the AWS CLI's protocol) by hand, and raw CBOR edge cases, over real HTTP. */
class WireProtocolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private final HttpClient http = HttpClient.newHttpClient();
    private CloudWatchSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = new CloudWatchSandbox();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<byte[]> json(String operation, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> json(String operation, String body) throws Exception {
        return json(operation, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> cbor(String operation, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(sandbox.endpoint()
                                .resolve("/service/GraniteServiceVersion20100801/operation/" + operation))
                        .header("Content-Type", "application/cbor").header("smithy-protocol", "rpc-v2-cbor")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void givenData_whenTheSameQueryIsAskedInJsonAndCbor_thenBothAnswerTheSameNumbers() throws Exception {
        long t0 = NOW.getEpochSecond() - 600;
        HttpResponse<byte[]> put = json("PutMetricData", """
                {"Namespace":"Shop","MetricData":[
                  {"MetricName":"Latency","Timestamp":%d,"Values":[10,20,30],"Unit":"Milliseconds"},
                  {"MetricName":"Latency","Timestamp":%d.5,"Value":7,"Unit":"Milliseconds"}]}"""
                .formatted(t0, t0 + 120));
        assertThat(put.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> response = json("GetMetricData", """
                {"StartTime":%d,"EndTime":%d,"MetricDataQueries":[
                  {"Id":"avg","MetricStat":{"Metric":{"Namespace":"Shop","MetricName":"Latency"},
                   "Period":60,"Stat":"Average"}}]}""".formatted(t0, NOW.getEpochSecond()));
        GetMetricDataResponse viaSdk = sandbox.client.getMetricData(r -> r.startTime(Instant.ofEpochSecond(t0))
                .endTime(NOW).metricDataQueries(q -> q.id("avg").metricStat(s -> s.period(60).stat("Average")
                        .metric(m -> m.namespace("Shop").metricName("Latency")))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        JsonNode result = JSON.readTree(response.body()).get("MetricDataResults").get(0);
        MetricDataResult sdkResult = viaSdk.metricDataResults().get(0);
        assertThat(result.get("Id").asText()).isEqualTo("avg");
        assertThat(result.get("Label").asText()).isEqualTo("Latency");
        assertThat(result.get("StatusCode").asText()).isEqualTo("Complete");
        assertThat(numbers(result.get("Timestamps"))).containsExactly((double) t0 + 120, (double) t0)
                .containsExactlyElementsOf(sdkResult.timestamps().stream().map(t -> (double) t.getEpochSecond()).toList());
        assertThat(numbers(result.get("Values"))).containsExactly(7.0, 20.0)
                .containsExactlyElementsOf(sdkResult.values());
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> {
            assertThat(n.isNumber()).as("epoch seconds and values are JSON numbers").isTrue();
            out.add(n.asDouble());
        });
        return out;
    }

    @Test
    void givenAnInvalidJsonRequest_whenSent_thenTheErrorHasTypeMessageAndQueryErrorHeader() throws Exception {
        HttpResponse<byte[]> response = json("GetMetricData", """
                {"StartTime":100,"EndTime":200,"MetricDataQueries":[{"Id":"m1","MetricStat":{"Metric":
                {"Namespace":"Shop","MetricName":"Latency"},"Period":61,"Stat":"Sum"}}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.cloudwatch#InvalidParameterValueException");
        assertThat(body.get("message").asText()).contains("Period must be a multiple of 60");
    }

    @Test
    void givenMalformedBodies_whenSentInEitherProtocol_thenA400InThatProtocolsShape() throws Exception {
        HttpResponse<byte[]> badJson = json("ListMetrics", "{\"Namespace\":");
        HttpResponse<byte[]> badCbor = cbor("ListMetrics", new byte[]{(byte) 0xbf, 0x61});
        HttpResponse<byte[]> wrongType = json("ListMetrics", "{\"Namespace\":42}");

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).get("__type").asText()).endsWith("#SerializationException");
        assertThat(badCbor.statusCode()).isEqualTo(400);
        assertThat(badCbor.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(CBOR.readTree(badCbor.body()).get("__type").asText()).endsWith("#SerializationException");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).get("message").asText()).contains("Namespace must be a string");
    }

    @Test
    void givenAnUnknownOperation_whenCalledEitherWay_thenUnknownOperation() throws Exception {
        HttpResponse<byte[]> viaJson = json("DescribeAlarms", "{}");
        HttpResponse<byte[]> viaCbor = cbor("DescribeAlarms", new byte[0]);

        assertThat(viaJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(viaJson.body()).get("__type").asText()).endsWith("#UnknownOperationException");
        assertThat(viaCbor.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(viaCbor.body()).get("__type").asText()).endsWith("#UnknownOperationException");
    }

    @Test
    void givenAnEmptyCborBody_whenListingMetrics_thenItIsAnEmptyInputAndTheAnswerIsACborMap() throws Exception {
        HttpResponse<byte[]> response = cbor("ListMetrics", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/cbor");
        assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(CBOR.readTree(response.body()).get("Metrics").isArray()).isTrue();
    }

    @Test
    void givenAGzippedPutMetricData_whenSent_thenItIsUnzippedAndStored() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("{\"Namespace\":\"Shop\",\"MetricData\":[{\"MetricName\":\"Orders\",\"Value\":3}]}"
                    .getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<byte[]> put = json("PutMetricData", zipped.toByteArray(), "Content-Encoding", "gzip");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(sandbox.client.listMetrics(r -> r.namespace("Shop")).metrics()).hasSize(1);
    }
}

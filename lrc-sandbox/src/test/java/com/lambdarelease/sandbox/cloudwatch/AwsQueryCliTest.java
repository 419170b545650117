package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CloudWatch over awsQuery through Debian's packaged AWS CLI v2 (2.9.x, before 2.32.14, so it sends
 * form-encoded requests and reads XML): get-metric-data returns the invocations, list-metrics and
 * put-metric-data work, and a refusal comes back in AWS's error shape. {@code .ci/run} installs the
 * package when it is missing; without it (and without root to install it) this test is skipped, saying so.
 */
class AwsQueryCliTest {

    private static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(DEBIAN_CLI)) {
            System.out.println("AwsQueryCliTest skipped: Debian's awscli package is not installed at " + DEBIAN_CLI
                    + " (apt-get install -y awscli; .ci/run does it when it can)");
        }
        Assumptions.assumeTrue(Files.isExecutable(DEBIAN_CLI), "Debian's awscli package is not installed at " + DEBIAN_CLI);
        sandbox = Sandbox.start(SandboxOptions.forTests());
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
            for (int i = 0; i < 3; i++) {
                lambda.invoke(r -> r.functionName("payments-webhook").qualifier("live"));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(DEBIAN_CLI.toString(), "--endpoint-url", sandbox.endpoint().toString(),
                "--region", "us-east-1", "--output", "json", "--no-cli-pager"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "sandbox");
        env.put("AWS_SECRET_ACCESS_KEY", "sandbox");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("PATH", "/usr/bin:/bin"); // Debian's CLI with Debian's python, not a pyenv one
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("aws %s finished", String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void getMetricDataFromAnAwsQueryCliReturnsTheInvocations() throws Exception {
        Result version = aws("--version");
        assertThat(version.out + version.err).startsWith("aws-cli/2.");
        String queries = "[{\"Id\":\"inv\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/Lambda\",\"MetricName\":\"Invocations\","
                + "\"Dimensions\":[{\"Name\":\"FunctionName\",\"Value\":\"payments-webhook\"},{\"Name\":\"Resource\","
                + "\"Value\":\"payments-webhook:live\"}]},\"Period\":60,\"Stat\":\"Sum\"}},"
                + "{\"Id\":\"perminute\",\"Expression\":\"inv / 1\",\"ReturnData\":true}]";
        Instant now = Instant.now();
        Result r = aws("cloudwatch", "get-metric-data", "--metric-data-queries", queries,
                "--start-time", now.minus(Duration.ofMinutes(10)).toString(), "--end-time", now.plus(Duration.ofMinutes(2)).toString());

        assertThat(r.code).as(r.err).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out).path("MetricDataResults");
        assertThat(results).hasSize(2);
        double sum = 0;
        for (JsonNode v : results.get(0).path("Values")) {
            sum += v.asDouble();
        }
        assertThat(results.get(0).path("Id").asText()).isEqualTo("inv");
        assertThat(sum).isEqualTo(3.0);
        assertThat(results.get(0).path("Timestamps")).isNotEmpty();
        assertThat(results.get(0).path("StatusCode").asText()).isEqualTo("Complete");
    }

    @Test
    void putMetricDataThenListMetricsFindsIt() throws Exception {
        Result put = aws("cloudwatch", "put-metric-data", "--namespace", "Shop", "--metric-name", "Orders",
                "--dimensions", "Store=north", "--value", "7", "--unit", "Count");
        assertThat(put.code).as(put.err).isZero();

        Result list = aws("cloudwatch", "list-metrics", "--namespace", "Shop");
        assertThat(list.code).as(list.err).isZero();
        JsonNode metrics = new ObjectMapper().readTree(list.out).path("Metrics");
        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m.path("MetricName").asText()).isEqualTo("Orders");
            assertThat(m.path("Dimensions").get(0).path("Value").asText()).isEqualTo("north");
        });
    }

    @Test
    void aRefusalComesBackInAwsErrorShape() throws Exception {
        Instant now = Instant.now();
        Result r = aws("cloudwatch", "get-metric-data", "--metric-data-queries",
                "[{\"Id\":\"Bad\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/Lambda\",\"MetricName\":\"Invocations\"},"
                        + "\"Period\":60,\"Stat\":\"Sum\"}}]",
                "--start-time", now.minus(Duration.ofMinutes(10)).toString(), "--end-time", now.toString());

        assertThat(r.code).isNotZero();
        assertThat(r.err).contains("InvalidParameterValue")
                .contains("The value Bad for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.");
    }
}

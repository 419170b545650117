package com.lambdarelease.sandbox.logs;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance command through Debian's packaged AWS CLI (awsJson1_1 to Logs): with
 * prod at 90/10 between v3 and v4, {@code aws logs filter-log-events --log-stream-name-prefix
 * '<today>/[4]' --filter-pattern ERROR} returns version 4's errors and only those. Skipped, saying
 * so, when the package is missing ({@code .ci/run} installs it when it can).
 */
class LogsCliTest {

    private static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");
    private static Sandbox sandbox;
    private static int v4Errors;
    private static int v3Errors;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(DEBIAN_CLI)) {
            System.out.println("LogsCliTest skipped: Debian's awscli package is not installed at " + DEBIAN_CLI
                    + " (apt-get install -y awscli; .ci/run does it when it can)");
        }
        Assumptions.assumeTrue(Files.isExecutable(DEBIAN_CLI), "Debian's awscli package is not installed at " + DEBIAN_CLI);
        sandbox = Sandbox.start(SandboxOptions.forTests());
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
            String revision = lambda.getAlias(b -> b.functionName("MyLambdaFunction").name("prod")).revisionId();
            lambda.updateAlias(b -> b.functionName("MyLambdaFunction").name("prod").functionVersion("3").revisionId(revision)
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("4", 0.1))));
            for (int i = 0; i < 400; i++) {
                var r = lambda.invoke(b -> b.functionName("MyLambdaFunction").qualifier("prod"));
                if (r.functionError() != null) {
                    if (r.executedVersion().equals("4")) {
                        v4Errors++;
                    } else {
                        v3Errors++;
                    }
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(DEBIAN_CLI.toString(), "--endpoint-url", sandbox.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "sandbox");
        env.put("AWS_SECRET_ACCESS_KEY", "sandbox");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.put("PATH", "/usr/bin:/bin");
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        return out;
    }

    @Test
    void filterLogEventsForTodaysVersion4StreamsReturnsVersion4sErrorsOnly() throws Exception {
        String today = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(sandbox.clock().instant());
        JsonNode events = new ObjectMapper().readTree(aws("logs", "filter-log-events", "--log-group-name",
                "/aws/lambda/MyLambdaFunction", "--log-stream-name-prefix", today + "/[4]", "--filter-pattern", "ERROR"))
                .path("events");

        assertThat(v4Errors).isPositive();
        assertThat(events).hasSize(v4Errors);
        for (JsonNode e : events) {
            assertThat(e.path("logStreamName").asText()).startsWith(today + "/[4]");
            assertThat(e.path("message").asText()).matches("(?s)\\[ERROR\\] (PricingRuleError|ZeroDivisionError): .*");
        }
        JsonNode all = new ObjectMapper().readTree(aws("logs", "filter-log-events", "--log-group-name",
                "/aws/lambda/MyLambdaFunction", "--filter-pattern", "ERROR")).path("events");
        assertThat(all).hasSize(v4Errors + v3Errors);
    }

    @Test
    void describeAndGetThroughTheCli() throws Exception {
        JsonNode streams = new ObjectMapper().readTree(aws("logs", "describe-log-streams", "--log-group-name",
                "/aws/lambda/MyLambdaFunction")).path("logStreams");
        assertThat(streams).isNotEmpty();
        String name = streams.get(0).path("logStreamName").asText();
        JsonNode events = new ObjectMapper().readTree(aws("logs", "get-log-events", "--log-group-name",
                "/aws/lambda/MyLambdaFunction", "--log-stream-name", name, "--start-from-head", "--limit", "3")).path("events");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).path("message").asText()).startsWith("START RequestId: ");
    }
}

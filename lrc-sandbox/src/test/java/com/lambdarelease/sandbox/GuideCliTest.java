package com.lambdarelease.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance test of the operators' guide (its commands: docs/guide-cli-transcript.md) through the real AWS CLI
 * (v1 / botocore), pointed at an in-process sandbox with {@code --endpoint-url}. The steps run in
 * the guide's order on the seeded MyLambdaFunction (versions 1-4, $LATEST equal to 4), on an alias
 * of our own ({@code canary-guide}) so the seeded aliases stay as the demo account has them.
 *
 * <p>Only the commands an operator types go through the CLI (each process costs ~0.5-1 s); the 200
 * canary invocations go through the SDK in-process. Nothing leaves 127.0.0.1: every CLI call gets
 * {@code --endpoint-url}, the operator's AWS_* variables, profiles and proxies are stripped, and the
 * config and credentials files are empty temp files. Skipped when {@code aws} is not on PATH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuideCliTest {

    private static final String FN = "MyLambdaFunction";
    private static final String ALIAS = "canary-guide";
    private static final String FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + FN;
    private static final String CANARY = "{\"AdditionalVersionWeights\": {\"4\": 0.1}}";
    private static final String NO_CANARY = "{\"AdditionalVersionWeights\": {}}";
    private static final int INVOCATIONS = 200;
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private Path awsExecutable;
    private Path workDir;
    private Sandbox sandbox;
    private LambdaClient lambda;

    /** Guide steps are sequential: a step runs only when every earlier one passed. */
    private int stepsPassed;
    private final AtomicLong cliMillis = new AtomicLong();
    private final AtomicInteger cliCalls = new AtomicInteger();

    private String revisionAfterCreate;
    private String revisionAtCanary;
    private final Map<String, Integer> executed = new TreeMap<>();

    /** Why the guide cannot be run here (no CLI), or null. Reported on every step, so a skip is visible. */
    private String skipReason;

    @BeforeAll
    void startSandboxIfTheCliIsInstalled() throws Exception {
        Optional<Path> aws = findOnPath("aws");
        if (aws.isEmpty()) {
            skipReason = "the AWS CLI ('aws') is not on PATH; install aws-cli v1 to run the guide's commands";
            return;
        }
        awsExecutable = aws.get();
        workDir = Files.createTempDirectory("guide-cli");
        Files.createFile(workDir.resolve("aws-config"));
        Files.createFile(workDir.resolve("aws-credentials"));

        Cli version = run(List.of(awsExecutable.toString(), "--version"));
        if (version.exit() != 0) {
            skipReason = "'" + awsExecutable + " --version' failed (exit " + version.exit() + "): " + version.stderr().strip();
            return;
        }
        System.out.println("[guide-cli] " + (version.stdout() + version.stderr()).strip());

        sandbox = Sandbox.start(SandboxOptions.forTests());
        lambda = LambdaClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    void stop() throws IOException {
        System.out.printf("[guide-cli] %d CLI processes, %d ms in total%n", cliCalls.get(), cliMillis.get());
        if (lambda != null) {
            lambda.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 1. Publish a new version
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("1. publish-version: the change deployed after 4 publishes 5; again returns 5; new code publishes 6")
    void step1_publishVersion() throws Exception {
        requireEarlierSteps(1);

        JsonNode first = ok("lambda", "publish-version", "--function-name", FN, "--description", "Pricing fix");
        assertThat(first.path("Version").asText()).isEqualTo("5");
        assertThat(first.path("FunctionArn").asText()).isEqualTo(FN_ARN + ":5");
        assertThat(first.path("Environment").path("Variables").path("SANDBOX_ERROR_RATE").asText()).isEqualTo("0.002");

        JsonNode unchanged = ok("lambda", "publish-version", "--function-name", FN, "--description", "ignored");
        assertThat(unchanged.path("Version").asText()).isEqualTo("5");
        assertThat(unchanged.path("FunctionArn").asText()).isEqualTo(FN_ARN + ":5");
        assertThat(unchanged.path("Description").asText()).isEqualTo("Pricing fix");

        byte[] zip = zip("lambda_function.py", "def lambda_handler(event, context):\n    return {'version': 5}\n");
        Path zipFile = Files.write(workDir.resolve("function.zip"), zip);
        String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));

        JsonNode updated = ok("lambda", "update-function-code", "--function-name", FN,
                "--zip-file", "fileb://" + zipFile.toAbsolutePath());
        assertThat(updated.path("Version").asText()).isEqualTo("$LATEST");
        assertThat(updated.path("CodeSha256").asText()).isEqualTo(sha);
        assertThat(updated.path("CodeSize").asLong()).isEqualTo(zip.length);

        JsonNode published = ok("lambda", "publish-version", "--function-name", FN);
        assertThat(published.path("Version").asText()).isEqualTo("6");
        assertThat(published.path("FunctionArn").asText()).isEqualTo(FN_ARN + ":6");
        assertThat(published.path("CodeSha256").asText()).isEqualTo(sha);
        stepsPassed = 1;
    }

    // ---------------------------------------------------------------------------------------------
    // 2. Create or update an alias
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    @DisplayName("2. create-alias (the guide's own 'prod' already exists) and update-alias")
    void step2_createAndUpdateAlias() throws Exception {
        requireEarlierSteps(2);

        // The guide's literal command on the demo account, where prod is already seeded.
        refused("CreateAlias", "ResourceConflictException", "Alias already exists: " + FN_ARN + ":prod",
                "lambda", "create-alias", "--function-name", FN, "--name", "prod", "--function-version", "3");

        JsonNode created = ok("lambda", "create-alias", "--function-name", FN, "--name", ALIAS,
                "--function-version", "3");
        assertThat(created.path("AliasArn").asText()).isEqualTo(FN_ARN + ":" + ALIAS);
        assertThat(created.path("Name").asText()).isEqualTo(ALIAS);
        assertThat(created.path("FunctionVersion").asText()).isEqualTo("3");
        assertThat(weights(created)).isEmpty();
        revisionAfterCreate = created.path("RevisionId").asText();
        assertThat(revisionAfterCreate).isNotBlank();

        JsonNode updated = ok("lambda", "update-alias", "--function-name", FN, "--name", ALIAS,
                "--function-version", "4");
        assertThat(updated.path("FunctionVersion").asText()).isEqualTo("4");
        assertThat(updated.path("RevisionId").asText()).isNotBlank().isNotEqualTo(revisionAfterCreate);
        stepsPassed = 2;
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Weighted traffic routing
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    @DisplayName("3. update-alias --function-version 3 --routing-config {\"4\": 0.1}")
    void step3_canary() throws Exception {
        requireEarlierSteps(3);
        String before = lambda.getAlias(r -> r.functionName(FN).name(ALIAS)).revisionId();

        JsonNode canary = ok("lambda", "update-alias", "--function-name", FN, "--name", ALIAS,
                "--function-version", "3", "--routing-config", CANARY);

        assertThat(canary.path("FunctionVersion").asText()).isEqualTo("3");
        assertThat(weights(canary)).containsExactly(Map.entry("4", 0.1));
        revisionAtCanary = canary.path("RevisionId").asText();
        assertThat(revisionAtCanary).isNotBlank().isNotEqualTo(before);
        stepsPassed = 3;
    }

    @Test
    @Order(4)
    @DisplayName("3. AWS's refusals come back through the CLI with AWS's code and exact text, changing nothing")
    void step3_refusedRoutingChanges() throws Exception {
        requireEarlierSteps(4);
        String base = "lambda update-alias --function-name " + FN + " --name " + ALIAS;

        assertAllRefused(
                refusal("UpdateAlias", "InvalidParameterValueException",
                        "Number of items in AdditionalVersionWeights cannot be greater than 1",
                        base, "--function-version", "3",
                        "--routing-config", "{\"AdditionalVersionWeights\": {\"4\": 0.1, \"2\": 0.1}}"),
                refusal("UpdateAlias", "InvalidParameterValueException",
                        "Invalid function version 3. Function version 3 is already included in routing configuration.",
                        base, "--function-version", "3",
                        "--routing-config", "{\"AdditionalVersionWeights\": {\"3\": 0.1}}"),
                refusal("UpdateAlias", "InvalidParameterValueException",
                        "$LATEST is not supported for an alias pointing to more than 1 version",
                        base, "--function-version", "$LATEST", "--routing-config", CANARY),
                refusal("UpdateAlias", "ValidationException",
                        "1 validation error detected: Value '{4=1.5}' at 'routingConfig.additionalVersionWeights' "
                                + "failed to satisfy constraint: Map value must satisfy constraint: [Member must have "
                                + "value less than or equal to 1.0, Member must have value greater than or equal to "
                                + "0.0, Member must not be null]",
                        base, "--function-version", "3",
                        "--routing-config", "{\"AdditionalVersionWeights\": {\"4\": 1.5}}"),
                refusal("UpdateAlias", "ValidationException",
                        "1 validation error detected: Value '{abc=0.1}' at 'routingConfig.additionalVersionWeights' "
                                + "failed to satisfy constraint: Map keys must satisfy constraint: [Member must have "
                                + "length less than or equal to 1024, Member must have length greater than or equal "
                                + "to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]",
                        base, "--function-version", "3",
                        "--routing-config", "{\"AdditionalVersionWeights\": {\"abc\": 0.1}}"),
                refusal("UpdateAlias", "ResourceNotFoundException",
                        "Function not found: " + FN_ARN + ":99",
                        base, "--function-version", "99"),
                refusal("UpdateAlias", "ResourceNotFoundException",
                        "Cannot find alias arn: " + FN_ARN + ":no-such-alias",
                        "lambda update-alias --function-name " + FN + " --name no-such-alias",
                        "--function-version", "3"),
                refusal("UpdateAlias", "PreconditionFailedException",
                        "The Revision Id provided does not match the latest Revision Id. Call the "
                                + "GetFunction/GetAlias API to retrieve the latest Revision Id",
                        base, "--function-version", "3", "--revision-id", revisionAfterCreate));

        assertCanaryUnchanged();
        stepsPassed = 4;
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Monitor the deployment
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    @DisplayName("4. 200 invocations through the alias; get-metric-data by ExecutedVersion counts what ran")
    void step4_monitor() throws Exception {
        requireEarlierSteps(5);
        Instant first = sandbox.clock().instant();
        for (int i = 0; i < INVOCATIONS; i++) {
            InvokeResponse response = lambda.invoke(r -> r.functionName(FN).qualifier(ALIAS));
            assertThat(response.statusCode()).isEqualTo(200);
            executed.merge(response.executedVersion(), 1, Integer::sum);
        }
        Instant last = sandbox.clock().instant();
        System.out.println("[guide-cli] executed versions behind " + ALIAS + ": " + executed);
        assertThat(executed.keySet()).containsExactly("3", "4");
        // 10% of 200 is 20; the router is probabilistic, so only a loose band (seeded, so repeatable).
        assertThat(executed.get("4")).isBetween(5, 50);

        ArrayNode queries = json.createArrayNode()
                .add(invocationsQuery("v3", FN + ":" + ALIAS, "3"))
                .add(invocationsQuery("v4", FN + ":" + ALIAS, "4"))
                .add(invocationsQuery("alias", FN + ":" + ALIAS, null))
                .add(invocationsQuery("version4", FN + ":4", null));
        Instant start = first.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        Instant end = last.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));

        JsonNode data = ok("cloudwatch", "get-metric-data", "--metric-data-queries", json.writeValueAsString(queries),
                "--start-time", start.toString(), "--end-time", end.toString());

        Map<String, Double> sums = new LinkedHashMap<>();
        for (JsonNode result : data.path("MetricDataResults")) {
            assertThat(result.path("StatusCode").asText()).as(result.path("Id").asText()).isEqualTo("Complete");
            double sum = 0;
            for (JsonNode value : result.path("Values")) {
                sum += value.asDouble();
            }
            sums.put(result.path("Id").asText(), sum);
        }
        assertThat(sums).containsOnlyKeys("v3", "v4", "alias", "version4");
        assertThat(sums.get("v3")).isEqualTo(executed.get("3").doubleValue());
        assertThat(sums.get("v4")).isEqualTo(executed.get("4").doubleValue());
        assertThat(sums.get("alias")).isEqualTo(INVOCATIONS);
        // AWS (Lambda's metrics,
        // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html):
        // invocations through an alias are not recorded under the version's own Resource.
        assertThat(sums.get("version4")).isZero();
        stepsPassed = 5;
    }

    // ---------------------------------------------------------------------------------------------
    // 5. Promote or roll back
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(6)
    @DisplayName("5. the guide's literal promote is refused while the canary is set, exactly as AWS refuses it")
    void step5_guidesPromoteIsRefused() throws Exception {
        requireEarlierSteps(6);
        refused("UpdateAlias", "InvalidParameterValueException",
                "Invalid function version 4. Function version 4 is already included in routing configuration.",
                "lambda", "update-alias", "--function-name", FN, "--name", ALIAS, "--function-version", "4");
        assertCanaryUnchanged();
        stepsPassed = 6;
    }

    @Test
    @Order(7)
    @DisplayName("5. the guide's literal rollback succeeds but keeps 10% on version 4")
    void step5_guidesRollbackKeepsTheCanary() throws Exception {
        requireEarlierSteps(7);
        JsonNode rolledBack = ok("lambda", "update-alias", "--function-name", FN, "--name", ALIAS,
                "--function-version", "3");
        assertThat(rolledBack.path("FunctionVersion").asText()).isEqualTo("3");
        // UpdateAlias without --routing-config keeps the split: "return all traffic" it does not.
        assertThat(weights(rolledBack)).containsExactly(Map.entry("4", 0.1));
        assertThat(rolledBack.path("RevisionId").asText()).isNotEqualTo(revisionAtCanary);
        stepsPassed = 7;
    }

    @Test
    @Order(8)
    @DisplayName("5. promote and roll back with an empty AdditionalVersionWeights clear the split")
    void step5_promoteAndRollBackWithEmptyWeights() throws Exception {
        requireEarlierSteps(8);
        JsonNode promoted = ok("lambda", "update-alias", "--function-name", FN, "--name", ALIAS,
                "--function-version", "4", "--routing-config", NO_CANARY);
        assertThat(promoted.path("FunctionVersion").asText()).isEqualTo("4");
        assertThat(weights(promoted)).isEmpty();

        JsonNode rolledBack = ok("lambda", "update-alias", "--function-name", FN, "--name", ALIAS,
                "--function-version", "3", "--routing-config", NO_CANARY);
        assertThat(rolledBack.path("FunctionVersion").asText()).isEqualTo("3");
        assertThat(weights(rolledBack)).isEmpty();
        assertThat(rolledBack.path("RevisionId").asText()).isNotEqualTo(promoted.path("RevisionId").asText());

        // And all traffic really returns to version 3.
        for (int i = 0; i < 50; i++) {
            assertThat(lambda.invoke(r -> r.functionName(FN).qualifier(ALIAS)).executedVersion()).isEqualTo("3");
        }
        stepsPassed = 8;
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    private void requireEarlierSteps(int step) {
        assumeTrue(skipReason == null, skipReason);
        assumeTrue(stepsPassed == step - 1, "an earlier step of the guide failed; this one builds on it");
    }

    private void assertCanaryUnchanged() {
        GetAliasResponse alias = lambda.getAlias(r -> r.functionName(FN).name(ALIAS));
        assertThat(alias.functionVersion()).isEqualTo("3");
        assertThat(alias.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.1));
        assertThat(alias.revisionId()).as("a refused request must not change the alias").isEqualTo(revisionAtCanary);
    }

    /** Invocations, Sum per minute, by FunctionName + Resource (+ ExecutedVersion when not null). */
    private ObjectNode invocationsQuery(String id, String resource, String executedVersion) {
        ObjectNode query = json.createObjectNode().put("Id", id);
        ObjectNode stat = query.putObject("MetricStat").put("Period", 60).put("Stat", "Sum");
        ObjectNode metric = stat.putObject("Metric").put("Namespace", "AWS/Lambda").put("MetricName", "Invocations");
        ArrayNode dims = metric.putArray("Dimensions");
        dims.addObject().put("Name", "FunctionName").put("Value", FN);
        dims.addObject().put("Name", "Resource").put("Value", resource);
        if (executedVersion != null) {
            dims.addObject().put("Name", "ExecutedVersion").put("Value", executedVersion);
        }
        return query;
    }

    private static Map<String, Double> weights(JsonNode alias) {
        Map<String, Double> weights = new TreeMap<>();
        alias.path("RoutingConfig").path("AdditionalVersionWeights").properties()
                .forEach(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return weights;
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Runs {@code aws <args> --endpoint-url ... --output json}; asserts success and returns the parsed answer. */
    private JsonNode ok(String... args) throws IOException {
        Cli cli = aws(args);
        if (cli.exit() != 0) {
            fail("%s%nexited %d%nstderr: %s", cli.describe(), cli.exit(), cli.stderr());
        }
        return json.readTree(cli.stdout());
    }

    /** Runs the CLI and asserts AWS's refusal: see {@link Refusal#check}. */
    private void refused(String operation, String code, String message, String... args) throws IOException {
        new Refusal(operation, code, message, List.of(args)).check(aws(args));
    }

    /** A refused command; {@code command} is split on spaces, {@code rest} is passed as is. */
    private static Refusal refusal(String operation, String code, String message, String command, String... rest) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(rest));
        return new Refusal(operation, code, message, args);
    }

    /**
     * Runs commands that AWS refuses, two processes at a time (a refused command changes nothing, so
     * order does not matter and each CLI process is mostly Python start-up), then reports every mismatch.
     */
    private void assertAllRefused(Refusal... refusals) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Cli>> runs = new ArrayList<>();
            for (Refusal r : refusals) {
                runs.add(pool.submit(() -> aws(r.args().toArray(String[]::new))));
            }
            List<Executable> checks = new ArrayList<>();
            for (int i = 0; i < refusals.length; i++) {
                Refusal r = refusals[i];
                Cli cli = runs.get(i).get();
                checks.add(() -> r.check(cli));
            }
            assertAll(checks);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Refusal(String operation, String code, String message, List<String> args) {
        /** The CLI's one-line error for an AWS error: exit 255 and exactly AWS's code and message on stderr. */
        void check(Cli cli) {
            assertThat(cli.stderr().strip())
                    .as(cli.describe())
                    .isEqualTo("An error occurred (%s) when calling the %s operation: %s", code, operation, message);
            assertThat(cli.exit()).as(cli.describe()).isEqualTo(255);
            assertThat(cli.stdout()).as(cli.describe()).isBlank();
        }
    }

    private Cli aws(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(awsExecutable.toString());
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", sandbox.endpoint().toString(), "--output", "json",
                "--cli-connect-timeout", "5", "--cli-read-timeout", "20"));
        long t0 = System.nanoTime();
        Cli cli = run(command);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        cliMillis.addAndGet(ms);
        cliCalls.incrementAndGet();
        System.out.printf("[guide-cli] %5d ms  exit %3d  aws %s%n", ms, cli.exit(), String.join(" ", args));
        return cli;
    }

    /** Runs one process with a sanitised environment and a timeout; output goes through files, never a full pipe. */
    private Cli run(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> {
            String key = k.toUpperCase(Locale.ROOT);
            return key.startsWith("AWS_") || key.endsWith("_PROXY") || key.equals("BOTO_CONFIG");
        });
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_DEFAULT_REGION", Sandbox.REGION);
        env.put("AWS_CONFIG_FILE", workDir.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("aws-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // The retry mode stays the CLI's default (legacy), as an operator has it: AWS_MAX_ATTEMPTS=1 in
        // standard mode would append "(reached max retries: 0)" to every error message the guide shows.
        env.put("NO_PROXY", "127.0.0.1,localhost");
        File out = Files.createTempFile(workDir, "stdout", ".txt").toFile();
        File err = Files.createTempFile(workDir, "stderr", ".txt").toFile();
        pb.redirectOutput(out).redirectError(err);
        Process process = pb.start();
        try (OutputStream stdin = process.getOutputStream()) {
            // nothing to type: the CLI must never wait for input
        }
        try {
            if (!process.waitFor(CLI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("timed out after %s: %s", CLI_TIMEOUT, String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
        Cli cli = new Cli(command, process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        Files.deleteIfExists(out.toPath());
        Files.deleteIfExists(err.toPath());
        return cli;
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Cli(List<String> command, int exit, String stdout, String stderr) {
        String describe() {
            return String.join(" ", command.subList(1, command.size()));
        }
    }
}

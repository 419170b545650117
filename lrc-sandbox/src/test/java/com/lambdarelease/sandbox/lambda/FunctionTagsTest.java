package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the sandbox's functions, an operator tags, lists and untags one by its ARN through the SDK; the
 * tags show in GetFunction, survive a restart, and change nothing else. Tags AWS reserves, aliases and
 * versions, and functions that are not there are refused in AWS's words.
 */
class FunctionTagsTest {

    private static final String ORDERS = "arn:aws:lambda:us-east-1:123456789012:function:orders-api";

    private final LambdaSandboxFixture f = new LambdaSandboxFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void whenAFunctionIsTagged_thenListTagsAndGetFunctionShowIt_andItsRevisionIsUnchanged() {
        GetFunctionResponse before = f.lambda.getFunction(b -> b.functionName("orders-api"));
        f.lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("team", "orders", "cost-centre", "")));
        assertThat(f.lambda.listTags(b -> b.resource(ORDERS)).tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "orders", "cost-centre", ""));
        GetFunctionResponse after = f.lambda.getFunction(b -> b.functionName("orders-api"));
        assertThat(after.tags()).containsEntry("team", "orders");
        assertThat(after.configuration().revisionId()).isEqualTo(before.configuration().revisionId());
        assertThat(after.configuration().codeSha256()).isEqualTo(before.configuration().codeSha256());
        assertThat(after.configuration().lastModified()).isEqualTo(before.configuration().lastModified());
        assertThat(f.lambda.getAlias(b -> b.functionName("orders-api").name("live")).routingConfig()
                .additionalVersionWeights()).isEqualTo(Map.of("8", 0.1));
    }

    @Test
    void whenTagKeysAreRemovedTogether_thenEachRepeatedKeyGoes() {
        f.lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("a", "1", "b", "2", "c", "3")));
        f.lambda.untagResource(b -> b.resource(ORDERS).tagKeys("a", "b", "not-there"));
        assertThat(f.lambda.listTags(b -> b.resource(ORDERS)).tags()).isEqualTo(Map.of("c", "3"));
    }

    @Test
    void aFunctionCreatedWithTagsHasThem() {
        f.lambda.createFunction(b -> b.functionName("tagged").runtime(Runtime.PYTHON3_12).handler("a.h")
                .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))
                .tags(Map.of("owner", "alice")));
        assertThat(f.lambda.listTags(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:tagged")).tags())
                .isEqualTo(Map.of("owner", "alice"));
    }

    @Test
    void theSeededStackFunctionsCarryCloudFormationsTags() {
        Map<String, String> payments = f.lambda.listTags(b -> b.resource(
                "arn:aws:lambda:us-east-1:123456789012:function:payments-webhook")).tags();
        assertThat(payments).containsEntry("aws:cloudformation:stack-name", "payments-prod")
                .containsEntry("aws:cloudformation:logical-id", "PaymentsWebhookFunction");
        assertThat(payments.get("aws:cloudformation:stack-id"))
                .matches("arn:aws:cloudformation:us-east-1:123456789012:stack/payments-prod/[0-9a-f-]{36}");
        try (LambdaClient eu = LambdaClient.builder().endpointOverride(f.sandbox.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "x")).build()) {
            assertThat(eu.listTags(b -> b.resource("arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices")).tags())
                    .containsEntry("aws:cloudformation:stack-name", "invoices-eu")
                    .containsEntry("aws:cloudformation:logical-id", "InvoicesFunction")
                    .containsEntry("lambda:createdBy", "SAM");
        }
    }

    @Test
    void reservedKeysQualifiedArnsAndMissingFunctionsAreRefused() {
        String reserved = "Invalid tag key. Customers cannot set tag keys starting with aws: (case insensitive)";
        assertAwsError(() -> f.lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("AWS:owner", "x"))),
                400, "InvalidParameterValueException", reserved);
        assertAwsError(() -> f.lambda.untagResource(b -> b.resource(ORDERS).tagKeys("aws:cloudformation:stack-name")),
                400, "InvalidParameterValueException", reserved);
        assertAwsError(() -> f.lambda.tagResource(b -> b.resource(ORDERS + ":live").tags(Map.of("a", "b"))),
                400, "InvalidParameterValueException",
                "Tags on function aliases and versions are not supported. Please specify a function ARN.");
        assertAwsError(() -> f.lambda.listTags(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:nope")),
                404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        assertAwsError(() -> f.lambda.listTags(b -> b.resource("arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices")),
                404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices");
        assertAwsError(() -> f.lambda.listTags(b -> b.resource("orders-api")), 400, "ValidationException",
                "1 validation error detected: Value 'orders-api' at 'resource' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}"
                        + ":\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}"
                        + "|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                        + "|capacity-provider:[a-zA-Z0-9-_]+)");
    }

    @Test
    void moreThanFiftyTagsOrOverlongKeysAndValuesAreRefused() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        f.lambda.tagResource(b -> b.resource(ORDERS).tags(fifty));
        f.lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("k0", "again"))); // an overwrite adds none
        assertAwsError(() -> f.lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("one-more", "x"))),
                400, "InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
        assertThat(f.lambda.listTags(b -> b.resource(ORDERS)).tags()).hasSize(50).containsEntry("k0", "again");
        assertThat(f.raw("POST", "/2017-03-31/tags/" + ORDERS, "{\"Tags\":{\"" + "k".repeat(129) + "\":\"v\"}}").statusCode())
                .isEqualTo(400);
        assertThat(f.raw("POST", "/2017-03-31/tags/" + ORDERS, "{\"Tags\":{\"k\":\"" + "v".repeat(257) + "\"}}").statusCode())
                .isEqualTo(400);
        assertThat(f.raw("POST", "/2017-03-31/tags/" + ORDERS, "{\"Tags\":{\"k\":\"" + "v".repeat(256) + "\"}}").statusCode())
                .isEqualTo(400); // 51st tag
    }

    @Test
    void tagsSurviveTheStateFile(@TempDir Path dir) throws Exception {
        SandboxOptions options = SandboxOptions.builderForTests().stateFile(dir.resolve("state.json")).build();
        try (Sandbox first = Sandbox.start(options, f.clock); LambdaClient c = client(first)) {
            c.tagResource(b -> b.resource(ORDERS).tags(Map.of("team", "orders")));
        }
        try (Sandbox second = Sandbox.start(options, f.clock); LambdaClient c = client(second)) {
            assertThat(c.listTags(b -> b.resource(ORDERS)).tags()).isEqualTo(Map.of("team", "orders"));
            assertThat(c.listTags(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:payments-webhook"))
                    .tags()).containsKey("aws:cloudformation:stack-name");
            assertThat(c.listVersionsByFunction(b -> b.functionName("orders-api")).versions()).extracting(v -> v.version())
                    .containsAll(List.of("$LATEST", "1", "8"));
        }
    }

    private static LambdaClient client(Sandbox s) {
        return LambdaClient.builder().endpointOverride(s.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "x")).build();
    }
}

package com.lambdarelease.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/** Create, read, update, publish, list and delete, as an operator's scripts would through the SDK. */
class FunctionAndVersionOperationsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test-role";
    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CreateFunctionResponse createFunction(String name, String code) {
        return sandbox.lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).role(ROLE)
                .handler("app.handler").code(c -> c.zipFile(SdkBytes.fromUtf8String(code)))
                .environment(e -> e.variables(Map.of("STAGE", "test"))));
    }

    private static String sha256(String code) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whenAFunctionIsCreated_thenItsConfigurationLooksLikeAws() throws Exception {
        CreateFunctionResponse created = createFunction("checkout", "zip-bytes");

        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:checkout");
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.codeSha256()).isEqualTo(sha256("zip-bytes"));
        assertThat(created.codeSize()).isEqualTo(9);
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.memorySize()).isEqualTo(128);
        assertThat(created.lastModified()).isEqualTo("2026-11-26T12:00:00.000+0000");
        assertThat(created.stateAsString()).isEqualTo("Active");
        assertThat(created.lastUpdateStatusAsString()).isEqualTo("Successful");
        assertThat(created.packageTypeAsString()).isEqualTo("Zip");
        assertThat(created.architecturesAsStrings()).containsExactly("x86_64");
        assertThat(created.ephemeralStorage().size()).isEqualTo(512);
        assertThat(created.tracingConfig().modeAsString()).isEqualTo("PassThrough");
        assertThat(created.environment().variables()).containsEntry("STAGE", "test");
        assertThat(created.revisionId()).isNotBlank();

        GetFunctionResponse got = sandbox.lambda.getFunction(b -> b.functionName("checkout"));
        assertThat(got.configuration().codeSha256()).isEqualTo(created.codeSha256());
        assertThat(got.code().repositoryType()).isEqualTo("S3");
        assertThat(got.code().location()).startsWith("https://");
    }

    @Test
    void givenAnExistingFunction_whenCreatedAgain_thenConflict() {
        createFunction("checkout", "a");
        assertAwsError(() -> createFunction("checkout", "b"), 409, "ResourceConflictException",
                "Function already exist: checkout");
        assertThat(sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout")).codeSize()).isEqualTo(1);
    }

    @Test
    void givenNewCode_whenPublished_thenTheNextVersionNumberIsReturned_andUnchangedCodeReturnsTheSameVersion() {
        createFunction("checkout", "v1");
        assertThat(sandbox.lambda.publishVersion(b -> b.functionName("checkout")).version()).isEqualTo("1");
        sandbox.clock.advance(Duration.ofMinutes(5));
        sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout").zipFile(SdkBytes.fromUtf8String("v2")));

        PublishVersionResponse v2 = sandbox.lambda.publishVersion(b -> b.functionName("checkout").description("second"));
        PublishVersionResponse again = sandbox.lambda.publishVersion(b -> b.functionName("checkout"));

        assertThat(v2.version()).isEqualTo("2");
        assertThat(v2.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:checkout:2");
        assertThat(v2.description()).isEqualTo("second");
        assertThat(v2.lastModified()).isEqualTo("2026-11-26T12:05:00.000+0000");
        assertThat(again.version()).isEqualTo("2");
        assertThat(again.revisionId()).isEqualTo(v2.revisionId());
    }

    @Test
    void givenAStaleCodeShaOrRevision_whenPublishing_thenRefusedAndNoVersionAppears() throws Exception {
        createFunction("checkout", "v1");
        String revision = sandbox.lambda.getFunction(b -> b.functionName("checkout")).configuration().revisionId();
        sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout").zipFile(SdkBytes.fromUtf8String("v2")));

        assertAwsError(() -> sandbox.lambda.publishVersion(b -> b.functionName("checkout").revisionId(revision)),
                412, "PreconditionFailedException", LambdaError.STALE_REVISION);
        String oldSha = sha256("v1");
        assertAwsError(() -> sandbox.lambda.publishVersion(b -> b.functionName("checkout").codeSha256(oldSha)),
                400, "InvalidParameterValueException", "CodeSHA256 (" + oldSha + ") is different from current "
                        + "CodeSHA256 in $LATEST (" + sha256("v2") + "). Please try again with the CodeSHA256 in $LATEST.");
        assertThat(sandbox.lambda.listVersionsByFunction(b -> b.functionName("checkout")).versions()).hasSize(1);
    }

    @Test
    void whenTheConfigurationIsUpdated_thenLatestChangesAndPublishedVersionsDoNot() {
        createFunction("checkout", "v1");
        sandbox.lambda.publishVersion(b -> b.functionName("checkout"));
        String revision = sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout")).revisionId();

        UpdateFunctionConfigurationResponse updated = sandbox.lambda.updateFunctionConfiguration(b -> b
                .functionName("checkout").revisionId(revision).description("tuned").memorySize(1024).timeout(30)
                .handler("app.main").runtime(Runtime.PYTHON3_13).role("arn:aws:iam::123456789012:role/other")
                .environment(e -> e.variables(Map.of("SANDBOX_ERROR_RATE", "0.2")))
                .layers("arn:aws:lambda:us-east-1:123456789012:layer:deps:2")
                .deadLetterConfig(d -> d.targetArn("arn:aws:sqs:us-east-1:123456789012:dlq")));

        assertThat(updated.memorySize()).isEqualTo(1024);
        assertThat(updated.timeout()).isEqualTo(30);
        assertThat(updated.description()).isEqualTo("tuned");
        assertThat(updated.role()).isEqualTo("arn:aws:iam::123456789012:role/other");
        assertThat(updated.layers()).singleElement().satisfies(l ->
                assertThat(l.arn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:layer:deps:2"));
        assertThat(updated.deadLetterConfig().targetArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:dlq");
        assertThat(updated.revisionId()).isNotEqualTo(revision);
        var v1 = sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout").qualifier("1"));
        assertThat(v1.memorySize()).isEqualTo(128);
        assertThat(v1.deadLetterConfig()).isNull();
        assertAwsError(() -> sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout")
                        .revisionId(revision).memorySize(256)), 412, "PreconditionFailedException",
                LambdaError.STALE_REVISION);
        assertAwsError(() -> sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout")
                        .zipFile(SdkBytes.fromUtf8String("x")).revisionId(revision)), 412, "PreconditionFailedException",
                LambdaError.STALE_REVISION);
    }

    @Test
    void whenCodeIsUpdatedWithPublish_thenANewVersionIsReturned() {
        createFunction("checkout", "v1");
        var published = sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout")
                .zipFile(SdkBytes.fromUtf8String("v2")).publish(true));
        assertThat(published.version()).isEqualTo("1");
    }

    @Test
    void givenNightlyReportWith125Versions_whenListedPageByPage_thenLatestComesFirstThenOldestFirst() {
        List<String> versions = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListVersionsByFunctionResponse page = sandbox.lambda.listVersionsByFunction(b -> b
                    .functionName("nightly-report").marker(m).maxItems(1000));
            assertThat(page.versions()).hasSizeLessThanOrEqualTo(50);
            page.versions().forEach(v -> versions.add(v.version()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);

        assertThat(pages).isEqualTo(3);
        assertThat(versions).hasSize(126).startsWith("$LATEST", "1", "2").endsWith("124", "125").doesNotHaveDuplicates();
        // the SDK's paginator walks the same pages
        assertThat(sandbox.lambda.listVersionsByFunctionPaginator(b -> b.functionName("nightly-report")).versions())
                .hasSize(126);
    }

    @Test
    void givenAVersionBehindAnAlias_whenDeleted_thenConflictNamingTheAliases_andAFreeVersionCanBeDeleted() {
        assertAwsError(() -> sandbox.lambda.deleteFunction(b -> b.functionName("MyLambdaFunction").qualifier("3")),
                409, "ResourceConflictException",
                "Unable to delete version because the following aliases reference it: [prod]");
        assertAwsError(() -> sandbox.lambda.deleteFunction(b -> b.functionName("MyLambdaFunction").qualifier("$LATEST")),
                400, "InvalidParameterValueException", "$LATEST version cannot be deleted without deleting the function.");

        sandbox.lambda.deleteFunction(b -> b.functionName("MyLambdaFunction").qualifier("4"));

        assertThat(sandbox.lambda.listVersionsByFunction(b -> b.functionName("MyLambdaFunction")).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2", "3");
        // version numbers are never reused
        sandbox.lambda.updateFunctionCode(b -> b.functionName("MyLambdaFunction").zipFile(SdkBytes.fromUtf8String("new")));
        assertThat(sandbox.lambda.publishVersion(b -> b.functionName("MyLambdaFunction")).version()).isEqualTo("5");
    }

    @Test
    void whenAFunctionIsDeleted_thenItIsGone() {
        sandbox.lambda.deleteFunction(b -> b.functionName("orders-api"));
        assertAwsError(() -> sandbox.lambda.getFunction(b -> b.functionName("orders-api")), 404,
                "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-api");
    }

    @Test
    void whenAFunctionIsNamedByArnPartialArnOrWithAQualifier_thenTheSameFunctionIsFound() {
        assertThat(sandbox.lambda.getFunction(b -> b.functionName(
                "arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:prod")).configuration().version())
                .isEqualTo("3");
        assertThat(sandbox.lambda.getFunction(b -> b.functionName("123456789012:function:MyLambdaFunction"))
                .configuration().version()).isEqualTo("$LATEST");
        assertThat(sandbox.lambda.getFunctionConfiguration(b -> b.functionName("MyLambdaFunction:2")).functionArn())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:2");
        assertAwsError(() -> sandbox.lambda.getFunction(b -> b.functionName("MyLambdaFunction:2").qualifier("3")),
                400, "InvalidParameterValueException",
                "The derived qualifier from the function name does not match the specified qualifier.");
        assertAwsError(() -> sandbox.lambda.getFunction(b -> b.functionName("MyLambdaFunction").qualifier("9")),
                404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:9");
    }

    @Test
    void whenAFunctionNameIsInvalid_thenValidationException() {
        assertAwsError(() -> sandbox.lambda.getFunction(b -> b.functionName("bad name!")), 400, "ValidationException",
                "1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern: " + Violations.FUNCTION_NAME_PATTERN);
        String tooLong = "f".repeat(65);
        assertAwsError(() -> sandbox.lambda.getFunction(b -> b.functionName(tooLong)), 400, "ValidationException",
                "1 validation error detected: Value '" + tooLong + "' at 'functionName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64");
    }

    @Test
    void whenAliasesAreCreatedListedFilteredAndDeleted_thenEachAnswerIsAwsShaped() {
        var created = sandbox.lambda.createAlias(b -> b.functionName("MyLambdaFunction").name("canary")
                .functionVersion("4").description("try it"));
        assertThat(created.aliasArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:canary");
        assertThat(created.revisionId()).isNotBlank();

        assertThat(sandbox.lambda.listAliases(b -> b.functionName("MyLambdaFunction")).aliases())
                .extracting(a -> a.name()).containsExactly("canary", "dev", "prod", "staging");
        assertThat(sandbox.lambda.listAliases(b -> b.functionName("MyLambdaFunction").functionVersion("4")).aliases())
                .extracting(a -> a.name()).containsExactly("canary");
        var firstPage = sandbox.lambda.listAliases(b -> b.functionName("MyLambdaFunction").maxItems(2));
        assertThat(firstPage.aliases()).hasSize(2);
        assertThat(sandbox.lambda.listAliases(b -> b.functionName("MyLambdaFunction").marker(firstPage.nextMarker()))
                .aliases()).extracting(a -> a.name()).containsExactly("prod", "staging");

        sandbox.lambda.deleteAlias(b -> b.functionName("MyLambdaFunction").name("canary"));

        assertThat(sandbox.lambda.listAliases(b -> b.functionName("MyLambdaFunction")).aliases()).hasSize(3);
    }
}

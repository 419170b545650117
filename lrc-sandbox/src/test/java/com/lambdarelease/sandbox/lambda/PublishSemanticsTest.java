package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

import java.net.http.HttpResponse;
import java.time.Duration;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PublishVersion as AWS answers it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html): a new version whenever UpdateFunctionCode or
 * UpdateFunctionConfiguration ran since the last publish, content never compared; with no update
 * since, 201 with the existing version and the new Description ignored.
 */
class PublishSemanticsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test-role";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:checkout";
    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CreateFunctionResponse create(boolean publish) {
        return sandbox.lambda.createFunction(b -> b.functionName("checkout").runtime(Runtime.PYTHON3_12).role(ROLE)
                .handler("app.handler").code(c -> c.zipFile(SdkBytes.fromUtf8String("zip"))).publish(publish));
    }

    private UpdateFunctionCodeResponse sameZip(boolean publish) {
        return sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout").zipFile(SdkBytes.fromUtf8String("zip"))
                .publish(publish));
    }

    private String publish() {
        return sandbox.lambda.publishVersion(b -> b.functionName("checkout")).version();
    }

    @Test
    void givenADescriptionOnlyUpdate_whenPublished_thenANewVersion_andPublishingAgainReturnsIt() {
        create(false);
        assertThat(publish()).isEqualTo("1");
        sandbox.clock.advance(Duration.ofMinutes(1));
        sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout").description("only words changed"));

        PublishVersionResponse v2 = sandbox.lambda.publishVersion(b -> b.functionName("checkout").description("second"));
        PublishVersionResponse again = sandbox.lambda.publishVersion(b -> b.functionName("checkout").description("ignored"));

        assertThat(v2.version()).isEqualTo("2");
        assertThat(again.version()).isEqualTo("2");
        assertThat(again.description()).as("a new Description is ignored").isEqualTo("second");
        assertThat(again.functionArn()).isEqualTo(ARN + ":2");
        assertThat(again.revisionId()).isEqualTo(v2.revisionId());
    }

    @Test
    void givenTheSameZipUploadedAgain_thenEachUploadMakesANewVersion_asMotoRecordedFromAws() {
        // moto#8379: v2, same zip + publish -> 3, publish -> 3, same zip with Publish=true -> 4
        create(false);
        assertThat(publish()).isEqualTo("1");
        sameZip(false);
        assertThat(publish()).isEqualTo("2");
        sameZip(false);
        assertThat(publish()).isEqualTo("3");
        assertThat(publish()).isEqualTo("3");
        UpdateFunctionCodeResponse v4 = sameZip(true);
        assertThat(v4.version()).isEqualTo("4");
        assertThat(v4.functionArn()).isEqualTo(ARN + ":4");
        assertThat(sandbox.lambda.listVersionsByFunction(b -> b.functionName("checkout")).versions()).hasSize(5);
    }

    @Test
    void givenNothingUpdatedSinceTheLastPublish_thenTheAnswerIs201WithTheExistingVersionUnderItsQualifiedArn()
            throws Exception {
        create(false);
        String v1 = publish();

        HttpResponse<String> raw = sandbox.raw("POST", "/2015-03-31/functions/checkout/versions",
                "{\"Description\":\"not kept\"}");

        assertThat(raw.statusCode()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(raw.body());
        assertThat(body.path("Version").asText()).isEqualTo(v1);
        assertThat(body.path("FunctionArn").asText()).isEqualTo(ARN + ":1");
        assertThat(body.path("Description").asText()).isEmpty();
    }

    @Test
    void whenCreatedWithPublish_thenVersion1UnderTheUnqualifiedArn() {
        CreateFunctionResponse created = create(true);

        assertThat(created.version()).isEqualTo("1");
        assertThat(created.functionArn()).isEqualTo(ARN);
        assertThat(sandbox.lambda.listVersionsByFunction(b -> b.functionName("checkout")).versions()).hasSize(2);
    }

    @Test
    void whenCodeIsUpdatedWithPublish_then200AndTheQualifiedArnOfTheNewVersion() throws Exception {
        create(true);
        HttpResponse<String> raw = sandbox.raw("PUT", "/2015-03-31/functions/checkout/code",
                "{\"ZipFile\":\"bmV3\",\"Publish\":true}");

        assertThat(raw.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(raw.body());
        assertThat(body.path("Version").asText()).isEqualTo("2");
        assertThat(body.path("FunctionArn").asText()).isEqualTo(ARN + ":2");
    }

    @Test
    void givenStalePreconditions_thenAwsRefusalsInItsWords_andTheStaleRevisionBodyIsUserTyped() throws Exception {
        create(false);
        String revision = sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout")).revisionId();
        sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout").timeout(9));

        assertAwsError(() -> sandbox.lambda.publishVersion(b -> b.functionName("checkout").codeSha256("X")), 400,
                "InvalidParameterValueException", "CodeSHA256 (X) is different from current CodeSHA256 in $LATEST ("
                        + sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout")).codeSha256()
                        + "). Please try again with the CodeSHA256 in $LATEST.");
        HttpResponse<String> stale = sandbox.raw("POST", "/2015-03-31/functions/checkout/versions",
                "{\"RevisionId\":\"" + revision + "\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode body = Json.MAPPER.readTree(stale.body());
        assertThat(body.path("Type").asText()).isEqualTo("User");
        assertThat(body.path("message").asText()).isEqualTo(LambdaError.STALE_REVISION);
        assertThat(sandbox.lambda.listVersionsByFunction(b -> b.functionName("checkout")).versions()).hasSize(1);
    }

    @Test
    void givenTheDemoAccount_thenMyLambdaFunctionHasAHealthyUnpublishedChangeAfterVersion4() {
        var latest = sandbox.lambda.getFunctionConfiguration(b -> b.functionName("MyLambdaFunction"));
        var v4 = sandbox.lambda.getFunctionConfiguration(b -> b.functionName("MyLambdaFunction").qualifier("4"));
        assertThat(latest.codeSha256()).isNotEqualTo(v4.codeSha256());
        assertThat(latest.lastModified()).isGreaterThan(v4.lastModified());
        assertThat(latest.environment().variables()).containsEntry("SANDBOX_ERROR_RATE", "0.002");

        PublishVersionResponse v5 = sandbox.lambda.publishVersion(b -> b.functionName("MyLambdaFunction"));

        assertThat(v5.version()).isEqualTo("5");
        assertThat(v5.environment().variables()).containsEntry("SANDBOX_ERROR_RATE", "0.002");
        assertThat(sandbox.lambda.publishVersion(b -> b.functionName("MyLambdaFunction")).version()).isEqualTo("5");
    }
}

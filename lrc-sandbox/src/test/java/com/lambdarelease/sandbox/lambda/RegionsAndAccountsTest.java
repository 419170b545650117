package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * State per region and account, from the request's SigV4 credential scope
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html): a
 * client signed for eu-west-1 sees eu-west-1's functions under eu-west-1 ARNs, another region is its
 * own empty place, an unsigned request is us-east-1, and a 12-digit access key is its own account.
 */
class RegionsAndAccountsTest {

    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture(SandboxOptions.forTests());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LambdaClient client(String region, String accessKey) {
        return LambdaClient.builder().endpointOverride(sandbox.sandbox.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "x"))).build();
    }

    @Test
    void givenAClientSignedForEuWest1_thenItSeesEuWest1sFunctionsWithEuWest1ArnsAndCodeLocations() {
        try (LambdaClient eu = client("eu-west-1", "x")) {
            assertThat(eu.listFunctions().functions()).extracting(FunctionConfiguration::functionArn).containsExactly(
                    "arn:aws:lambda:eu-west-1:123456789012:function:eu-checkout",
                    "arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices");
            var got = eu.getFunction(b -> b.functionName("eu-checkout"));
            assertThat(got.code().location()).startsWith("https://awslambda-eu-west-1-tasks.s3.eu-west-1.amazonaws.com/");
            assertThat(got.configuration().role()).isEqualTo("arn:aws:iam::123456789012:role/eu-checkout-role");
            assertThat(eu.getAlias(b -> b.functionName("eu-invoices").name("live")).aliasArn())
                    .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices:live");
            assertAwsError(() -> eu.getFunction(b -> b.functionName("MyLambdaFunction")), 404, "ResourceNotFoundException",
                    "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:MyLambdaFunction");
            assertAwsError(() -> eu.getFunction(b -> b.functionName(
                            "arn:aws:lambda:us-east-1:123456789012:function:eu-checkout")), 404,
                    "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:eu-checkout");
        }
        assertThat(sandbox.lambda.listFunctions().functions()).extracting(FunctionConfiguration::functionName)
                .contains("MyLambdaFunction").doesNotContain("eu-checkout");
    }

    @Test
    void givenAnotherRegion_thenItStartsEmptyAndKeepsItsOwnFunctions() {
        try (LambdaClient west = client("us-west-2", "x")) {
            assertThat(west.listFunctions().functions()).isEmpty();
            var created = west.createFunction(b -> b.functionName("MyLambdaFunction").runtime(Runtime.PYTHON3_12)
                    .role("arn:aws:iam::123456789012:role/r").handler("a.b").code(c -> c.zipFile(SdkBytes.fromUtf8String("z"))));
            assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-west-2:123456789012:function:MyLambdaFunction");
            assertThat(west.listVersionsByFunction(b -> b.functionName("MyLambdaFunction")).versions()).hasSize(1);
        }
        assertThat(sandbox.lambda.listVersionsByFunction(b -> b.functionName("MyLambdaFunction")).versions()).hasSize(5);
    }

    @Test
    void givenAnUnsignedRequest_thenUsEast1Answers() throws Exception {
        HttpResponse<String> raw = sandbox.raw("GET", "/2015-03-31/functions/MyLambdaFunction/configuration", null);
        assertThat(raw.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(raw.body());
        assertThat(body.path("FunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction");
    }

    @Test
    void givenATwelveDigitAccessKey_thenThatAccountIsItsOwnPlace() {
        try (LambdaClient other = client("us-east-1", "111122223333")) {
            assertThat(other.listFunctions().functions()).isEmpty();
            var created = other.createFunction(b -> b.functionName("tool").runtime(Runtime.PYTHON3_12)
                    .role("arn:aws:iam::111122223333:role/r").handler("a.b").code(c -> c.zipFile(SdkBytes.fromUtf8String("z"))));
            assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:111122223333:function:tool");
        }
        assertAwsError(() -> sandbox.lambda.getFunction(b -> b.functionName("tool")), 404, "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:tool");
    }

    @Test
    void theAwsCliWithRegionEuWest1ListsEuWest1sFunctions() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("aws", "--region", "eu-west-1", "--endpoint-url",
                sandbox.sandbox.endpoint().toString(), "--output", "json", "lambda", "list-functions");
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "sandbox");
        env.put("AWS_SECRET_ACCESS_KEY", "sandbox");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process p;
        try {
            p = pb.redirectErrorStream(false).start();
        } catch (IOException noCli) {
            Assumptions.abort("the AWS CLI is not installed: " + noCli.getMessage());
            return;
        }
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        JsonNode functions = Json.MAPPER.readTree(out).path("Functions");
        assertThat(functions).extracting(f -> f.path("FunctionArn").asText()).containsExactly(
                "arn:aws:lambda:eu-west-1:123456789012:function:eu-checkout",
                "arn:aws:lambda:eu-west-1:123456789012:function:eu-invoices");
    }
}

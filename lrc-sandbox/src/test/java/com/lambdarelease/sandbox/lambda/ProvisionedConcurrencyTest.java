package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.ListProvisionedConcurrencyConfigsResponse;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigListItem;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyStatusEnum;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigResponse;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Provisioned concurrency configs through the SDK, as an operator's tooling would set them. */
class ProvisionedConcurrencyTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void givenTheDemoAccount_thenPaymentsWebhookLiveHasFiveProvisioned() {
        ListProvisionedConcurrencyConfigsResponse list = sandbox.lambda.listProvisionedConcurrencyConfigs(
                b -> b.functionName("payments-webhook"));
        assertThat(list.provisionedConcurrencyConfigs()).singleElement().satisfies(c -> {
            assertThat(c.functionArn()).isEqualTo(ARN + "payments-webhook:live");
            assertThat(c.requestedProvisionedConcurrentExecutions()).isEqualTo(5);
            assertThat(c.allocatedProvisionedConcurrentExecutions()).isEqualTo(5);
            assertThat(c.availableProvisionedConcurrentExecutions()).isEqualTo(5);
            assertThat(c.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
        });
        assertThat(list.nextMarker()).isNull();
        assertThat(sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("orders-api"))
                .provisionedConcurrencyConfigs()).isEmpty();
    }

    @Test
    void whenTheOperatorPutsOnAnAliasAndAVersion_thenGetAndListShowThem_andDeleteRemovesThem() {
        PutProvisionedConcurrencyConfigResponse put = sandbox.lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("orders-api").qualifier("live").provisionedConcurrentExecutions(20));
        assertThat(put.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(put.requestedProvisionedConcurrentExecutions()).isEqualTo(20);
        assertThat(put.allocatedProvisionedConcurrentExecutions()).isEqualTo(20);
        assertThat(put.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
        assertThat(put.lastModified()).isEqualTo("2026-11-26T12:00:00+0000");
        sandbox.lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName(ARN + "orders-api").qualifier("8").provisionedConcurrentExecutions(2));

        GetProvisionedConcurrencyConfigResponse got = sandbox.lambda.getProvisionedConcurrencyConfig(
                b -> b.functionName("orders-api").qualifier("live"));
        assertThat(got.requestedProvisionedConcurrentExecutions()).isEqualTo(20);
        assertThat(got.availableProvisionedConcurrentExecutions()).isEqualTo(20);
        assertThat(sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("orders-api"))
                .provisionedConcurrencyConfigs())
                .extracting(ProvisionedConcurrencyConfigListItem::functionArn,
                        ProvisionedConcurrencyConfigListItem::requestedProvisionedConcurrentExecutions)
                .containsExactly(tuple(ARN + "orders-api:8", 2),
                        tuple(ARN + "orders-api:live", 20));

        sandbox.lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("orders-api").qualifier("live"));
        assertAwsError(() -> sandbox.lambda.getProvisionedConcurrencyConfig(b -> b.functionName("orders-api").qualifier("live")),
                404, "ProvisionedConcurrencyConfigNotFoundException",
                "No Provisioned Concurrency Config found for this function");
        // like AWS, deleting again is not an error
        sandbox.lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("orders-api").qualifier("live"));
    }

    @Test
    void givenManyConfigs_thenListPagesByMaxItems_andRefusesMoreThan50() {
        for (int v = 1; v <= 5; v++) {
            String version = String.valueOf(v);
            sandbox.lambda.putProvisionedConcurrencyConfig(
                    b -> b.functionName("nightly-report").qualifier(version).provisionedConcurrentExecutions(1));
        }
        var first = sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("nightly-report").maxItems(3));
        assertThat(first.provisionedConcurrencyConfigs()).hasSize(3);
        var rest = sandbox.lambda.listProvisionedConcurrencyConfigs(
                b -> b.functionName("nightly-report").marker(first.nextMarker()).maxItems(3));
        assertThat(rest.provisionedConcurrencyConfigs()).extracting(ProvisionedConcurrencyConfigListItem::functionArn)
                .containsExactly(ARN + "nightly-report:4", ARN + "nightly-report:5");
        assertThat(rest.nextMarker()).isNull();
        assertAwsError(() -> sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("nightly-report").maxItems(51)),
                400, "ValidationException", "1 validation error detected: Value '51' at 'maxItems' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 50");
    }

    @Test
    void whenTheQualifierIsLatest_thenItIsRefusedWithAwsText() {
        assertAwsError(() -> sandbox.lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("orders-api").qualifier("$LATEST").provisionedConcurrentExecutions(1)),
                400, "InvalidParameterValueException",
                "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        assertAwsError(() -> sandbox.lambda.getProvisionedConcurrencyConfig(b -> b.functionName("orders-api").qualifier("$LATEST")),
                400, "InvalidParameterValueException",
                "The function resource provided must be an alias or a published version.");
    }

    @Test
    void whenTheFunctionAliasOrVersionIsUnknown_then404() {
        assertAwsError(() -> sandbox.lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("no-such-fn").qualifier("live").provisionedConcurrentExecutions(1)),
                404, "ResourceNotFoundException", "Function not found: " + ARN + "no-such-fn");
        assertAwsError(() -> sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("no-such-fn")),
                404, "ResourceNotFoundException", "Function not found: " + ARN + "no-such-fn");
        assertAwsError(() -> sandbox.lambda.getProvisionedConcurrencyConfig(b -> b.functionName("orders-api").qualifier("gamma")),
                404, "ResourceNotFoundException", "Cannot find alias arn: " + ARN + "orders-api:gamma");
        assertAwsError(() -> sandbox.lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("orders-api").qualifier("99").provisionedConcurrentExecutions(1)),
                404, "ResourceNotFoundException", "Function not found: " + ARN + "orders-api:99");
    }

    @Test
    void whenAnAliasAndTheVersionItPointsAtBothAskForCapacity_thenTheSecondIsRefused() {
        assertAwsError(() -> sandbox.lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("payments-webhook").qualifier("3").provisionedConcurrentExecutions(1)),
                409, "ResourceConflictException", "Version is pointed by a Provisioned Concurrency alias");
        sandbox.lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("orders-api").qualifier("8").provisionedConcurrentExecutions(1));
        assertAwsError(() -> sandbox.lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("orders-api").qualifier("beta").provisionedConcurrentExecutions(1)),
                409, "ResourceConflictException",
                "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
    }

    @Test
    void whenTheExecutionsAreBelowOne_thenValidationException() {
        assertAwsError(() -> sandbox.lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("orders-api").qualifier("live").provisionedConcurrentExecutions(0)),
                400, "ValidationException", "1 validation error detected: Value '0' at 'provisionedConcurrentExecutions' "
                        + "failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void whenTheAliasIsDeleted_thenItsConfigGoesWithIt_andARecreatedAliasStartsWithout() {
        sandbox.lambda.deleteAlias(b -> b.functionName("payments-webhook").name("live"));
        assertThat(sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("payments-webhook"))
                .provisionedConcurrencyConfigs()).isEmpty();
        sandbox.lambda.createAlias(b -> b.functionName("payments-webhook").name("live").functionVersion("3"));
        assertAwsError(() -> sandbox.lambda.getProvisionedConcurrencyConfig(b -> b.functionName("payments-webhook").qualifier("live")),
                404, "ProvisionedConcurrencyConfigNotFoundException",
                "No Provisioned Concurrency Config found for this function");
    }

    @Test
    void whenTheVersionIsDeleted_thenItsConfigGoesWithIt() {
        sandbox.lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("nightly-report").qualifier("3").provisionedConcurrentExecutions(4));
        sandbox.lambda.deleteFunction(b -> b.functionName("nightly-report").qualifier("3"));
        assertThat(sandbox.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("nightly-report"))
                .provisionedConcurrencyConfigs()).isEmpty();
    }

    @Test
    void givenAStateFile_whenTheSandboxRestarts_thenTheConfigsAreBack(@TempDir Path dir) {
        SandboxOptions options = SandboxOptions.builderForTests().stateFile(dir.resolve("state.json")).build();
        try (LambdaSandboxFixture first = new LambdaSandboxFixture(options)) {
            first.lambda.putProvisionedConcurrencyConfig(
                    b -> b.functionName("MyLambdaFunction").qualifier("prod").provisionedConcurrentExecutions(7));
            first.lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("payments-webhook").qualifier("live"));
        }
        try (LambdaSandboxFixture again = new LambdaSandboxFixture(options)) {
            var prod = again.lambda.getProvisionedConcurrencyConfig(b -> b.functionName("MyLambdaFunction").qualifier("prod"));
            assertThat(prod.requestedProvisionedConcurrentExecutions()).isEqualTo(7);
            assertThat(prod.lastModified()).isEqualTo("2026-11-26T12:00:00+0000");
            assertThat(again.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("payments-webhook"))
                    .provisionedConcurrencyConfigs()).isEmpty();
        }
    }

    @Test
    void givenAStateFileFromBeforeProvisionedConcurrency_thenItStillLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        SandboxOptions options = SandboxOptions.builderForTests().stateFile(file).build();
        try (LambdaSandboxFixture first = new LambdaSandboxFixture(options)) {
            first.lambda.deleteAlias(b -> b.functionName("MyLambdaFunction").name("dev"));
        }
        String old = Files.readString(file).replaceAll(",\"provisioned\":\\[[^\\]]*\\]", "");
        assertThat(old).doesNotContain("provisioned");
        Files.writeString(file, old);
        try (LambdaSandboxFixture again = new LambdaSandboxFixture(options)) {
            assertThat(again.lambda.listAliases(b -> b.functionName("MyLambdaFunction")).aliases()).hasSize(2);
            assertThat(again.lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("payments-webhook"))
                    .provisionedConcurrencyConfigs()).isEmpty();
        }
    }
}

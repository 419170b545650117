package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Function states as AWS reports them
 * (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html): Pending then Active after creation,
 * InProgress then Successful (or Failed) after each update, AWS's 409 for an update or a publish
 * meanwhile, Invoke running the old code while an update is in progress, and the SDK's waiters.
 */
class FunctionStatesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test-role";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:checkout";
    private static final String IN_PROGRESS = "The operation cannot be performed at this time. An update is in "
            + "progress for resource: " + ARN;
    private final LambdaSandboxFixture sandbox =
            new LambdaSandboxFixture(SandboxOptions.builderForTests().stateDelay(Duration.ofSeconds(5)).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CreateFunctionResponse create(Map<String, String> env) {
        return sandbox.lambda.createFunction(b -> b.functionName("checkout").runtime(Runtime.PYTHON3_12).role(ROLE)
                .handler("app.handler").code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))
                .environment(e -> e.variables(env)));
    }

    private GetFunctionConfigurationResponse config() {
        return sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout"));
    }

    @Test
    void givenANewFunction_thenPendingUntilTheDelayPasses_andInvokesAndUpdatesAreRefusedMeanwhile() {
        CreateFunctionResponse created = create(Map.of());
        assertThat(created.stateAsString()).isEqualTo("Pending");
        assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
        assertThat(created.stateReason()).isEqualTo("The function is being created.");
        assertThat(created.lastUpdateStatus()).isNull();

        assertAwsError(() -> sandbox.lambda.invoke(b -> b.functionName("checkout")), 409, "ResourceConflictException",
                "The operation cannot be performed at this time. The function is currently in the following state: Pending");
        assertAwsError(() -> sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout").timeout(9)),
                409, "ResourceConflictException", IN_PROGRESS);

        sandbox.clock.advance(Duration.ofSeconds(5));
        assertThat(config().stateAsString()).isEqualTo("Active");
        assertThat(config().lastUpdateStatusAsString()).isEqualTo("Successful");
        assertThat(config().stateReasonCode()).isNull();
    }

    @Test
    void givenAnUpdateInProgress_thenPublishAndAnotherUpdateGetAws409_andInvokeRunsTheOldCode() {
        create(Map.of("SANDBOX_ERROR_RATE", "1"));
        sandbox.clock.advance(Duration.ofSeconds(5));

        var updated = sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout")
                .environment(e -> e.variables(Map.of("SANDBOX_ERROR_RATE", "0"))));
        assertThat(updated.lastUpdateStatusAsString()).isEqualTo("InProgress");
        assertThat(updated.lastUpdateStatusReasonCodeAsString()).isEqualTo("Creating");
        assertThat(updated.stateAsString()).isEqualTo("Active");

        assertAwsError(() -> sandbox.lambda.publishVersion(b -> b.functionName("checkout")), 409,
                "ResourceConflictException", IN_PROGRESS);
        assertAwsError(() -> sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout")
                .zipFile(SdkBytes.fromUtf8String("other"))), 409, "ResourceConflictException", IN_PROGRESS);
        assertThat(sandbox.lambda.invoke(b -> b.functionName("checkout")).functionError())
                .as("the old code (error rate 1) still runs").isEqualTo("Unhandled");

        sandbox.clock.advance(Duration.ofSeconds(5));
        assertThat(config().lastUpdateStatusAsString()).isEqualTo("Successful");
        assertThat(sandbox.lambda.invoke(b -> b.functionName("checkout")).functionError()).isNull();
        var v1 = sandbox.lambda.publishVersion(b -> b.functionName("checkout"));
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.stateAsString()).isEqualTo("Pending");
        sandbox.clock.advance(Duration.ofSeconds(5));
        assertThat(sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout").qualifier("1"))
                .stateAsString()).isEqualTo("Active");
    }

    @Test
    void givenUpdateCodeWithPublish_thenLatestIsInProgressAndTheNewVersionPending() {
        create(Map.of());
        sandbox.clock.advance(Duration.ofSeconds(5));
        var published = sandbox.lambda.updateFunctionCode(b -> b.functionName("checkout")
                .zipFile(SdkBytes.fromUtf8String("new")).publish(true));
        assertThat(published.version()).isEqualTo("1");
        assertThat(published.stateAsString()).isEqualTo("Pending");
        assertThat(config().lastUpdateStatusAsString()).isEqualTo("InProgress");
    }

    @Test
    void givenAnEnvironmentThatAsksForIt_thenTheUpdateEndsFailed() {
        create(Map.of());
        sandbox.clock.advance(Duration.ofSeconds(5));
        sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout")
                .environment(e -> e.variables(Map.of("SANDBOX_UPDATE_FAILS", "true"))));
        sandbox.clock.advance(Duration.ofSeconds(5));
        assertThat(config().lastUpdateStatusAsString()).isEqualTo("Failed");
        assertThat(config().lastUpdateStatusReason()).contains("SANDBOX_UPDATE_FAILS=true");
    }

    @Test
    void theSdkWaitersWaitForActiveAndForTheUpdate_andStopOnFailed() throws Exception {
        try (Sandbox live = Sandbox.start(SandboxOptions.builderForTests().stateDelay(Duration.ofMillis(1500)).build());
             LambdaAsyncClient client = LambdaAsyncClient.builder().endpointOverride(live.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
            client.createFunction(b -> b.functionName("checkout").runtime(Runtime.PYTHON3_12).role(ROLE)
                    .handler("app.handler").code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))).join();
            WaiterResponse<GetFunctionResponse> active = client.waiter()
                    .waitUntilFunctionActiveV2(b -> b.functionName("checkout")).get(20, TimeUnit.SECONDS);
            assertThat(active.matched().response().orElseThrow().configuration().stateAsString()).isEqualTo("Active");
            assertThat(active.attemptsExecuted()).isGreaterThan(1);

            client.updateFunctionConfiguration(b -> b.functionName("checkout").timeout(30)).join();
            WaiterResponse<GetFunctionResponse> updated = client.waiter()
                    .waitUntilFunctionUpdatedV2(b -> b.functionName("checkout")).get(20, TimeUnit.SECONDS);
            assertThat(updated.matched().response().orElseThrow().configuration().lastUpdateStatusAsString())
                    .isEqualTo("Successful");

            client.updateFunctionConfiguration(b -> b.functionName("checkout")
                    .environment(e -> e.variables(Map.of("SANDBOX_UPDATE_FAILS", "true")))).join();
            Throwable failed = catchThrowable(() -> client.waiter()
                    .waitUntilFunctionUpdatedV2(b -> b.functionName("checkout")).join());
            assertThat(failed).isInstanceOf(CompletionException.class).hasMessageContaining("failure state");
        }
    }
}

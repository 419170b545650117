package com.lambdarelease.service;

import com.lambdarelease.release.Problems;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.errors.ConflictException;
import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.UpdateFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link LambdaService#awaitUpdated} against a sandbox whose updates take 1.5 s, as AWS's take a few:
 * the SDK's waiter waits for Successful, a Failed update fails the future with AWS's reason, and the
 * 409 that a publish meets meanwhile reads in plain words.
 */
class AwaitUpdatedTest {

    private static final String FN = "MyLambdaFunction";
    private Sandbox sandbox;
    private AwsClients clients;
    private SdkLambdaService lambda;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().stateDelay(Duration.ofMillis(1500)).build());
        clients = AwsClients.forSandbox(sandbox.endpoint());
        lambda = new SdkLambdaService(clients, RequestBudget.unlimited());
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
        return catchThrowableOfType(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void givenAnUpdateInProgress_thenPublishingAtOnceMeetsAws409InPlainWords_andAfterTheWaitItPublishes() throws Exception {
        clients.lambda().updateFunctionConfiguration(r -> r.functionName(FN).timeout(20));

        Throwable refused = failure(lambda.publishVersion(FN, "", Optional.empty(), Optional.empty()));
        assertThat(refused).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) refused).updateInProgress()).isTrue();
        assertThat(Problems.describe(refused)).startsWith("AWS is still applying the last change to this function")
                .contains("An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:" + FN);

        lambda.awaitUpdated(FN).get(30, TimeUnit.SECONDS);
        assertThat(lambda.publishVersion(FN, "", Optional.empty(), Optional.empty()).get(10, TimeUnit.SECONDS).version())
                .isEqualTo("5");
    }

    @Test
    void givenAFailedUpdate_thenTheWaitFailsWithAwsReason() {
        clients.lambda().updateFunctionConfiguration(r -> r.functionName(FN)
                .environment(e -> e.variables(Map.of("SANDBOX_UPDATE_FAILS", "true"))));

        Throwable failed = failure(lambda.awaitUpdated(FN));

        assertThat(failed).isInstanceOf(UpdateFailedException.class);
        assertThat(Problems.describe(failed)).startsWith("The function's last update failed on AWS")
                .contains("SANDBOX_UPDATE_FAILS=true");
    }

    @Test
    void givenNoSuchFunction_thenTheWaitFailsNotFound() {
        assertThat(failure(lambda.awaitUpdated("no-such-function"))).isInstanceOf(NotFoundException.class);
    }
}

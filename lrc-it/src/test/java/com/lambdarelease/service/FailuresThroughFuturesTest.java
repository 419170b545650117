package com.lambdarelease.service;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Input refused before any request still reaches the caller through the future, never as a throw. */
class FailuresThroughFuturesTest {

    private static final String BAD_FUNCTION = "not a function name!";

    private SandboxServices env;

    @BeforeEach
    void start() throws Exception {
        env = new SandboxServices(SandboxOptions.forTests());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    /** Calls {@code operation} (which must not throw) and returns what its future failed with. */
    private static Throwable failureOf(Supplier<CompletableFuture<?>> operation) {
        CompletableFuture<?>[] future = new CompletableFuture<?>[1];
        assertThatCode(() -> future[0] = operation.get()).doesNotThrowAnyException();
        try {
            future[0].get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failed future");
    }

    @Test
    void aBadFunctionNameGivesAFailedFutureFromEveryOperation() {
        LambdaService lambda = env.lambda;
        assertThat(failureOf(() -> lambda.listVersions(BAD_FUNCTION))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Function name 'not a function name!' is not valid");
        assertThat(failureOf(() -> lambda.listAliases(BAD_FUNCTION))).isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.getAlias(BAD_FUNCTION, "prod"))).isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.getConfiguration(BAD_FUNCTION, "1"))).isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.publishVersion(BAD_FUNCTION, "", Optional.empty(), Optional.empty())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.createAlias(BAD_FUNCTION, "prod", TrafficSplit.allTo("1"), "")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.deleteAlias(BAD_FUNCTION, "prod"))).isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.deleteVersion(BAD_FUNCTION, "1"))).isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.invoke(BAD_FUNCTION, "prod", "{}"))).isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> lambda.provisionedConcurrency(BAD_FUNCTION))).isInstanceOf(InvalidInputException.class);
        assertThat(env.clients.activity().totalRequests()).as("refused before any request").isZero();
    }

    @Test
    void aBadAliasNameOrAnUnpublishedVersionGivesAFailedFuture() {
        assertThat(failureOf(() -> env.lambda.getAlias("MyLambdaFunction", "123")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Alias name '123' is not valid");
        assertThat(failureOf(() -> env.lambda.createAlias("MyLambdaFunction", "", TrafficSplit.allTo("1"), "")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(() -> env.lambda.deleteVersion("MyLambdaFunction", "$LATEST")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Only a published version can be deleted, not '$LATEST'.");
    }

    @Test
    void missingArgumentsFailTheFutureToo() {
        assertThat(failureOf(() -> env.lambda.updateAlias(null, TrafficSplit.allTo("1"), "")))
                .isInstanceOf(NullPointerException.class);
        assertThat(failureOf(() -> env.lambda.createAlias("MyLambdaFunction", "canary", null, "")))
                .isInstanceOf(NullPointerException.class);
        assertThat(failureOf(() -> env.metrics.aliasMetrics(null))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRefusedUpdateOfAnExistingAliasStillReachesAwsAndFailsTyped() throws Exception {
        AliasRoute prod = env.lambda.getAlias("MyLambdaFunction", "prod").get(20, TimeUnit.SECONDS);
        AliasRoute stale = new AliasRoute(prod.functionName(), prod.name(), prod.arn(), prod.split(),
                prod.description(), "not-the-revision");

        assertThat(failureOf(() -> env.lambda.updateAlias(stale, TrafficSplit.allTo("2"), "")))
                .isInstanceOf(com.lambdarelease.service.errors.PreconditionFailedException.class);
    }
}

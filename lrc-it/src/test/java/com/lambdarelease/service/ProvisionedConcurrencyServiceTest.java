package com.lambdarelease.service;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.errors.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the console learns about provisioned concurrency before it offers a canary split. */
class ProvisionedConcurrencyServiceTest {

    private SandboxServices env;

    @BeforeEach
    void start() throws Exception {
        env = new SandboxServices(SandboxOptions.forTests());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void givenTheDemoAccount_thenPaymentsWebhookLiveHasFive_andOrdersApiHasNone() throws Exception {
        assertThat(await(env.lambda.provisionedConcurrency("payments-webhook"))).containsExactly(Map.entry("live", 5));
        assertThat(await(env.lambda.provisionedConcurrency("orders-api"))).isEmpty();
    }

    @Test
    void givenMoreConfigsThanOnePage_thenAllPagesAreRead() throws Exception {
        for (int v = 1; v <= 60; v++) {
            String version = String.valueOf(v);
            env.clients.lambda().putProvisionedConcurrencyConfig(r -> r.functionName("nightly-report")
                    .qualifier(version).provisionedConcurrentExecutions(version.length()));
        }
        env.clients.lambda().putProvisionedConcurrencyConfig(r -> r.functionName("nightly-report")
                .qualifier("prod").provisionedConcurrentExecutions(9));
        long before = env.clients.activity().totalRequests();

        Map<String, Integer> configs = await(env.lambda.provisionedConcurrency("nightly-report"));

        assertThat(env.clients.activity().totalRequests() - before).as("pages of 50").isEqualTo(2);
        assertThat(configs).hasSize(61).containsEntry("1", 1).containsEntry("60", 2).containsEntry("prod", 9);
    }

    @Test
    void givenAnUnknownFunction_thenTheFutureFailsWithNotFound() {
        assertThatThrownBy(() -> await(env.lambda.provisionedConcurrency("NoSuchFunction")))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotFoundException.class)
                .extracting(e -> ((NotFoundException) e).awsMessage())
                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction");
    }

    @Test
    void givenAMalformedName_thenTheFutureFailsAndNothingIsSent() {
        long before = env.clients.activity().totalRequests();
        assertThatThrownBy(() -> await(env.lambda.provisionedConcurrency("bad name!")))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(InvalidInputException.class);
        assertThat(env.clients.activity().totalRequests()).isEqualTo(before);
    }

    @Test
    void qualifierIsTheLastPartOfAQualifiedArn() {
        assertThat(SdkLambdaService.qualifierOf("arn:aws:lambda:us-east-1:123456789012:function:fn:live")).contains("live");
        assertThat(SdkLambdaService.qualifierOf("arn:aws:lambda:us-east-1:123456789012:function:fn")).isEmpty();
    }
}

package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With --lambda-quotas, Lambda's control-plane rates per account and region
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), over HTTP.
 */
class ControlPlaneQuotasTest {

    @Test
    void pastFifteenControlPlaneCallsASecondTheRestAreThrottledButGetFunctionAndInvokeAreNot() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builderForTests().lambdaQuotas(true).build());
             LambdaClient lambda = client(sandbox)) {
            // 40 ListFunctions in a burst: the bucket holds one second's worth (15), refilling at 15 a second.
            long start = System.nanoTime();
            int[] listThrottled = burst(40, () -> lambda.listFunctions(r -> r.maxItems(1)));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(listThrottled[0]).as("answered").isLessThanOrEqualTo((int) Math.ceil(15 + 15 * seconds));
            assertThat(listThrottled[1]).as("throttled").isPositive();
            assertThat(listThrottled[0] + listThrottled[1]).isEqualTo(40);

            // GetFunction has its own 100 a second, and Invoke is not a control-plane call.
            assertThat(burst(40, () -> lambda.getFunction(r -> r.functionName("MyLambdaFunction")))[1]).isZero();
            assertThat(burst(40, () -> lambda.invoke(r -> r.functionName("MyLambdaFunction")))[1]).isZero();
        }
    }

    @Test
    void theRateIsPerAccountAndOffByDefault() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builderForTests().lambdaQuotas(true).build());
             LambdaClient one = client(sandbox)) {
            burst(30, () -> one.listAliases(r -> r.functionName("MyLambdaFunction")));
            // another region of the same account has a bucket of its own
            try (LambdaClient west = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_WEST_2)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
                assertThat(burst(10, () -> west.listFunctions())[1]).isZero();
            }
        }
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             LambdaClient lambda = client(sandbox)) {
            assertThat(burst(60, () -> lambda.listFunctions(r -> r.maxItems(1)))[1]).isZero();
        }
    }

    /** Calls {@code call} {@code n} times; returns {answered, throttled}. */
    private static int[] burst(int n, Runnable call) {
        int[] counts = new int[2];
        Consumer<TooManyRequestsException> throttled = e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            counts[1]++;
        };
        for (int i = 0; i < n; i++) {
            try {
                call.run();
                counts[0]++;
            } catch (TooManyRequestsException e) {
                throttled.accept(e);
            }
        }
        return counts;
    }

    private static LambdaClient client(Sandbox sandbox) {
        return LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}

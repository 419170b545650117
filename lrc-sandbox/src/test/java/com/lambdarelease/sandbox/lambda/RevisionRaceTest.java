package com.lambdarelease.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Two operators move the same alias at once, each with the RevisionId they read: exactly one wins. */
class RevisionRaceTest {

    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();
    private final LambdaClient alice = sandbox.client();
    private final LambdaClient bob = sandbox.client();

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        sandbox.close();
    }

    @RepeatedTest(10)
    void givenBothReadTheSameRevision_whenBothUpdateAtOnce_thenOneWinsAndTheOtherGets412() throws Exception {
        String aliceRevision = alice.getAlias(b -> b.functionName("MyLambdaFunction").name("prod")).revisionId();
        String bobRevision = bob.getAlias(b -> b.functionName("MyLambdaFunction").name("prod")).revisionId();
        assertThat(aliceRevision).isEqualTo(bobRevision);
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<UpdateAliasResponse> aliceMove = CompletableFuture.supplyAsync(() -> {
            await(go);
            return alice.updateAlias(b -> b.functionName("MyLambdaFunction").name("prod").functionVersion("4")
                    .revisionId(aliceRevision));
        });
        CompletableFuture<UpdateAliasResponse> bobMove = CompletableFuture.supplyAsync(() -> {
            await(go);
            return bob.updateAlias(b -> b.functionName("MyLambdaFunction").name("prod").functionVersion("2")
                    .revisionId(bobRevision));
        });
        go.countDown();

        List<UpdateAliasResponse> won = new ArrayList<>();
        int refused = 0;
        for (CompletableFuture<UpdateAliasResponse> move : List.of(aliceMove, bobMove)) {
            try {
                won.add(move.get());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(PreconditionFailedException.class);
                assertThat(((PreconditionFailedException) e.getCause()).statusCode()).isEqualTo(412);
                refused++;
            }
        }
        assertThat(won).hasSize(1);
        assertThat(refused).isEqualTo(1);
        var held = sandbox.lambda.getAlias(b -> b.functionName("MyLambdaFunction").name("prod"));
        assertThat(held.functionVersion()).isEqualTo(won.get(0).functionVersion());
        assertThat(held.revisionId()).isEqualTo(won.get(0).revisionId()).isNotEqualTo(aliceRevision);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

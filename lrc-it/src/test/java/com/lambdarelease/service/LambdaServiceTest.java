package com.lambdarelease.service;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.InvocationResult;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.errors.ConflictException;
import com.lambdarelease.service.errors.InvalidParameterException;
import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.PreconditionFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service layer against the sandbox over real HTTP: each operation as an operator uses it. */
class LambdaServiceTest {

    private SandboxServices env;

    @BeforeEach
    void start() throws Exception {
        env = new SandboxServices(SandboxOptions.builderForTests().syntheticFunctions(120).build());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> f) {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void listingFunctionsHandsOverEachPageOfFiftyAsItArrives() throws Exception {
        List<Integer> pageSizes = new ArrayList<>();
        int total = await(env.lambda.listFunctions(page -> pageSizes.add(page.size())));

        assertThat(total).isEqualTo(125); // 5 demo functions + 120 synthetic
        assertThat(pageSizes).containsExactly(50, 50, 25);
        assertThat(env.clients.activity().requests("ListFunctions")).isEqualTo(3);
        List<FunctionSummary> all = await(env.lambda.listAllFunctions());
        assertThat(all).extracting(FunctionSummary::name).contains("MyLambdaFunction", "bench-fn-00120");
    }

    @Test
    void theNextPageIsAskedForWhileTheOneBeforeItIsStillBeingHandedOver() throws Exception {
        List<Long> requestsSentDuringFirstPage = new ArrayList<>();
        int total = await(env.lambda.listFunctions(page -> {
            if (requestsSentDuringFirstPage.isEmpty()) {
                // Without the look-ahead the second page is only asked for after this returns: it would never come.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (env.clients.activity().requests("ListFunctions") < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                requestsSentDuringFirstPage.add(env.clients.activity().requests("ListFunctions"));
            }
        }));

        assertThat(total).isEqualTo(125);
        assertThat(requestsSentDuringFirstPage).containsExactly(2L);
        assertThat(env.clients.activity().requests("ListFunctions")).isEqualTo(3); // and none asked for twice
    }

    @Test
    void everyVersionIsListedAcrossPagesLatestFirst() throws Exception {
        List<FunctionConfig> versions = await(env.lambda.listVersions("nightly-report"));

        assertThat(versions).hasSize(126);
        assertThat(versions.get(0).version()).isEqualTo("$LATEST");
        assertThat(versions.get(1).version()).isEqualTo("1");
        assertThat(versions.get(125).version()).isEqualTo("125");
    }

    @Test
    void theGuidesFunctionHasVersionsOneToFourAndItsThreeEnvironments() throws Exception {
        List<FunctionConfig> versions = await(env.lambda.listVersions("MyLambdaFunction"));
        List<AliasRoute> aliases = await(env.lambda.listAliases("MyLambdaFunction"));

        assertThat(versions).extracting(FunctionConfig::version).containsExactly("$LATEST", "1", "2", "3", "4");
        assertThat(aliases).extracting(a -> a.name() + "→" + a.split().primaryVersion())
                .containsExactlyInAnyOrder("dev→1", "staging→2", "prod→3");
        FunctionConfig v4 = await(env.lambda.getConfiguration("MyLambdaFunction", "4"));
        assertThat(v4.environment()).containsKey("SANDBOX_ERROR_RATE");
        assertThat(v4.codeSha256()).isNotEqualTo(versions.get(3).codeSha256());
    }

    @Test
    void publishingAfterAnUpdateMakesANewVersionAndPublishingAgainReturnsIt() throws Exception {
        FunctionConfig latest = await(env.lambda.getConfiguration("MyLambdaFunction", "$LATEST"));
        FunctionConfig v4 = await(env.lambda.getConfiguration("MyLambdaFunction", "4"));
        assertThat(latest.lastModified()).as("the demo's fix was deployed after v4").isAfter(v4.lastModified());

        FunctionConfig v5 = await(env.lambda.publishVersion("MyLambdaFunction", "pricing fix",
                Optional.of(latest.codeSha256()), Optional.of(latest.revisionId())));
        assertThat(v5.version()).isEqualTo("5");
        assertThat(v5.description()).isEqualTo("pricing fix");

        FunctionConfig same = await(env.lambda.publishVersion("MyLambdaFunction", "again", Optional.empty(), Optional.empty()));
        assertThat(same.version()).isEqualTo("5");
        assertThat(same.description()).as("AWS ignores the new description").isEqualTo("pricing fix");

        // the same code uploaded again is still an update: AWS publishes, content is not compared
        env.clients.lambda().updateFunctionCode(r -> r.functionName("MyLambdaFunction")
                .zipFile(SdkBytes.fromUtf8String("new code")));
        env.clients.lambda().updateFunctionCode(r -> r.functionName("MyLambdaFunction")
                .zipFile(SdkBytes.fromUtf8String("new code")));
        FunctionConfig v6 = await(env.lambda.publishVersion("MyLambdaFunction", "", Optional.empty(), Optional.empty()));
        env.clients.lambda().updateFunctionCode(r -> r.functionName("MyLambdaFunction")
                .zipFile(SdkBytes.fromUtf8String("new code")));
        FunctionConfig v7 = await(env.lambda.publishVersion("MyLambdaFunction", "", Optional.empty(), Optional.empty()));
        assertThat(v6.version()).isEqualTo("6");
        assertThat(v7.version()).isEqualTo("7");
        assertThat(v7.codeSha256()).isEqualTo(v6.codeSha256());
    }

    @Test
    void publishingWithAStaleRevisionIsRefused() throws Exception {
        FunctionConfig latest = await(env.lambda.getConfiguration("MyLambdaFunction", "$LATEST"));
        env.clients.lambda().updateFunctionConfiguration(r -> r.functionName("MyLambdaFunction").memorySize(512));

        Throwable failure = failureOf(env.lambda.publishVersion("MyLambdaFunction", "", Optional.empty(),
                Optional.of(latest.revisionId())));

        assertThat(failure).isInstanceOf(PreconditionFailedException.class);
        assertThat(await(env.lambda.listVersions("MyLambdaFunction"))).hasSize(5);
    }

    @Test
    void theGuideStepByStepCreateCanaryPromoteRollBack() throws Exception {
        AliasRoute created = await(env.lambda.createAlias("MyLambdaFunction", "canary-test", TrafficSplit.allTo("3"), "guide"));
        assertThat(created.split()).isEqualTo(TrafficSplit.allTo("3"));

        AliasRoute split = await(env.lambda.updateAlias(created, TrafficSplit.canary("3", "4", 0.1), "guide"));
        assertThat(split.split().describe()).isEqualTo("90% v3 · 10% v4");
        assertThat(split.revisionId()).isNotEqualTo(created.revisionId());

        AliasRoute promoted = await(env.lambda.updateAlias(split, split.split().promote(), "guide"));
        assertThat(promoted.split()).isEqualTo(TrafficSplit.allTo("4"));

        AliasRoute rolledBack = await(env.lambda.updateAlias(promoted, TrafficSplit.allTo("3"), "guide"));
        AliasRoute readBack = await(env.lambda.getAlias("MyLambdaFunction", "canary-test"));
        assertThat(readBack).isEqualTo(rolledBack);
        assertThat(readBack.split().isSplit()).isFalse();
    }

    @Test
    void twoOperatorsRaceForTheSameAliasOneWinsAndNothingIsLost() throws Exception {
        AliasRoute loaded = await(env.lambda.getAlias("MyLambdaFunction", "prod"));
        try (AwsClients other = env.otherClients()) {
            SdkLambdaService otherConsole = new SdkLambdaService(other, RequestBudget.unlimited());
            AliasRoute otherLoaded = await(otherConsole.getAlias("MyLambdaFunction", "prod"));

            CompletableFuture<AliasRoute> mine = env.lambda.updateAlias(loaded, TrafficSplit.canary("3", "4", 0.1), "mine");
            CompletableFuture<AliasRoute> theirs = otherConsole.updateAlias(otherLoaded, TrafficSplit.allTo("2"), "theirs");
            CompletableFuture.allOf(mine, theirs).handle((v, e) -> null).get(20, TimeUnit.SECONDS);

            boolean mineWon = !mine.isCompletedExceptionally();
            assertThat(mineWon).isNotEqualTo(!theirs.isCompletedExceptionally());
            Throwable loser = failureOf(mineWon ? theirs : mine);
            assertThat(loser).isInstanceOf(PreconditionFailedException.class);
            assertThat(((PreconditionFailedException) loser).awsMessage()).isEqualTo("The Revision Id provided does not "
                    + "match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");

            AliasRoute winner = (mineWon ? mine : theirs).join();
            assertThat(await(env.lambda.getAlias("MyLambdaFunction", "prod"))).isEqualTo(winner);
        }
    }

    @Test
    void aliasAndVersionDeletionFollowAwsRules() throws Exception {
        Throwable refused = failureOf(env.lambda.deleteVersion("MyLambdaFunction", "3"));
        assertThat(refused).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) refused).awsMessage()).contains("prod");

        await(env.lambda.deleteAlias("MyLambdaFunction", "dev"));
        await(env.lambda.deleteVersion("MyLambdaFunction", "1"));
        assertThat(await(env.lambda.listVersions("MyLambdaFunction"))).extracting(FunctionConfig::version)
                .containsExactly("$LATEST", "2", "3", "4");
        assertThat(await(env.lambda.listAliases("MyLambdaFunction"))).extracting(AliasRoute::name)
                .containsExactlyInAnyOrder("staging", "prod");
        assertThat(failureOf(env.lambda.deleteVersion("MyLambdaFunction", "$LATEST")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void invokingThroughAnAliasReportsTheVersionThatRan() throws Exception {
        InvocationResult result = await(env.lambda.invoke("MyLambdaFunction", "staging", "{\"hello\":1}"));
        assertThat(result.executedVersion()).isEqualTo("2");
        assertThat(result.statusCode()).isEqualTo(200);
    }

    @Test
    void awsErrorsArriveTypedWithAwsMessage() throws Exception {
        Throwable missing = failureOf(env.lambda.listVersions("NoSuchFunction"));
        assertThat(missing).isInstanceOf(NotFoundException.class);
        assertThat(((NotFoundException) missing).awsMessage())
                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction");

        Throwable unknownAlias = failureOf(env.lambda.getAlias("MyLambdaFunction", "nope"));
        assertThat(((NotFoundException) unknownAlias).awsMessage())
                .isEqualTo("Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:nope");

        AliasRoute prod = await(env.lambda.getAlias("MyLambdaFunction", "prod"));
        Throwable unknownVersion = failureOf(env.lambda.updateAlias(prod, TrafficSplit.canary("3", "99", 0.1), ""));
        assertThat(unknownVersion).isInstanceOf(NotFoundException.class);

        Throwable exists = failureOf(env.lambda.createAlias("MyLambdaFunction", "prod", TrafficSplit.allTo("1"), ""));
        assertThat(exists).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) exists).awsMessage())
                .isEqualTo("Alias already exists: arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:prod");
        assertThat(await(env.lambda.getAlias("MyLambdaFunction", "prod"))).isEqualTo(prod);
    }

    @Test
    void invalidInputIsRefusedThroughTheFutureBeforeAnyRequestIsSent() {
        long before = env.clients.activity().totalRequests();
        assertThat(failureOf(env.lambda.createAlias("MyLambdaFunction", "123", TrafficSplit.allTo("1"), "")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(failureOf(env.lambda.listAliases("bad name!"))).isInstanceOf(InvalidInputException.class);
        assertThat(env.clients.activity().totalRequests()).isEqualTo(before);
    }

    @Test
    void aRoutingRuleOnlyTheServerKnowsComesBackAsInvalidParameter() throws Exception {
        // Version 4 of orders-api... use raw SDK to bypass client-side checks: two additional versions.
        Throwable failure = failureOf(java.util.concurrent.CompletableFuture.supplyAsync(() -> env.clients.lambda().updateAlias(r -> r
                .functionName("MyLambdaFunction").name("prod")
                .functionVersion("3").routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.1, "2", 0.1)))),
                env.clients.lambdaCalls())
                .handle((v, e) -> {
                    if (e != null) {
                        throw new CompletionException(com.lambdarelease.service.errors.AwsErrors.translate(e));
                    }
                    return v;
                }));
        assertThat(failure).isInstanceOf(InvalidParameterException.class);
        assertThat(((InvalidParameterException) failure).awsMessage())
                .isEqualTo("Number of items in AdditionalVersionWeights cannot be greater than 1");
    }
}

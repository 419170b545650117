package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.errors.EndpointUnreachableException;
import com.lambdarelease.ui.common.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one alias writer against the embedded sandbox over HTTP, without JavaFX: every outcome is
 * read back through a second client. Each test works on an alias of its own.
 */
class AliasWriterTest {

    private static SandboxFixture sandbox;
    private final ReleaseJournal journal = ReleaseJournal.inMemory();

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private AliasWriter writer(LambdaService lambda, FunctionStates states) {
        return new AliasWriter(lambda, states, journal, Clock.systemUTC(), new AliasWriter.Identity("Sandbox · test", "sandbox"),
                Runnable::run);
    }

    private AliasRoute alias(String function, String name, String version) throws Exception {
        sandbox.otherClients.lambda().createAlias(r -> r.functionName(function).name(name).functionVersion(version));
        return sandbox.services.lambda().getAlias(function, name).get(10, TimeUnit.SECONDS);
    }

    private static <T> T done(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAppliedSplitCarriesItsRevisionIsJournalledAndReachesTheFunctionState() throws Exception {
        LambdaService lambda = sandbox.services.lambda();
        FunctionStates states = new FunctionStates(lambda);
        AliasRoute a = alias("MyLambdaFunction", "writer-applied", "3");
        done(states.of("MyLambdaFunction").load());

        WritePlan plan = done(writer(lambda, states).plan(AliasChange.update(a, TrafficSplit.canary("3", "4", 0.1), "")));
        assertThat(plan.refused()).isFalse();
        assertThat(plan.beforeText()).isEqualTo("100% → v3");
        assertThat(plan.afterText()).isEqualTo("90% → v3 · 10% → v4");
        WriteOutcome outcome = done(writer(lambda, states).apply(plan));

        assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
        var read = sandbox.readAlias("MyLambdaFunction", "writer-applied");
        assertThat(read.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
        assertThat(read.revisionId()).isNotEqualTo(a.revisionId());
        assertThat(states.of("MyLambdaFunction").current().orElseThrow().alias("writer-applied").orElseThrow().revisionId())
                .as("every screen sees the new revision").isEqualTo(read.revisionId());
        assertThat(journal.read(Optional.of("MyLambdaFunction"), Optional.of("writer-applied"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(JournalEntry.APPLIED);
                    assertThat(e.basedOnRevision()).isEqualTo(a.revisionId());
                    assertThat(e.newRevision()).isEqualTo(read.revisionId());
                    assertThat(e.account()).isNotEmpty();
                    assertThat(e.region()).isEqualTo("us-east-1");
                    assertThat(e.who()).isEqualTo("sandbox");
                });
    }

    @Test
    void aChangeBySomeoneElseSinceTheReadIsAConflictAndSurvives() throws Exception {
        LambdaService lambda = sandbox.services.lambda();
        AliasRoute a = alias("MyLambdaFunction", "writer-conflict", "3");
        AliasWriter writer = writer(lambda, new FunctionStates(lambda));
        WritePlan plan = done(writer.plan(AliasChange.update(a, TrafficSplit.canary("3", "4", 0.1), "")));
        sandbox.otherClients.lambda().updateAlias(r -> r.functionName("MyLambdaFunction").name("writer-conflict")
                .functionVersion("2").description("Sam's hotfix"));

        WriteOutcome outcome = done(writer.apply(plan));

        assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Conflict.class, c -> {
            assertThat(c.current().orElseThrow().split()).isEqualTo(TrafficSplit.allTo("2"));
            assertThat(c.yours()).contains(TrafficSplit.canary("3", "4", 0.1));
            assertThat(c.message()).contains("changed by someone else").contains("Nothing was overwritten");
        });
        var read = sandbox.readAlias("MyLambdaFunction", "writer-conflict");
        assertThat(read.functionVersion()).isEqualTo("2");
        assertThat(read.description()).isEqualTo("Sam's hotfix");
    }

    @Test
    void thePreFlightReadsOnlyTheTwoVersionsOfTheSplitAndRefusesOneThatDoesNotExist() throws Exception {
        LambdaService lambda = sandbox.services.lambda();
        AliasRoute a = alias("MyLambdaFunction", "writer-reads", "3");
        AliasWriter writer = writer(lambda, new FunctionStates(lambda));
        var activity = sandbox.services.activity();
        long listings = activity.requests("ListVersionsByFunction");
        long reads = activity.requests("GetFunctionConfiguration");

        WritePlan plan = done(writer.plan(AliasChange.update(a, TrafficSplit.canary("3", "4", 0.1), "")));

        assertThat(plan.refused()).isFalse();
        assertThat(activity.requests("ListVersionsByFunction") - listings).as("no listing of every version").isZero();
        assertThat(activity.requests("GetFunctionConfiguration") - reads).as("v3 and v4").isEqualTo(2);
        WritePlan missing = done(writer.plan(AliasChange.update(a, TrafficSplit.canary("3", "99", 0.1), "")));
        assertThat(missing.refused()).isTrue();
        assertThat(missing.verdict().refusals()).singleElement().asString().contains("99");
    }

    @Test
    void aSplitAwsWouldRefuseIsRefusedBeforeAnythingIsSent() throws Exception {
        LambdaService lambda = sandbox.services.lambda();
        AliasRoute a = alias("image-resizer", "writer-refused", "4");
        AliasWriter writer = writer(lambda, new FunctionStates(lambda));

        WriteOutcome outcome = done(writer.planAndApply(AliasChange.update(a, TrafficSplit.canary("4", "5", 0.1), "")));

        assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Refused.class, r -> assertThat(r.message())
                .contains("execution roles differ").contains(com.lambdarelease.domain.RoutingPreflight.AWS_RULE));
        assertThat(sandbox.readAlias("image-resizer", "writer-refused").revisionId()).isEqualTo(a.revisionId());
        assertThat(journal.read(Optional.of("image-resizer"), Optional.of("writer-refused"))).as("nothing sent").isEmpty();
        assertThat(done(writer.planAndApply(AliasChange.promote(a)))).isInstanceOf(WriteOutcome.Refused.class);
    }

    @Test
    void aWriteWhoseAnswerWasLostIsReadAgainAndFoundApplied() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        LambdaService lossy = losingAnswers(sandbox.services.lambda(), sent, true);
        AliasRoute a = alias("MyLambdaFunction", "writer-lost-landed", "3");

        WriteOutcome outcome = done(writer(lossy, new FunctionStates(lossy))
                .planAndApply(AliasChange.update(a, TrafficSplit.canary("3", "4", 0.05), "")));

        assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
        assertThat(sent.get()).as("never retried").isEqualTo(1);
        assertThat(sandbox.readAlias("MyLambdaFunction", "writer-lost-landed").routingConfig().additionalVersionWeights())
                .isEqualTo(Map.of("4", 0.05));
    }

    @Test
    void aWriteWhoseAnswerWasLostAndThatDidNotLandIsSaidNotRetried() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        LambdaService lossy = losingAnswers(sandbox.services.lambda(), sent, false);
        AliasRoute a = alias("MyLambdaFunction", "writer-lost-dropped", "3");

        WriteOutcome outcome = done(writer(lossy, new FunctionStates(lossy))
                .planAndApply(AliasChange.update(a, TrafficSplit.canary("3", "4", 0.05), "")));

        assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Failed.class, f ->
                assertThat(f.message()).contains("was lost").contains("is unchanged").contains("Nothing was retried"));
        assertThat(sent.get()).isEqualTo(1);
        assertThat(sandbox.readAlias("MyLambdaFunction", "writer-lost-dropped").revisionId()).isEqualTo(a.revisionId());
    }

    @Test
    void deletingAnAliasChangedSinceItWasReadIsAConflictAndDeletesNothing() throws Exception {
        LambdaService lambda = sandbox.services.lambda();
        AliasRoute a = alias("nightly-report", "writer-delete", "3");
        sandbox.otherClients.lambda().updateAlias(r -> r.functionName("nightly-report").name("writer-delete")
                .functionVersion("4"));

        WriteOutcome outcome = done(writer(lambda, new FunctionStates(lambda)).planAndApply(AliasChange.delete(a)));

        assertThat(outcome).isInstanceOf(WriteOutcome.Conflict.class);
        assertThat(sandbox.readAlias("nightly-report", "writer-delete").functionVersion()).isEqualTo("4");
        AliasRoute now = done(lambda.getAlias("nightly-report", "writer-delete"));
        assertThat(done(writer(lambda, new FunctionStates(lambda)).planAndApply(AliasChange.delete(now))))
                .isInstanceOf(WriteOutcome.Applied.class);
    }

    @Test
    void promotingClearsADescriptionThatStatedTheEndedSplitAndKeepsAnyOther() throws Exception {
        LambdaService lambda = sandbox.services.lambda();
        sandbox.otherClients.lambda().createAlias(r -> r.functionName("orders-api").name("writer-promote")
                .functionVersion("7").description("Canary: 10% to v8")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("8", 0.1))));
        AliasRoute a = done(lambda.getAlias("orders-api", "writer-promote"));
        WritePlan plan = done(writer(lambda, new FunctionStates(lambda)).plan(AliasChange.promote(a)));
        assertThat(plan.afterText()).as("the confirmation shows it").isEqualTo("100% → v8");
        assertThat(done(writer(lambda, new FunctionStates(lambda)).apply(plan))).isInstanceOf(WriteOutcome.Applied.class);
        assertThat(sandbox.readAlias("orders-api", "writer-promote").description()).isEmpty();

        AliasRoute kept = new AliasRoute("orders-api", "x", "arn", TrafficSplit.canary("7", "8", 0.1), "Live traffic", "r");
        assertThat(AliasChange.promote(kept).description()).isEqualTo("Live traffic");
    }

    /**
     * The real service, except that UpdateAlias's answer is lost: sent for real and then failed as a
     * timeout ({@code land}), or failed before it leaves (not {@code land}).
     */
    private static LambdaService losingAnswers(LambdaService real, AtomicInteger sent, boolean land) {
        return (LambdaService) Proxy.newProxyInstance(LambdaService.class.getClassLoader(),
                new Class<?>[]{LambdaService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("updateAlias")) {
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    sent.incrementAndGet();
                    CompletableFuture<?> call = land ? (CompletableFuture<?>) method.invoke(real, args)
                            : CompletableFuture.completedFuture(null);
                    return call.handle((v, e) -> {
                        throw new EndpointUnreachableException("ApiCallTimeoutException", 0,
                                "Client execution did not complete before the specified timeout configuration", null);
                    });
                });
    }
}

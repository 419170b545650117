package com.lambdarelease.ui.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.rollout.RolloutSnapshot;
import com.lambdarelease.rollout.RolloutState;
import com.lambdarelease.rollout.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rollouts panel's view-model on the sandbox's manual clock, FX work inline: the operator
 * starts a plan, sees progress and the "why", and each control changes the engine's state, read
 * back from the rollout and from AWS through another client.
 */
class RolloutPanelModelTest {

    @TempDir
    Path dir;
    private RolloutPanelSandbox s;
    private RolloutPanelModel model;

    @BeforeEach
    void open() throws Exception {
        s = new RolloutPanelSandbox(dir, Runnable::run);
        model = new RolloutPanelModel(s.rollouts, s.session.states(), s.ui);
    }

    @AfterEach
    void close() {
        s.close();
    }

    private void showProd() {
        AliasRoute prod = s.session.services().lambda().getAlias(RolloutPanelSandbox.FN, "prod").join();
        model.show(prod).join();
        await(() -> !model.versions().isEmpty() && model.targetProperty().get() != null); // offerVersions done
    }

    private void choose(String planName, String version) {
        model.planProperty().set(model.plans().stream().filter(p -> p.name().equals(planName)).findFirst().orElseThrow());
        model.targetProperty().set(version);
    }

    private RolloutSnapshot snapshot() {
        return model.snapshotProperty().get().orElseThrow();
    }

    /** Minutes pass (each evaluated once) until {@code done} holds, at most {@code max}. */
    private RolloutSnapshot until(Predicate<RolloutSnapshot> done, int max) {
        s.rollouts.tick().join();
        for (int i = 0; i < max && !done.test(snapshot()); i++) {
            s.minute();
        }
        return snapshot();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * The model's lists are replaced on the engine's threads here (its UI executor runs in place), so
     * a look at one mid-replacement may fail: that is "not yet", not a failure.
     */
    private static boolean holds(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (IndexOutOfBoundsException | java.util.ConcurrentModificationException mid) {
            return false;
        }
    }

    @Test
    void startingVersion4ShowsItsProgressAndWhyThenItsErrorsRollProdBackExactly() {
        showProd();
        String before = s.prod().revisionId();
        choose("Linear10PercentEvery1Minute", "4");
        assertThat(model.canStart().get()).isTrue();

        assertThat(model.start().join()).isTrue();
        assertThat(s.dialogs.confirmations.get(0).title())
                .isEqualTo("Roll out v4 to MyLambdaFunction:prod by Linear10PercentEvery1Minute?");
        RolloutSnapshot shifted = until(x -> x.state() == RolloutState.BAKING, 2);
        assertThat(shifted.canaryPercent()).isEqualTo(10);
        assertThat(model.stepText().getValue()).isEqualTo("step 1/9 (10% for 1 min)");
        assertThat(model.canaryText().getValue()).isEqualTo("v4 at 10%");
        assertThat(s.prod().routingConfig().additionalVersionWeights()).containsEntry("4", 0.1);
        assertThat(model.canStart().get()).as("one rollout per alias").isFalse();
        assertThat(model.canPause().get()).isTrue();
        assertThat(model.canResume().get()).isFalse();

        RolloutSnapshot judged = until(x -> x.verdict().dataCompleteThrough().isPresent(), 6);
        assertThat(model.why()).extracting(RolloutWhy.Line::label)
                .containsExactly("Verdict", "Since shift", "This step", "Error test", "Would change", "Evidence", "Duration",
                        "Incident", "Data");
        assertThat(line("Error test")).contains("Λ = ").contains("against 1/α = 100");
        assertThat(line("Since shift")).startsWith("v4 ").contains(" · v3 ");
        assertThat(line("Data")).startsWith("complete through ");
        assertThat(judged.verdict().sinceShift().canaryInvocations()).isPositive();

        RolloutSnapshot end = until(RolloutSnapshot::finished, 40);
        assertThat(end.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(end.verdict().result()).isEqualTo(Verdict.Result.FAILING_ERRORS);
        assertThat(line("Verdict")).isEqualTo("failing: the error gate");
        var prod = s.prod();
        assertThat(prod.functionVersion()).isEqualTo("3");
        assertThat(prod.routingConfig() == null || prod.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
        assertThat(prod.revisionId()).isNotEqualTo(before);
        await(() -> model.history().size() == 1 && model.history().get(0).state().equals("ROLLED_BACK"));
        assertThat(model.history().get(0).target()).isEqualTo("4");
        assertThat(model.canStart().get()).as("a finished rollout leaves the alias free").isTrue();
    }

    @Test
    void aCanaryThatCannotBeJudgedReachesTheOperatorOnceNotEveryRound() {
        showProd();
        choose("Linear10PercentEvery1Minute", "4");
        assertThat(model.start().join()).isTrue();
        until(x -> x.state() == RolloutState.BAKING, 2);
        s.notes.clear();

        s.sandbox.close(); // the endpoint goes away under the rollout
        s.rollouts.tick().join();
        s.rollouts.tick().join();

        assertThat(s.notes).hasSize(1);
        assertThat(s.notes.get(0)).startsWith("The rollout of MyLambdaFunction:prod: v4 could not be judged since ")
                .contains("Trying again");
        assertThat(s.rollouts.inFlight("MyLambdaFunction", "prod").orElseThrow().snapshot().cause())
                .hasValue(com.lambdarelease.rollout.Cause.UNJUDGED);
    }

    private String line(String label) {
        return model.why().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow().text();
    }

    @Test
    void pauseResumeSkipBakeAcceptRiskAndSetWeightEachChangeTheRollout() {
        String healthy = s.publishHealthyVersion();
        showProd();
        choose("Canary10Percent30Minutes", healthy);
        model.start().join();
        until(x -> x.state() == RolloutState.BAKING, 2);

        model.reasonProperty().set("looking at a dashboard");
        assertThat(model.pause().join()).isTrue();
        assertThat(snapshot().state()).isEqualTo(RolloutState.PAUSED);
        assertThat(model.canPause().get()).isFalse();
        assertThat(model.canResume().get()).isTrue();
        assertThat(model.canSkipBake().get()).isFalse();
        s.minute();
        assertThat(snapshot().state()).as("a paused rollout does not move").isEqualTo(RolloutState.PAUSED);

        assertThat(model.resume().join()).isTrue();
        assertThat(snapshot().state()).isEqualTo(RolloutState.BAKING);

        model.weightTextProperty().set("25");
        assertThat(model.canSetWeight().get()).isTrue();
        assertThat(model.setWeight().join()).isTrue();
        assertThat(snapshot().canaryPercent()).isEqualTo(25);
        assertThat(s.prod().routingConfig().additionalVersionWeights()).containsEntry(healthy, 0.25);
        model.weightTextProperty().set("100");
        assertThat(model.canSetWeight().get()).as("100% is a promotion, not a weight").isFalse();

        s.minute();
        assertThat(model.canSkipBake().get()).isTrue();
        assertThat(model.skipBake().join()).isTrue();
        // The bake is skipped, but a few minutes at 25% are not the evidence the rule asks: it holds.
        RolloutSnapshot held = snapshot();
        assertThat(held.state()).isEqualTo(RolloutState.HOLDING);
        assertThat(held.verdict().result()).isEqualTo(Verdict.Result.INCONCLUSIVE);
        assertThat(line("Evidence")).contains("more v" + healthy + " invocations needed");
        model.reasonProperty().set("");
        assertThat(model.canAcceptRisk().get()).as("accepting a risk needs a reason").isFalse();
        model.reasonProperty().set("hotfix, watched by hand");
        assertThat(model.canAcceptRisk().get()).isTrue();

        assertThat(model.acceptRisk().join()).isTrue();
        assertThat(snapshot().state()).isEqualTo(RolloutState.PROMOTED);
        assertThat(s.prod().functionVersion()).isEqualTo(healthy);
        assertThat(s.rollouts.journal().all()).anyMatch(r -> "accept-risk".equals(r.path("control").asText())
                && "hotfix, watched by hand".equals(r.path("reason").asText()));
    }

    @Test
    void aManualGateWaitsForApprovalAndAbortRestoresTheBaseline() {
        String healthy = s.publishHealthyVersion();
        s.rollouts.plans().save(new RolloutPlan("GatedCanary", List.of(RolloutPlan.Step.shift(10, Duration.ofMinutes(1)),
                RolloutPlan.Step.gate(), RolloutPlan.Step.shift(50, Duration.ofMinutes(1)))));
        showProd();
        assertThat(model.plans()).extracting(RolloutPlan::name).contains("Canary10Percent5Minutes", "GatedCanary");
        choose("GatedCanary", healthy);
        model.start().join();
        until(x -> x.state() == RolloutState.BAKING, 2);
        model.reasonProperty().set("go on");
        model.acceptRisk(); // not applicable while baking: nothing happens
        RolloutSnapshot gate = until(x -> x.state() == RolloutState.HOLDING, 10);
        if (!gate.awaits(com.lambdarelease.rollout.Awaiting.GATE_APPROVAL)) {
            model.acceptRisk().join(); // low traffic at 10%: the evidence hold before the gate
            gate = until(x -> x.awaits(com.lambdarelease.rollout.Awaiting.GATE_APPROVAL), 5);
        }
        assertThat(gate.awaitingOperator()).hasValue(com.lambdarelease.rollout.Awaiting.GATE_APPROVAL);
        assertThat(model.waitingText().getValue()).isEqualTo("Waiting for you: manual gate: approve to continue");
        assertThat(model.canApproveGate().get()).isTrue();
        s.minute();
        assertThat(snapshot().stepText()).as("a gate waits").startsWith("step 2/3");

        assertThat(model.approveGate().join()).isTrue();
        assertThat(snapshot().canaryPercent()).isEqualTo(50);
        assertThat(s.prod().routingConfig().additionalVersionWeights()).containsEntry(healthy, 0.5);

        s.dialogs.confirm = false;
        assertThat(model.abort().join()).as("the operator said no").isFalse();
        assertThat(snapshot().state()).isEqualTo(RolloutState.BAKING);
        s.dialogs.confirm = true;
        assertThat(model.abort().join()).isTrue();
        assertThat(snapshot().state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(s.dialogs.confirmations.get(s.dialogs.confirmations.size() - 1).after())
                .isEqualTo("restored exactly: 100% → v3");
        var prod = s.prod();
        assertThat(prod.functionVersion()).isEqualTo("3");
        assertThat(prod.routingConfig() == null || prod.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
    }

    @Test
    void withPauseOnFailureAFailingGatePausesAndAnOverrideWithAReasonGoesOn() {
        showProd();
        choose("Canary10Percent30Minutes", "4");
        model.pauseOnFailureProperty().set(true);
        model.start().join();
        RolloutSnapshot failed = until(x -> x.state() == RolloutState.PAUSED, 30);
        assertThat(failed.verdict().result()).isEqualTo(Verdict.Result.FAILING_ERRORS);
        assertThat(model.waitingText().getValue()).contains("override the gate with a reason");
        assertThat(line("Would change")).startsWith("only an operator");
        assertThat(model.canOverride().get()).as("an override needs a reason").isFalse();
        assertThat(s.prod().routingConfig().additionalVersionWeights()).as("nothing rolled back yet").containsKey("4");

        model.reasonProperty().set("known errors from a bad client, not v4");
        assertThat(model.canOverride().get()).isTrue();
        assertThat(model.overrideGate().join()).isTrue();
        assertThat(snapshot().state()).isEqualTo(RolloutState.BAKING);
        assertThat(s.rollouts.journal().all()).anyMatch(r -> "override".equals(r.path("control").asText()));
    }

    @Test
    void anotherAliasShowsNothingOfProdsRolloutAndComingBackPicksItUpAgain() {
        // A healthy version: v4's errors now roll it back within the minute the test lets pass.
        String v = s.publishHealthyVersion();
        showProd();
        choose("Canary10Percent30Minutes", v);
        model.start().join();
        until(x -> x.state() == RolloutState.BAKING, 2);
        AliasRoute other = s.session.services().lambda().getAlias("orders-api", "canary").exceptionally(e -> null).join();
        model.clear();
        assertThat(model.snapshotProperty().get()).isEmpty();
        assertThat(model.canPause().get()).isFalse();
        s.minute(); // the timer drives it while nobody looks
        showProd();
        assertThat(snapshot().state()).isEqualTo(RolloutState.BAKING);
        assertThat(model.canPause().get()).isTrue();
        assertThat(other).isNull();
    }

    @Test
    void aRolloutWhoseDriverStoppedIsShownWaitingNoDriverSinceAndResumesFromHere() {
        // Another process (a terminal) starts the rollout, makes its first shift, and dies.
        var elsewhere = new com.lambdarelease.rollout.RolloutEngine(s.session, s.clock, Runnable::run,
                com.lambdarelease.rollout.RolloutEngine.lockFolderBeside(dir.resolve("journal.jsonl")));
        String v = s.publishHealthyVersion();
        var rollout = elsewhere.start(new com.lambdarelease.rollout.RolloutEngine.Request(RolloutPanelSandbox.FN, "prod", v,
                com.lambdarelease.rollout.RolloutPlan.predefined("Canary10Percent30Minutes").orElseThrow(),
                com.lambdarelease.rollout.RolloutSettings.defaults())).join();
        rollout.evaluate().join();
        java.time.Instant lastEvaluated = s.clock.instant();
        elsewhere.close();
        s.clock.advance(java.time.Duration.ofMinutes(7));

        showProd();
        await(() -> model.snapshotProperty().get().isPresent());

        RolloutSnapshot shown = snapshot();
        assertThat(shown.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(shown.awaitingOperator()).hasValue(com.lambdarelease.rollout.Awaiting.DRIVER_LOST);
        assertThat(shown.message()).startsWith("No driver since " + lastEvaluated.toString().replace(".000", ""));
        assertThat(model.canResume().get()).isTrue();
        assertThat(model.canAbort().get()).isTrue();
        assertThat(s.prod().routingConfig().additionalVersionWeights()).as("nothing written on recovery").containsEntry(v, 0.1);

        assertThat(model.resume().join()).isTrue();
        assertThat(snapshot().state()).isEqualTo(RolloutState.BAKING);
    }
}

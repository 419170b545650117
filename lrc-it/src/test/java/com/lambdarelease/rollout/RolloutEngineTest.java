package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.lambdarelease.rollout.RolloutSandbox.FN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the seeded sandbox over HTTP, on its manual clock: each minute of sandbox time
 * is one move of the clock, its simulated traffic, and one evaluation.
 */
class RolloutEngineTest {

    @TempDir
    Path dir;

    private RolloutSandbox box;

    @AfterEach
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    private RolloutEngine engine() {
        return box.engine();
    }

    private Rollout start(RolloutEngine engine, String version, RolloutPlan plan, RolloutSettings settings) {
        return engine.start(new RolloutEngine.Request(FN, "prod", version, plan, settings)).join();
    }

    private static RolloutPlan plan(String name) {
        return RolloutPlan.predefined(name).orElseThrow();
    }

    private List<ObjectNode> controls(String id) {
        return new RolloutJournal(com.lambdarelease.release.ReleaseJournal.at(box.journalFile)).of(id).stream()
                .filter(r -> "control".equals(r.path("event").asText())).toList();
    }

    @Test
    void givenAHealthyVersionWhenRolledOutOnAThirtyMinuteLinearPlanThenItIsPromotedStepByStep() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(3).build());
        String v = box.publishHealthyVersion();
        RolloutEngine engine = engine();
        List<Double> weights = new ArrayList<>();
        Rollout rollout = start(engine, v, plan("Linear10PercentEvery3Minutes"), RolloutSettings.defaults());
        rollout.subscribe(s -> {
            if (weights.isEmpty() || weights.get(weights.size() - 1) != s.canaryPercent()) {
                weights.add(s.canaryPercent());
            }
        });

        long began = System.nanoTime();
        RolloutSnapshot end = box.runUntilSettled(rollout, 240);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        System.out.println("30-minute linear plan on the manual clock: " + tookMillis + " ms of wall time, "
                + Duration.between(RolloutSandbox.START, box.clock.instant()).toMinutes() + " sandbox minutes; traffic " + box.trafficNanos / 1_000_000 + " ms, evaluations " + box.evaluateNanos / 1_000_000 + " ms");

        assertThat(end.state()).isEqualTo(RolloutState.PROMOTED);
        assertThat(weights).containsSubsequence(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0);
        GetAliasResponse prod = box.prod();
        assertThat(prod.functionVersion()).isEqualTo(v);
        assertThat(prod.routingConfig() == null || prod.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
        assertThat(prod.description()).isEqualTo("Live traffic");
        assertThat(end.verdict().sinceShift().canaryInvocations()).isGreaterThanOrEqualTo(351); // the evidence rule's least, at no error
        assertThat(end.verdict().moreInvocationsNeeded()).isZero();
    }

    @Test
    void givenVersionFoursErrorRateWhenRolledOutThenTheErrorGateTripsAndTheExactPreviousStateIsRestored() throws Exception {
        box = new RolloutSandbox(dir);
        box.other.updateAlias(b -> b.functionName(FN).name("prod").description("Live traffic, pinned by ops"));
        GetAliasResponse before = box.prod();
        Rollout rollout = start(engine(), "4", plan("Linear10PercentEvery3Minutes"), RolloutSettings.defaults());

        RolloutSnapshot end = box.runUntilSettled(rollout, 60);

        assertThat(end.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(end.verdict().result()).isEqualTo(Verdict.Result.FAILING_ERRORS);
        assertThat(end.verdict().logStatistic()).isGreaterThanOrEqualTo(end.verdict().logThreshold());
        assertThat(end.step()).isLessThanOrEqualTo(1); // caught at 10-20%, long before the plan's end
        GetAliasResponse after = box.prod();
        assertThat(after.functionVersion()).isEqualTo(before.functionVersion());
        assertThat(after.description()).isEqualTo(before.description());
        assertThat(after.routingConfig() == null ? Map.of() : after.routingConfig().additionalVersionWeights())
                .isEqualTo(before.routingConfig() == null ? Map.of() : before.routingConfig().additionalVersionWeights());
        assertThat(end.message()).contains("Rolled back").contains("restored 100% → v3");
        List<RolloutMark> marks = new RolloutJournal(ReleaseJournal.at(box.journalFile))
                .marks(FN, "prod", RolloutSandbox.START, box.clock.instant());
        assertThat(marks).as("the decision the charts mark").last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(RolloutMark.Kind.FAILED);
            assertThat(m.at()).isEqualTo(end.at());
            assertThat(m.text()).startsWith("Rollout, rolled back: Gate failed: Error test");
        });
        assertThat(new RolloutJournal(ReleaseJournal.at(box.journalFile)).marks(FN, "staging", RolloutSandbox.START,
                box.clock.instant())).isEmpty();
    }

    @Test
    void givenASecondClientChangesTheAliasWhileBakingThenTheRolloutPausesAndOverwritesNothing() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, plan("Canary10Percent10Minutes"), RolloutSettings.defaults());
        assertThat(rollout.evaluate().join().state()).isEqualTo(RolloutState.BAKING);

        box.other.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3")
                .routingConfig(r -> r.additionalVersionWeights(Map.of(v, 0.5))));
        RolloutSnapshot s = box.minute(rollout);
        for (int i = 0; i < 5; i++) {
            s = box.minute(rollout);
        }

        assertThat(s.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(s.message()).contains("changed by someone else").contains("50%");
        assertThat(box.prod().routingConfig().additionalVersionWeights()).containsEntry(v, 0.5);
    }

    @Test
    void givenAForeignChangeNobodyHasSeenThenAnAbortShowsItFirstAndRestoresOnlyWhenAbortedAgain() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, plan("Linear10PercentEvery1Minute"), RolloutSettings.defaults());
        rollout.evaluate().join();
        // The other client writes after this rollout's last write and before anyone evaluated again.
        box.other.updateAlias(b -> b.functionName(FN).name("prod").description("hands off"));

        RolloutSnapshot first = rollout.abort("test").join();

        assertThat(first.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(first.message()).contains("Not rolled back").contains("changed by someone else")
                .contains("Nothing was overwritten").doesNotContain("..");
        assertThat(box.prod().description()).isEqualTo("hands off");
        assertThat(box.prod().routingConfig().additionalVersionWeights()).containsEntry(v, 0.1);

        RolloutSnapshot second = rollout.abort("seen it").join();

        assertThat(second.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(second.message()).contains("over the change by someone else");
        assertThat(box.prod().description()).isEqualTo("Live traffic");
        assertThat(box.prod().functionVersion()).isEqualTo("3");
        assertThat(box.prod().routingConfig()).isNull();
    }

    @Test
    void givenARestartMidStepThenTheRolloutResumesFromTheJournal() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(3).build());
        String v = box.publishHealthyVersion();
        RolloutEngine first = engine();
        Rollout rollout = start(first, v, plan("Linear10PercentEvery3Minutes"), RolloutSettings.defaults());
        RolloutSnapshot s = rollout.evaluate().join();
        while (s.step() < 2) {
            s = box.minute(rollout);
        }
        int step = s.step();
        first.close(); // the process ends: its lock goes

        RolloutEngine second = engine();
        assertThat(second.journal().unfinished()).extracting(r -> r.path("id").asText()).contains(rollout.id());
        Rollout recovered = second.recover(FN, "prod").join().orElseThrow();
        assertThat(recovered.id()).isEqualTo(rollout.id());
        assertThat(recovered.snapshot().state()).isIn(RolloutState.BAKING, RolloutState.HOLDING);
        assertThat(recovered.snapshot().step()).isEqualTo(step);

        RolloutSnapshot end = box.runUntilSettled(recovered, 240);

        assertThat(end.state()).isEqualTo(RolloutState.PROMOTED);
        assertThat(box.prod().functionVersion()).isEqualTo(v);
    }

    @Test
    void givenTheAliasChangedWhileNobodyDroveTheRolloutThenRecoveryPauses() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        RolloutEngine first = engine();
        Rollout rollout = start(first, v, plan("Canary10Percent10Minutes"), RolloutSettings.defaults());
        rollout.evaluate().join();
        first.close();
        box.other.updateAlias(b -> b.functionName(FN).name("prod").routingConfig(r -> r.additionalVersionWeights(Map.of(v, 0.3))));

        Rollout recovered = engine().recover(FN, "prod").join().orElseThrow();

        assertThat(recovered.snapshot().state()).isEqualTo(RolloutState.PAUSED);
        assertThat(recovered.snapshot().message()).contains("changed since the rollout's last write");
        assertThat(box.prod().routingConfig().additionalVersionWeights()).containsEntry(v, 0.3);
    }

    @Test
    void givenTwoEnginesThenOnlyOneDrivesARollout() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        start(engine(), v, plan("Canary10Percent5Minutes"), RolloutSettings.defaults());
        RolloutEngine second = engine();
        assertThat(second.start(new RolloutEngine.Request(FN, "prod", v, plan("Canary10Percent5Minutes"),
                RolloutSettings.defaults()))).failsWithin(Duration.ofSeconds(10));
        assertThat(second.driven(FN, "prod")).isTrue();
    }

    @Test
    void givenLowTrafficThenTheStepHoldsAsInconclusiveSaysWhatItNeedsAndNeverPromotesBlind() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(2 / 120.0).build());
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, plan("Canary10Percent5Minutes"), RolloutSettings.defaults());

        RolloutSnapshot s = box.runUntilSettled(rollout, 120);

        assertThat(s.state()).isEqualTo(RolloutState.HOLDING);
        assertThat(s.awaitingOperator()).hasValue(Awaiting.RISK_ACCEPTANCE);
        assertThat(s.verdict().result()).isEqualTo(Verdict.Result.INCONCLUSIVE);
        assertThat(s.verdict().moreInvocationsNeeded()).isPositive();
        assertThat(s.verdict().reason(Verdict.Reason.Kind.EVIDENCE)).hasValueSatisfying(r -> assertThat(r.text())
                .contains("more v" + v + " invocations needed"));
        assertThat(box.prod().functionVersion()).isEqualTo("3");

        RolloutSnapshot accepted = rollout.acceptRisk("low-traffic alias, checked by hand").join();
        assertThat(accepted.state()).isEqualTo(RolloutState.PROMOTED);
        assertThat(controls(rollout.id())).anySatisfy(c -> {
            assertThat(c.path("control").asText()).isEqualTo("accept-risk");
            assertThat(c.path("reason").asText()).isEqualTo("low-traffic alias, checked by hand");
        });
    }

    @Test
    void givenACustomPlanWithAGateThenPauseResumeSkipApproveSetWeightAndAbortDriveIt() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(3).build());
        String v = box.publishHealthyVersion();
        RolloutPlan custom = new RolloutPlan("gated", List.of(RolloutPlan.Step.shift(10, Duration.ofMinutes(30)),
                RolloutPlan.Step.gate(), RolloutPlan.Step.shift(50, Duration.ofMinutes(30))));
        Rollout rollout = start(engine(), v, custom, RolloutSettings.defaults().withMaxErrorRate(Optional.of(0.05)));
        assertThat(rollout.evaluate().join().canaryPercent()).isEqualTo(10.0);

        assertThat(rollout.pause("lunch").join().state()).isEqualTo(RolloutState.PAUSED);
        for (int i = 0; i < 5; i++) {
            assertThat(box.minute(rollout).state()).isEqualTo(RolloutState.PAUSED);
        }
        assertThat(rollout.resume().join().state()).isEqualTo(RolloutState.BAKING);
        for (int i = 0; i < 5; i++) {
            box.minute(rollout);
        }
        RolloutSnapshot gate = rollout.skipBake().join();
        assertThat(gate.state()).isEqualTo(RolloutState.HOLDING);
        assertThat(gate.awaitingOperator()).hasValue(Awaiting.GATE_APPROVAL);
        assertThat(box.minute(rollout).canaryPercent()).isEqualTo(10.0); // a gate never passes by itself

        assertThat(rollout.approveGate().join().canaryPercent()).isEqualTo(50.0);
        assertThat(rollout.setWeight(30).join().canaryPercent()).isEqualTo(30.0);
        assertThat(box.prod().routingConfig().additionalVersionWeights()).containsEntry(v, 0.3);

        RolloutSnapshot aborted = rollout.abort("changed my mind").join();
        assertThat(aborted.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(box.prod().functionVersion()).isEqualTo("3");
        assertThat(box.prod().routingConfig() == null || box.prod().routingConfig().additionalVersionWeights().isEmpty()).isTrue();
        assertThat(controls(rollout.id())).extracting(c -> c.path("control").asText())
                .containsSubsequence("pause", "resume", "skip", "approve", "set-weight", "abort");
    }

    @Test
    void givenAFailingGateThatPausesThenAnOverrideWithAReasonLetsItGoOn() throws Exception {
        box = new RolloutSandbox(dir);
        Rollout rollout = start(engine(), "4", plan("Canary10Percent30Minutes"),
                RolloutSettings.defaults().withRollbackOnFailure(false));

        RolloutSnapshot failing = box.runUntilSettled(rollout, 60);
        assertThat(failing.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(failing.message()).startsWith("Gate failed: Error test");
        assertThat(box.prod().routingConfig().additionalVersionWeights()).containsEntry("4", 0.1);

        RolloutSnapshot overridden = rollout.overrideGate("known bad dependency, fixed upstream").join();
        assertThat(overridden.state()).isEqualTo(RolloutState.BAKING);
        assertThat(box.minute(rollout).state()).isNotEqualTo(RolloutState.ROLLED_BACK);
        assertThat(controls(rollout.id())).anySatisfy(c -> {
            assertThat(c.path("control").asText()).isEqualTo("override");
            assertThat(c.path("reason").asText()).isEqualTo("known bad dependency, fixed upstream");
        });
    }
}

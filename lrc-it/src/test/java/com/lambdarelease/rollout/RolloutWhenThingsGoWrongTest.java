package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.sandbox.Faults;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.lambdarelease.rollout.RolloutSandbox.FN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine where a release tool earns its trust, each case first reproduced on the sandbox's
 * manual clock: metrics that cannot be read, a pause while the canary fails, an abort from another
 * terminal over a colleague's change, a driver that stops, a hold that cannot end by itself.
 */
class RolloutWhenThingsGoWrongTest {

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

    private Rollout start(RolloutEngine engine, String version, String plan, RolloutSettings settings) {
        return engine.start(new RolloutEngine.Request(FN, "prod", version, RolloutPlan.predefined(plan).orElseThrow(),
                settings)).join();
    }

    private RolloutJournal journal() {
        return new RolloutJournal(ReleaseJournal.at(box.journalFile));
    }

    private static SandboxOptions cloudWatch(Faults faults) {
        return SandboxOptions.builderForTests().cloudWatchFaults(faults).build();
    }

    private Map<String, Double> routing() {
        var r = box.prod().routingConfig();
        return r == null ? Map.of() : r.additionalVersionWeights();
    }

    @Test
    void givenMetricsThatCannotBeReadThenTheCanaryIsRestoredAfterTheUnjudgedLimitNeverLeftUnowned() throws Exception {
        box = new RolloutSandbox(dir, cloudWatch(Faults.NONE.withServerErrorRate(1)));
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent10Minutes", RolloutSettings.defaults());
        assertThat(rollout.evaluate().join().canaryPercent()).isEqualTo(10.0);

        RolloutSnapshot s = box.minute(rollout);
        assertThat(s.state()).as("a failed evaluation is a state, not an exception").isEqualTo(RolloutState.BAKING);
        assertThat(s.message()).contains("could not be judged").contains("Trying again").contains("restores the baseline");
        for (int i = 0; i < 3; i++) {
            s = box.minute(rollout);
            assertThat(s.finished()).isFalse();
        }
        assertThat(routing()).as("within the limit the canary keeps its weight").containsEntry(v, 0.1);
        s = box.runUntilSettled(rollout, 4);

        assertThat(s.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(s.cause()).hasValue(Cause.UNJUDGED);
        assertThat(s.message()).contains("Unjudged for longer than 5 min").contains("restored 100% → v3");
        assertThat(box.prod().functionVersion()).isEqualTo("3");
        assertThat(routing()).isEmpty();
        assertThat(Duration.between(RolloutSandbox.START, s.at())).isLessThanOrEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void givenMetricsThatCannotBeReadAndThePauseSettingThenTheRolloutPausesForTheOperator() throws Exception {
        box = new RolloutSandbox(dir, cloudWatch(Faults.NONE.withServerErrorRate(1)));
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent10Minutes",
                RolloutSettings.defaults().withUnjudged(Duration.ofMinutes(2), false));
        rollout.evaluate().join();

        RolloutSnapshot s = box.runUntilSettled(rollout, 10);

        assertThat(s.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(s.awaitingOperator()).hasValue(Awaiting.UNJUDGED);
        assertThat(s.cause()).hasValue(Cause.UNJUDGED);
        assertThat(routing()).containsEntry(v, 0.1);
        ObjectNode last = journal().latestOf(FN, "prod").orElseThrow();
        assertThat(last.path("awaitingKind").asText()).isEqualTo("UNJUDGED");
    }

    @Test
    void givenThrottledMetricsCallsThenTheRetriesStillJudgeAndTheFailingCanaryIsRolledBack() throws Exception {
        box = new RolloutSandbox(dir, cloudWatch(Faults.NONE.withThrottleRate(0.3)));
        Rollout rollout = start(engine(), "4", "Linear10PercentEvery3Minutes", RolloutSettings.defaults());

        RolloutSnapshot s = box.runUntilSettled(rollout, 30);

        assertThat(s.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(s.cause()).hasValue(Cause.ERROR_GATE);
    }

    @Test
    void givenAPauseWhileTheCanaryFailsThenTheGateStillRollsItBack() throws Exception {
        box = new RolloutSandbox(dir);
        Rollout rollout = start(engine(), "4", "Canary10Percent30Minutes", RolloutSettings.defaults());
        rollout.evaluate().join();
        assertThat(rollout.pause("looking at a dashboard").join().state()).isEqualTo(RolloutState.PAUSED);

        RolloutSnapshot s = box.runUntilSettled(rollout, 15);
        for (int i = 0; i < 15 && !s.finished(); i++) {
            s = box.minute(rollout); // paused: runUntilSettled stops at once, the minutes go on
        }

        assertThat(s.state()).as("a pause stops shifting, never judging").isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(s.cause()).hasValue(Cause.ERROR_GATE);
        assertThat(routing()).isEmpty();
        assertThat(Duration.between(RolloutSandbox.START, s.at())).isLessThan(Duration.ofMinutes(10));
    }

    @Test
    void givenAPauseWhileTheCanaryFailsAndPauseForMeThenTheFailedGateIsRaisedAtOnce() throws Exception {
        box = new RolloutSandbox(dir);
        Rollout rollout = start(engine(), "4", "Canary10Percent30Minutes",
                RolloutSettings.defaults().withRollbackOnFailure(false));
        rollout.evaluate().join();
        rollout.pause("looking at a dashboard").join();

        RolloutSnapshot s = rollout.snapshot();
        for (int i = 0; i < 15 && !s.awaits(Awaiting.FAILED_GATE); i++) {
            s = box.minute(rollout);
        }

        assertThat(s.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(s.awaitingOperator()).hasValue(Awaiting.FAILED_GATE);
        assertThat(s.cause()).hasValue(Cause.ERROR_GATE);
        assertThat(s.message()).startsWith("Gate failed: Error test");
        assertThat(routing()).containsEntry("4", 0.1);
        List<RolloutMark> marks = journal().marks(FN, "prod", RolloutSandbox.START, box.clock.instant());
        assertThat(marks).last().extracting(RolloutMark::kind).isEqualTo(RolloutMark.Kind.FAILED);
    }

    @Test
    void givenAColleaguesChangeAnAbortFromAnotherTerminalShowsItFirstAndRestoresOnlyWhenAbortedAgain() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent30Minutes", RolloutSettings.defaults());
        rollout.evaluate().join();
        box.other.updateAlias(b -> b.functionName(FN).name("prod").description("hands off: colleague"));
        RolloutSnapshot drift = box.minute(rollout);
        assertThat(drift.awaitingOperator()).hasValue(Awaiting.FOREIGN_CHANGE);

        journal().request(rollout.id(), FN, "prod", Control.ABORT.word(), "from the other terminal", "ops2",
                box.clock.instant());
        RolloutSnapshot first = rollout.evaluate().join();

        assertThat(first.state()).isEqualTo(RolloutState.PAUSED);
        assertThat(first.awaitingOperator()).hasValue(Awaiting.ABORT_OVER_FOREIGN_CHANGE);
        assertThat(box.prod().description()).isEqualTo("hands off: colleague");

        journal().request(rollout.id(), FN, "prod", Control.ABORT.word(), "seen it", "ops2", box.clock.instant());
        RolloutSnapshot second = rollout.evaluate().join();

        assertThat(second.state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(box.prod().description()).isEqualTo("Live traffic");
    }

    @Test
    void givenADriverThatStopsThenItsLastHeartbeatSaysSinceWhenNobodyDrives() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        RolloutEngine first = engine();
        Rollout rollout = start(first, v, "Canary10Percent30Minutes", RolloutSettings.defaults());
        rollout.evaluate().join();
        box.minute(rollout);
        Instant lastEvaluated = box.clock.instant();
        assertThat(first.lastHeartbeat(FN, "prod")).hasValue(lastEvaluated);
        first.close(); // the driver dies: its lock goes, its heartbeat stays

        box.clock.advance(Duration.ofMinutes(7));
        RolloutEngine second = engine();
        assertThat(second.driven(FN, "prod")).isFalse();
        assertThat(second.lastHeartbeat(FN, "prod")).hasValue(lastEvaluated);
        Rollout recovered = second.recover(FN, "prod").join().orElseThrow();
        assertThat(recovered.snapshot().message()).contains("no driver since " + Gates.seconds(lastEvaluated));
    }

    @Test
    void givenLowTrafficThenTheOperatorIsAskedAsSoonAsTheProjectedWaitExceedsTheHold() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(2 / 120.0).build());
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent5Minutes", RolloutSettings.defaults());

        RolloutSnapshot s = box.runUntilSettled(rollout, 120);

        assertThat(s.awaitingOperator()).hasValue(Awaiting.RISK_ACCEPTANCE);
        assertThat(Duration.between(RolloutSandbox.START, s.at())).as("asked when hopeless, not after a 30-minute hold")
                .isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void givenThePrimarysErrorsArriveFourMinutesLateThenAHealthyCanaryIsNeverJudgedOnAMissingPoint() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(3)
                .lateSeries("Errors", "3", Duration.ofMinutes(4)).build());
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent10Minutes", RolloutSettings.defaults());
        rollout.evaluate().join();

        RolloutSnapshot waiting = box.minute(rollout);
        waiting = box.minute(rollout);
        assertThat(waiting.verdict().dataCompleteThrough()).as("nothing judged while v3's Errors are missing").isEmpty();
        assertThat(waiting.verdict().reason(Verdict.Reason.Kind.DATA)).hasValueSatisfying(r ->
                assertThat(r.text()).contains("waiting for v3's Errors"));

        RolloutSnapshot end = box.runUntilSettled(rollout, 60);

        assertThat(end.state()).isEqualTo(RolloutState.PROMOTED);
        assertThat(end.verdict().sinceShift().primaryErrors()).as("v3's errors were counted, not read as zero").isPositive();
    }

    @Test
    void givenAFailingCanaryThenAMinuteIsJudgedAsSoonAsItsSeriesArriveNotAFixedDelayLater() throws Exception {
        box = new RolloutSandbox(dir);
        Rollout rollout = start(engine(), "4", "Canary10Percent30Minutes", RolloutSettings.defaults());
        rollout.evaluate().join();

        RolloutSnapshot s = box.minute(rollout);

        assertThat(s.verdict().dataCompleteThrough()).as("the first minute, complete, is judged when it ends")
                .hasValue(RolloutSandbox.START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void givenAnOutageThatFailsBothVersionsThenTheRolloutHoldsAndNeverPromotesIntoIt() throws Exception {
        box = new RolloutSandbox(dir);
        box.anHourOfHistory();
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent5Minutes", RolloutSettings.defaults());
        rollout.evaluate().join();
        box.minute(rollout);
        box.sandbox.dependencyOutage(FN, 0.10); // a dependency both versions share goes down

        RolloutSnapshot s = box.runUntilSettled(rollout, 20);

        assertThat(s.state()).isEqualTo(RolloutState.HOLDING);
        assertThat(s.awaitingOperator()).hasValue(Awaiting.PRIMARY_INCIDENT);
        assertThat(s.cause()).hasValue(Cause.PRIMARY_FAILING);
        assertThat(s.verdict().primaryFailing()).isTrue();
        assertThat(s.message()).contains("never promoting into an incident").contains("v3 is failing too");
        assertThat(box.prod().functionVersion()).isEqualTo("3");
        assertThat(routing()).containsEntry(v, 0.1);
        for (int i = 0; i < 10; i++) {
            assertThat(box.minute(rollout).state()).as("held while the incident lasts").isEqualTo(RolloutState.HOLDING);
        }

        box.sandbox.dependencyOutage(FN, 0);
        RolloutSnapshot approved = rollout.approveGate().join();
        RolloutSnapshot end = box.runUntilSettled(rollout, 20);
        assertThat(end.state()).as(approved.message()).isEqualTo(RolloutState.PROMOTED);
    }

    @Test
    void givenNoOutageThenThePrimaryWatchNeverHoldsAHealthyRollout() throws Exception {
        box = new RolloutSandbox(dir);
        box.anHourOfHistory();
        String v = box.publishHealthyVersion();
        // A 5% worst acceptable rate: the evidence comes within the step, so the watch is what could hold it.
        Rollout rollout = start(engine(), v, "Canary10Percent5Minutes",
                RolloutSettings.defaults().withMaxErrorRate(java.util.Optional.of(0.05)));

        RolloutSnapshot end = box.runUntilSettled(rollout, 30);

        assertThat(end.state()).as(end.message()).isEqualTo(RolloutState.PROMOTED);
        assertThat(end.verdict().reason(Verdict.Reason.Kind.PRIMARY)).hasValueSatisfying(r ->
                assertThat(r.text()).contains("no sign of an incident").contains("in the hour before"));
    }

    @Test
    void givenACanaryThreeTimesSlowerAtTwelveCallsAMinuteThenItIsRolledBackInMinutes() throws Exception {
        // 120 invocations a minute on prod: about 12 reach a 10% canary, below the ratio gate's 20 a minute.
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(0.2).build());
        box.anHourOfHistory();
        Instant started = box.clock.instant();
        String v = box.publishSlowVersion(200);
        Rollout rollout = start(engine(), v, "Canary10Percent30Minutes", RolloutSettings.defaults());

        RolloutSnapshot s = box.runUntilSettled(rollout, 30);

        assertThat(s.state()).as(s.message()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(s.cause()).hasValue(Cause.DURATION_GATE);
        assertThat(s.message()).contains("runs slower than v3").contains("p99 of the hour before");
        assertThat(Duration.between(started, s.at())).as("minutes, not the plan's 30").isLessThanOrEqualTo(Duration.ofMinutes(6));
        assertThat(box.prod().functionVersion()).isEqualTo("3");
    }

    @Test
    void givenNoHistoryAndTooLittleTrafficToCompareDurationsThenTheStepDoesNotEnd() throws Exception {
        // 60 a minute on prod: about 6 reach the canary, never the 20 a minute the ratio gate compares.
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(0.1).build());
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent5Minutes",
                RolloutSettings.defaults().withMaxErrorRate(java.util.Optional.of(0.2)));

        RolloutSnapshot s = box.runUntilSettled(rollout, 20);

        assertThat(s.state()).as(s.verdict().reasons().toString()).isNotEqualTo(RolloutState.PROMOTED);
        assertThat(s.verdict().durationJudged()).isFalse();
        assertThat(s.message()).contains("no duration judgement yet");
    }

    @Test
    void givenTheEndpointGoneSoTheRestoreCannotBeSentThenTheRolloutFailsSayingWhatTheAliasHolds() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        Rollout rollout = start(engine(), v, "Canary10Percent30Minutes", RolloutSettings.defaults());
        assertThat(rollout.evaluate().join().canaryPercent()).isEqualTo(10.0);
        box.sandbox.close(); // the endpoint goes away with 10% on the canary

        RolloutSnapshot s = rollout.snapshot();
        for (int i = 0; i < 8 && !s.finished(); i++) {
            box.clock.advance(Duration.ofMinutes(1));
            s = rollout.evaluate().join();
        }

        assertThat(s.state()).isEqualTo(RolloutState.FAILED);
        assertThat(s.cause()).hasValue(Cause.UNJUDGED);
        assertThat(s.message()).contains("The roll back could not be sent either")
                .contains("holds what the rollout last wrote: 90% → v3 · 10% → v" + v)
                .contains("restore 100% → v3 by hand");
    }
}

package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.WriteOutcome;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Moves one rollout along its plan: the next step is a manual gate (held for approval), a shift
 * (one guarded write of the next weight, the first one starting the gates) or, after the last, the
 * promotion (everything to the new version). A write that does not land pauses for the operator,
 * never retries; a split the alias already holds is never written.
 */
final class Shifter {

    private final Terms terms;
    private final Progress progress;
    private final StateMachine machine;
    private final RolloutAlias alias;
    private final Recorder recorder;
    private final Clock clock;

    Shifter(Terms terms, Progress progress, StateMachine machine, RolloutAlias alias, Recorder recorder, Clock clock) {
        this.terms = terms;
        this.progress = progress;
        this.machine = machine;
        this.alias = alias;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * The next step: the first shift, a manual gate, the next weight, or the promotion. Steps at or
     * below the weight the new version already has (it was the alias's canary before the rollout,
     * or the operator set a higher weight) are passed over: the rollout stands on the last of them
     * at that weight, with no write that would lower it.
     */
    CompletableFuture<RolloutSnapshot> advance(AliasRoute now) {
        int next = progress.step + 1;
        progress.leaveStep();
        List<RolloutPlan.Step> steps = terms.plan().steps();
        double already = alreadySent(now);
        while (next + 1 < steps.size() && atOrBelow(steps.get(next), already) && atOrBelow(steps.get(next + 1), already)) {
            next++;
        }
        if (next >= steps.size()) {
            return promote(now);
        }
        RolloutPlan.Step s = steps.get(next);
        progress.step = next;
        if (s.kind() == RolloutPlan.Kind.GATE) {
            RolloutState from = machine.state();
            if (from != RolloutState.HOLDING) {
                machine.transition(from, RolloutState.HOLDING);
            }
            progress.stepStartedAt = Optional.of(clock.instant());
            progress.awaiting = Optional.of(Awaiting.GATE_APPROVAL);
            progress.message = "Manual gate at " + percentText(progress.canaryPercent) + " to v" + terms.target() + ": waiting for approval.";
            return CompletableFuture.completedFuture(recorder.publishState("gate"));
        }
        return shift(now, Math.max(s.percent(), already), "Step " + (next + 1) + "/" + steps.size());
    }

    /** The percentage {@code now} sends the new version while it routes from the rollout's primary; else 0. */
    private double alreadySent(AliasRoute now) {
        TrafficSplit split = now.split();
        return split.primaryVersion().equals(terms.primary()) ? Weight.percent(split.weightOf(terms.target())) : 0;
    }

    private static boolean atOrBelow(RolloutPlan.Step step, double percent) {
        return step.kind() == RolloutPlan.Kind.SHIFT && step.percent() <= percent;
    }

    /**
     * Sends {@code percent} to the new version in one write, with a description that follows the
     * split ({@link AliasChange#descriptionFollowing}); the step's bake starts when it lands. A split
     * and description the alias already holds are not written at all (the writer would refuse them
     * as nothing to change, and a refused shift pauses): the step's bake starts at once.
     */
    CompletableFuture<RolloutSnapshot> shift(AliasRoute now, double percent, String why) {
        RolloutState from = machine.state();
        if (!machine.transition(from, RolloutState.SHIFTING)) {
            return recorder.unchanged();
        }
        TrafficSplit split = TrafficSplit.canary(terms.primary(), terms.target(), Weight.toAws(percent));
        String description = AliasChange.descriptionFollowing(now, split);
        if (split.equals(now.split()) && description.equals(now.description())) {
            return CompletableFuture.completedFuture(landed(percent, why + ": " + split.arrows()
                    + ", as the alias already sends; nothing was written."));
        }
        return alias.write(AliasChange.update(now, split, description)).thenApply(outcome -> outcome
                instanceof WriteOutcome.Applied ? landed(percent, why + ": " + split.arrows() + ".")
                : stopAfter(RolloutState.SHIFTING, outcome));
    }

    /** The new version has {@code percent}: the step bakes from now, and the first shift starts the gates. */
    private RolloutSnapshot landed(double percent, String message) {
        Instant t = clock.instant();
        progress.canaryPercent = percent;
        progress.stepStartedAt = Optional.of(t);
        if (progress.firstShiftAt.isEmpty()) {
            progress.firstShiftAt = Optional.of(t);
            progress.gates = terms.gatesFrom(t);
        }
        machine.transition(RolloutState.SHIFTING, RolloutState.BAKING);
        progress.message = message;
        return recorder.publishState("shift");
    }

    private CompletableFuture<RolloutSnapshot> promote(AliasRoute now) {
        RolloutState from = machine.state();
        if (!machine.transition(from, RolloutState.PROMOTING)) {
            return recorder.unchanged();
        }
        progress.step = terms.plan().steps().size();
        TrafficSplit all = TrafficSplit.allTo(terms.target());
        return alias.write(AliasChange.update(now, all, AliasChange.descriptionFollowing(now, all))).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied) {
                progress.canaryPercent = 100;
                machine.transition(RolloutState.PROMOTING, RolloutState.PROMOTED);
                progress.message = "Promoted: " + terms.qualified() + " sends 100% → v" + terms.target() + ". " + progress.verdict.headline();
                return machine.finish("promoted");
            }
            return stopAfter(RolloutState.PROMOTING, outcome);
        });
    }

    /** A shift or promotion that did not land: a conflict or an AWS failure pauses for the operator. */
    private RolloutSnapshot stopAfter(RolloutState during, WriteOutcome outcome) {
        progress.pausedFrom = progress.step < 0 || progress.firstShiftAt.isEmpty() ? RolloutState.PENDING : RolloutState.BAKING;
        if (during == RolloutState.PROMOTING) {
            progress.step = terms.plan().steps().size() - 1;
        }
        if (progress.firstShiftAt.isEmpty()) {
            progress.step = -1;
        }
        machine.transition(during, RolloutState.PAUSED);
        progress.awaiting = Optional.of(outcome instanceof WriteOutcome.Conflict ? Awaiting.WRITE_CONFLICT
                : outcome instanceof WriteOutcome.Refused ? Awaiting.WRITE_REFUSED : Awaiting.WRITE_FAILED);
        progress.cause = Optional.of(outcome instanceof WriteOutcome.Conflict ? Cause.FOREIGN_CHANGE : Cause.WRITE_NOT_APPLIED);
        progress.message = outcome.message();
        return recorder.publishState(outcome instanceof WriteOutcome.Conflict ? "conflict" : "write failed");
    }

    /** A weight as the weight fields show it: "12.5%". */
    static String percentText(double percent) {
        return Weight.percentNumber(percent) + "%";
    }
}

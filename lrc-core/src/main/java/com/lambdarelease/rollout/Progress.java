package com.lambdarelease.rollout;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one rollout is in its plan and what it last decided: the progress its parts share. The
 * decider reads it, the shifter and the restorer move it, the recorder journals it (a restart needs
 * all of it) and builds the snapshot from it. Plain fields, because they are touched only inside the
 * rollout's one sequence of evaluations and controls; the state itself stays with {@link Rollout}.
 */
final class Progress {

    private final RolloutPlan plan;
    /** The current step's index: -1 before the first shift, the plan's size once promoting. */
    int step = -1;
    /** The weight the new version has now. */
    double canaryPercent;
    /** The RevisionId the rollout last wrote (or resumed on): any other one is someone else's change. */
    String revision;
    Optional<Instant> stepStartedAt = Optional.empty();
    Optional<Instant> firstShiftAt = Optional.empty();
    Optional<Instant> holdingSince = Optional.empty();
    /** What an operator must do for the rollout to go on; empty while it runs by itself. */
    Optional<Awaiting> awaiting = Optional.empty();
    /** Why the latest decision stopped, paused or held the rollout; empty while it runs by itself. */
    Optional<Cause> cause = Optional.empty();
    /** Since when no evaluation could read the alias or the metrics; empty while they can. */
    Optional<Instant> unjudgedSince = Optional.empty();
    /** A foreign revision an abort refused to restore over and showed (journalled): the next abort may. */
    Optional<String> abortShown = Optional.empty();
    /** Where a resume goes back to. */
    RolloutState pausedFrom = RolloutState.PENDING;
    // The operator's say over the current step only: leaveStep() clears them.
    boolean bakeSkipped;
    boolean riskAccepted;
    boolean overridden;
    /** The operator let the step go on although the primary is failing too. */
    boolean primaryAccepted;
    /** The latest decision in one sentence. */
    String message = "";
    Verdict verdict;
    /** The health gates, from the first shift on; null before it. */
    Gates gates;

    Progress(Terms terms) {
        this.plan = terms.plan();
        this.revision = terms.baseline().revisionId();
        this.canaryPercent = com.lambdarelease.domain.Weight.percent(terms.baseline().split().weightOf(terms.target()));
        this.verdict = Verdict.none(terms.target(), terms.primary(), Math.log(1 / terms.settings().alpha()));
    }

    /** Moves on from the current step: the next one starts with no skip, accepted risk, override, hold or question. */
    void leaveStep() {
        bakeSkipped = false;
        riskAccepted = false;
        overridden = false;
        primaryAccepted = false;
        holdingSince = Optional.empty();
        awaiting = Optional.empty();
    }

    /** True when an unfinished rollout stands on a manual gate step. */
    boolean onGate(RolloutState state) {
        return step >= 0 && step < plan.steps().size() && plan.steps().get(step).kind() == RolloutPlan.Kind.GATE
                && !state.finished();
    }

    /** "step 2/9 (20% for 1 min)", as the snapshot says it. */
    String stepText() {
        return RolloutSnapshot.stepText(plan, step);
    }
}

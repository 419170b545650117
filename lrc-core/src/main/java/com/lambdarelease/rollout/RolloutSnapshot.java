package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasRoute;

import java.time.Instant;
import java.util.Optional;

/**
 * A rollout as it is now, for listeners (the console's Rollouts panel, the command line): what it
 * moves, where it is, what it waits for, and the "why" of its latest evaluation.
 *
 * @param baseline     the alias exactly as it was before the first shift: what a rollback restores
 * @param step         the current step's index (-1 before the first shift)
 * @param canaryPercent the weight the new version has now
 * @param awaitingOperator what an operator must do for it to go on (approve a gate, accept the risk of an
 *                     inconclusive hold, resume after a pause or a foreign change); empty while it runs by itself
 * @param cause        why the latest decision stopped, paused or held the rollout; empty while it runs by itself
 * @param message      the latest decision in one sentence
 */
public record RolloutSnapshot(String id, String function, String alias, String targetVersion, AliasRoute baseline,
                              RolloutPlan plan, RolloutState state, int step, double canaryPercent,
                              Optional<Instant> stepStartedAt, Optional<Awaiting> awaitingOperator, Optional<Cause> cause, String message,
                              Verdict verdict, Instant at) {

    public boolean finished() {
        return state.finished();
    }

    /** True when nothing more happens without an operator: paused, or held for approval or risk acceptance. */
    public boolean needsOperator() {
        return state == RolloutState.PAUSED || awaitingOperator.isPresent();
    }

    /** True when the operator is asked for {@code a}. */
    public boolean awaits(Awaiting a) {
        return awaitingOperator.filter(a::equals).isPresent();
    }

    /** "MyLambdaFunction:prod" */
    public String qualifiedName() {
        return function + ":" + alias;
    }

    /** "step 2/9 (20% for 1 min)" */
    public String stepText() {
        return stepText(plan, step);
    }

    /** The same words for a step the rollout is on now, before its snapshot is taken. */
    static String stepText(RolloutPlan plan, int step) {
        if (step < 0) {
            return "before the first step";
        }
        if (step >= plan.steps().size()) {
            return "promotion";
        }
        return "step " + (step + 1) + "/" + plan.steps().size() + " (" + plan.steps().get(step).describe() + ")";
    }
}

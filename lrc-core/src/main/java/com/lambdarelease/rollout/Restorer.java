package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.WriteOutcome;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Rolls one rollout back to its exact baseline (primary, routing, description) in one guarded
 * write, and answers for the alias when someone else changed it: a drift pauses, a resume takes the
 * alias as it is only while it still routes between the two versions, and an abort writes over a
 * foreign change only once the operator has been shown it.
 */
final class Restorer {

    private final Terms terms;
    private final Progress progress;
    private final StateMachine machine;
    private final RolloutAlias alias;
    private final Recorder recorder;
    /** A foreign revision this process's operator has been shown (a drift pause, a refused abort). */
    private Optional<String> shownForeign = Optional.empty();

    Restorer(Terms terms, Progress progress, StateMachine machine, RolloutAlias alias, Recorder recorder) {
        this.terms = terms;
        this.progress = progress;
        this.machine = machine;
        this.alias = alias;
        this.recorder = recorder;
    }

    /** The operator has been shown that the alias now holds {@code foreignRevision}: an abort may restore over it. */
    void shown(String foreignRevision) {
        shownForeign = Optional.of(foreignRevision);
    }

    /**
     * What to tell the operator when {@code now} is not the revision the rollout last wrote (they
     * are shown it with the pause that follows); empty when the alias is as the rollout left it.
     */
    Optional<String> changedBySomeoneElse(AliasRoute now) {
        if (now.revisionId().equals(progress.revision)) {
            return Optional.empty();
        }
        shown(now.revisionId());
        return Optional.of(terms.qualified() + " was changed by someone else: it now sends " + now.split().arrows()
                + " (revision " + now.revisionId() + "). The rollout paused; nothing was overwritten.");
    }

    /**
     * Before a resume on {@code now}: when someone else changed the alias but it still routes between
     * the two versions, the rollout goes on from it as it is; false (the message says why) when it no
     * longer does.
     */
    boolean resumableOn(AliasRoute now) {
        if (now.revisionId().equals(progress.revision)) {
            return true;
        }
        TrafficSplit s = now.split();
        boolean ours = s.primaryVersion().equals(terms.primary())
                && (s.canaryVersion().filter(terms.target()::equals).isPresent() || !s.isSplit());
        if (!ours) {
            progress.message = "Cannot resume: " + terms.qualified() + " now sends " + s.arrows()
                    + ", no longer a split between v" + terms.primary() + " and v" + terms.target()
                    + ". Abort to restore the baseline, or fix the alias.";
            return false;
        }
        progress.revision = now.revisionId(); // the operator resumes on the alias as it is now
        progress.canaryPercent = Weight.percent(s.weightOf(terms.target()));
        return true;
    }

    /**
     * Restores the baseline over {@code now} in one write. A change by someone else the operator has
     * not been shown pauses instead, saying what it is; a conflict during the write pauses too.
     */
    CompletableFuture<RolloutSnapshot> rollBack(AliasRoute now, String why, Cause cause) {
        return rollBack(now, why, cause, false);
    }

    /**
     * As {@link #rollBack(AliasRoute, String, Cause)}; {@code fromElsewhere} for an abort another process
     * asked for: its operator was shown a foreign change only by an abort that refused it (journalled).
     */
    CompletableFuture<RolloutSnapshot> rollBack(AliasRoute now, String why, Cause cause, boolean fromElsewhere) {
        RolloutState from = machine.state();
        if (from.finished() || !machine.transition(from, RolloutState.ROLLING_BACK)) {
            return recorder.unchanged();
        }
        AliasRoute baseline = terms.baseline();
        if (now.split().equals(baseline.split()) && now.description().equals(baseline.description())) {
            machine.transition(RolloutState.ROLLING_BACK, RolloutState.ROLLED_BACK);
            progress.cause = Optional.of(cause);
            progress.message = sentence(why) + " Rolled back: the alias already held its baseline (" + baseline.split().arrows() + ").";
            return CompletableFuture.completedFuture(machine.finish("rolled back"));
        }
        boolean foreign = !now.revisionId().equals(progress.revision);
        Optional<String> informed = fromElsewhere ? progress.abortShown : shownForeign.or(() -> progress.abortShown);
        if (foreign && informed.filter(now.revisionId()::equals).isEmpty()) {
            // A change nobody has shown the operator yet: show it first, and restore only on a second, informed abort.
            shown(now.revisionId());
            progress.abortShown = Optional.of(now.revisionId());
            progress.pausedFrom = from == RolloutState.PAUSED ? progress.pausedFrom : from;
            machine.transition(RolloutState.ROLLING_BACK, RolloutState.PAUSED);
            progress.awaiting = Optional.of(Awaiting.ABORT_OVER_FOREIGN_CHANGE);
            progress.cause = Optional.of(Cause.FOREIGN_CHANGE);
            progress.message = sentence(why) + " Not rolled back: " + terms.qualified() + " was changed by someone else since the rollout's"
                    + " last write; it now sends " + now.split().arrows() + " (revision " + now.revisionId()
                    + "). Nothing was overwritten.";
            return CompletableFuture.completedFuture(recorder.publishState("pause"));
        }
        String over = foreign ? " over the change by someone else (revision " + now.revisionId() + ")" : "";
        return alias.write(AliasChange.update(now, baseline.split(), baseline.description())).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied) {
                progress.cause = Optional.of(cause);
                progress.canaryPercent = Weight.percent(baseline.split().weightOf(terms.target()));
                machine.transition(RolloutState.ROLLING_BACK, RolloutState.ROLLED_BACK);
                progress.message = sentence(why) + " Rolled back: " + restored() + over + ".";
                return machine.finish("rolled back");
            }
            if (outcome instanceof WriteOutcome.Conflict c) {
                progress.pausedFrom = RolloutState.BAKING;
                machine.transition(RolloutState.ROLLING_BACK, RolloutState.PAUSED);
                progress.awaiting = Optional.of(Awaiting.ROLLBACK_CONFLICT);
                progress.cause = Optional.of(Cause.FOREIGN_CHANGE);
                progress.message = sentence(why) + " The roll back was not sent over a foreign change: " + c.message();
                return recorder.publishState("conflict");
            }
            machine.transition(RolloutState.ROLLING_BACK, RolloutState.FAILED);
            progress.cause = Optional.of(Cause.WRITE_NOT_APPLIED);
            progress.message = sentence(why) + " The roll back failed: " + outcome.message() + " " + holding(now);
            return machine.finish("failed");
        });
    }

    /** What the alias holds when a roll back could not be sent: exactly what it was read as. */
    String holding(AliasRoute now) {
        return terms.qualified() + " still sends " + now.split().arrows() + " (revision " + now.revisionId()
                + "); restore " + terms.baseline().split().arrows() + " by hand.";
    }

    /** "restored 100% → v3 — “Live traffic”; provisioned concurrency {…} was never changed" */
    private String restored() {
        AliasRoute baseline = terms.baseline();
        String description = baseline.description().isBlank() ? "" : " — “" + baseline.description() + "”";
        return "restored " + baseline.split().arrows() + description + terms.baselineProvisioned()
                .map(pc -> pc.isEmpty() ? "" : "; provisioned concurrency " + pc + " was never changed").orElse("");
    }

    /** {@code text} as a sentence: a full stop added unless it already ends in one. */
    static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }
}

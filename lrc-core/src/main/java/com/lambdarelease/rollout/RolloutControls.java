package com.lambdarelease.rollout;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Applies an operator's {@link Control} to one rollout, the same way whoever gives it: the console's
 * panel, the command line driving it, or another process through a request in the journal (then
 * {@code from} names who asked). Every control is journalled with its reason. Runs inside the
 * rollout's one sequence of evaluations and controls.
 */
final class RolloutControls {

    private final Terms terms;
    private final Progress progress;
    private final StateMachine machine;
    private final RolloutAlias alias;
    private final Shifter shifter;
    private final Restorer restorer;
    private final Recorder recorder;
    private final Clock clock;
    private final Supplier<CompletableFuture<RolloutSnapshot>> evaluate;

    RolloutControls(Terms terms, Progress progress, StateMachine machine, RolloutAlias alias, Shifter shifter,
                    Restorer restorer, Recorder recorder, Clock clock,
                    Supplier<CompletableFuture<RolloutSnapshot>> evaluate) {
        this.terms = terms;
        this.progress = progress;
        this.machine = machine;
        this.alias = alias;
        this.shifter = shifter;
        this.restorer = restorer;
        this.recorder = recorder;
        this.clock = clock;
        this.evaluate = evaluate;
    }

    /**
     * Applies {@code control}; {@code from} is who asked when the request came through the journal
     * from another process (empty for this process's own operator, who sees what the rollout shows).
     */
    CompletableFuture<RolloutSnapshot> apply(Control control, String reason, Optional<String> from) {
        String said = from.map(who -> (reason.isBlank() ? "" : reason + " ") + "(from " + who + ")").orElse(reason);
        if (control.needsReason() && reason.isBlank()) {
            progress.message = "A" + (control == Control.OVERRIDE ? "n override" : "ccepting the risk")
                    + " needs a reason; nothing was done.";
            return recorder.unchanged();
        }
        if (machine.state().finished()) {
            progress.message = "The rollout is " + machine.state().words() + "; there is nothing to " + control.word() + ".";
            return recorder.unchanged();
        }
        if (progress.awaiting.filter(a -> a == Awaiting.TAKEN_OVER).isPresent()) {
            progress.message = "Another console drives this rollout now; nothing was done here. Act on it there, or take it "
                    + "over once its driver has stopped.";
            return recorder.unchanged();
        }
        return switch (control) {
            case PAUSE -> pause(said);
            case RESUME -> resume();
            case SKIP -> skip(said);
            case APPROVE -> approve(said);
            case ACCEPT_RISK -> acceptRisk(said);
            case OVERRIDE -> override(said);
            case ABORT -> abort(said, from.isPresent());
        };
    }

    /** Sends {@code percent} to the new version now (one write); the current step's bake starts again. */
    CompletableFuture<RolloutSnapshot> setWeight(double percent) {
        RolloutPlan.Step checked = RolloutPlan.Step.shift(percent, java.time.Duration.ZERO); // refuses 0, 100, off-grid
        if (machine.state().finished()) {
            return recorder.unchanged();
        }
        recorder.control("set-weight", Shifter.percentText(checked.percent()));
        return alias.read().thenCompose(now -> shifter.shift(now, checked.percent(), "The operator set the weight"));
    }

    private CompletableFuture<RolloutSnapshot> pause(String reason) {
        pauseNow("Paused by the operator" + (reason.isBlank() ? "." : ": " + reason), Awaiting.RESUME, Cause.OPERATOR);
        recorder.control(Control.PAUSE.word(), reason);
        return recorder.unchanged();
    }

    /** After a foreign change, only if the alias still routes between the two versions. */
    private CompletableFuture<RolloutSnapshot> resume() {
        if (machine.state() != RolloutState.PAUSED) {
            return recorder.unchanged();
        }
        return alias.read().thenApply(now -> {
            if (!restorer.resumableOn(now)) {
                return recorder.publishState("resume refused");
            }
            RolloutState back = switch (progress.pausedFrom) {
                case PENDING -> RolloutState.PENDING;
                case HOLDING -> RolloutState.HOLDING;
                default -> RolloutState.BAKING;
            };
            machine.transition(RolloutState.PAUSED, back);
            progress.awaiting = Optional.empty();
            progress.cause = Optional.empty();
            progress.unjudgedSince = Optional.empty();
            progress.message = "Resumed by the operator.";
            recorder.control(Control.RESUME.word(), "");
            return recorder.publishState("resume");
        });
    }

    private CompletableFuture<RolloutSnapshot> skip(String reason) {
        progress.bakeSkipped = true;
        progress.message = "The operator skipped the rest of the bake of " + progress.stepText() + ".";
        recorder.control(Control.SKIP.word(), reason);
        return evaluate.get();
    }

    /**
     * On a manual gate that waits for approval: passes it. On an inconclusive hold that asks: accepts
     * its risk. Otherwise (a pause, a conflict, nothing waiting): says so and changes nothing.
     */
    private CompletableFuture<RolloutSnapshot> approve(String reason) {
        if (machine.state() == RolloutState.HOLDING && progress.onGate(machine.state())
                && progress.awaiting.filter(Awaiting.GATE_APPROVAL::equals).isPresent()) {
            recorder.control(Control.APPROVE.word(), reason);
            progress.awaiting = Optional.empty();
            return alias.read().thenCompose(shifter::advance);
        }
        if (progress.awaiting.filter(Awaiting.RISK_ACCEPTANCE::equals).isPresent()) {
            return acceptRisk(reason.isBlank() ? "approved" : reason);
        }
        if (progress.awaiting.filter(Awaiting.PRIMARY_INCIDENT::equals).isPresent()) {
            progress.primaryAccepted = true;
            progress.awaiting = Optional.empty();
            if (progress.gates != null) {
                progress.gates.restartPrimaryWatch();
            }
            recorder.control(Control.APPROVE.word(), reason);
            progress.message = "The operator lets the rollout go on although the primary is failing too: " + reason;
            return evaluate.get();
        }
        progress.message = "Nothing waits for approval (" + progress.stepText() + ", " + machine.state().words()
                + progress.awaiting.map(a -> ": " + a.words()).orElse("") + ").";
        return recorder.unchanged();
    }

    /** Ends an inconclusive hold: the operator accepts promoting on less evidence than the rule asks (recorded). */
    private CompletableFuture<RolloutSnapshot> acceptRisk(String reason) {
        progress.riskAccepted = true;
        progress.awaiting = Optional.empty();
        recorder.control(Control.ACCEPT_RISK.word(), reason);
        progress.message = "The operator accepted the risk of too little evidence: " + reason;
        return evaluate.get();
    }

    /** Lets the rollout go on while a gate fails, for the rest of this step: the error test starts again. */
    private CompletableFuture<RolloutSnapshot> override(String reason) {
        progress.overridden = true;
        if (progress.gates != null) {
            progress.gates.restartErrorTest(clock.instant());
        }
        recorder.control(Control.OVERRIDE.word(), reason);
        progress.message = "The operator overrode the failing gate: " + reason;
        if (machine.state() == RolloutState.PAUSED && progress.pausedFrom != RolloutState.PENDING
                && progress.awaiting.filter(Awaiting::overridable).isPresent()) {
            machine.transition(RolloutState.PAUSED, RolloutState.BAKING);
            progress.awaiting = Optional.empty();
            progress.cause = Optional.empty();
        }
        return CompletableFuture.completedFuture(recorder.publishState("override"));
    }

    /**
     * Rolls back now. A request from another process restores over a change by someone else only
     * once an abort has shown that change (its pause is journalled); this process's operator has
     * also been shown a change that paused the rollout.
     */
    private CompletableFuture<RolloutSnapshot> abort(String reason, boolean fromElsewhere) {
        recorder.control(Control.ABORT.word(), reason);
        return alias.read().thenCompose(now -> restorer.rollBack(now, "Aborted by the operator"
                + (reason.isBlank() ? "" : ": " + reason), Cause.OPERATOR, fromElsewhere));
    }

    /** Pauses (or, already paused, asks anew): shifting stops, the gates go on judging. */
    void pauseNow(String why, Awaiting whatNext, Cause cause) {
        RolloutState s = machine.state();
        progress.message = why;
        if (s.finished()) {
            return;
        }
        if (s != RolloutState.PAUSED) {
            progress.pausedFrom = s;
            machine.transition(s, RolloutState.PAUSED);
        }
        progress.awaiting = Optional.of(whatNext);
        progress.cause = Optional.of(cause);
        recorder.publishState("pause");
    }
}

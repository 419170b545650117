package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.ReleaseSession;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One progressive rollout of a new version behind an alias: a state machine whose transitions are
 * compare-and-set ({@link RolloutState}), driven by {@link #evaluate()} (one alias read and one
 * GetMetricData call, then at most one write through the release core's alias writer) and by the
 * operator's controls. Evaluations and controls run one after another, never at once. Listeners
 * are told of every new snapshot on the executor given to the engine (the FX thread in the console).
 *
 * <p>Every weight change is one guarded write; a {@code Conflict} (or a foreign change seen while
 * baking) pauses, never retries. Roll back restores the alias exactly as it was before the first
 * shift (primary, routing, description) in one write guarded by the RevisionId last written.
 * Every transition goes to the release journal.
 *
 * <p>This class holds the state and the operator's controls, and wires the parts, which share one
 * {@code Progress}: {@code Decider} turns an evaluation into a {@code Decision}, {@code Shifter}
 * moves along the plan, {@code Restorer} rolls back and answers for changes by someone else,
 * {@code Recorder} writes the journal and the snapshot, and {@code RolloutAlias} is their one way to
 * the alias. They move the state only through {@code StateMachine}.
 */
public final class Rollout {

    private final Terms terms;
    private final Clock clock;
    private final Runnable onFinished;
    private final AtomicReference<RolloutState> state;
    private final Progress progress;
    private final Recorder recorder;
    private final StateMachine machine = new Machine();
    private final RolloutAlias alias;
    private final Restorer restorer;
    private final Shifter shifter;
    private final Decider decider;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    Rollout(String id, AliasRoute baseline, Optional<Map<String, Integer>> baselineProvisioned, String target,
            RolloutPlan plan, RolloutSettings settings, ReleaseSession session, RolloutJournal journal, Clock clock,
            Executor listenerExecutor, Runnable onFinished, RolloutState initial) {
        this.terms = new Terms(id, baseline, baselineProvisioned, target, plan, settings);
        this.clock = clock;
        this.onFinished = onFinished;
        this.state = new AtomicReference<>(initial);
        this.progress = new Progress(terms);
        this.recorder = new Recorder(terms, progress, state::get, journal, clock, session.services().who(),
                listenerExecutor);
        this.alias = new RolloutAlias(session, baseline, progress);
        this.restorer = new Restorer(terms, progress, machine, alias, recorder);
        this.shifter = new Shifter(terms, progress, machine, alias, recorder, clock);
        this.decider = new Decider(terms, progress, session.services().metrics(), clock);
    }

    // ---- public API -------------------------------------------------------------------------

    public String id() {
        return terms.id();
    }

    /** The rollout as it is now. */
    public RolloutSnapshot snapshot() {
        return recorder.snapshot();
    }

    /** Tells {@code listener} of every new snapshot, on the engine's listener executor; run the result to stop. */
    public Runnable subscribe(Consumer<RolloutSnapshot> listener) {
        return recorder.subscribe(listener);
    }

    /**
     * One evaluation: applies requests other processes left in the journal, reads the alias (a
     * foreign change pauses), reads the metrics in one GetMetricData call, judges the gates and,
     * when due, makes the next write (first shift, next step, promotion or roll back).
     */
    public CompletableFuture<RolloutSnapshot> evaluate() {
        return serial(this::evaluateNow);
    }

    /** Stops automatic progress; the alias keeps its current split. */
    public CompletableFuture<RolloutSnapshot> pause(String reason) {
        return serial(() -> {
            pauseNow("Paused by the operator" + (reason.isBlank() ? "." : ": " + reason), "resume or abort");
            recorder.control("pause", reason);
            return recorder.unchanged();
        });
    }

    /** Goes on after a pause; after a foreign change, only if the alias still routes between the two versions. */
    public CompletableFuture<RolloutSnapshot> resume() {
        return serial(() -> {
            if (state.get() != RolloutState.PAUSED) {
                return recorder.unchanged();
            }
            return alias.read().thenApply(now -> {
                if (!restorer.resumableOn(now)) {
                    return recorder.publishState("resume refused");
                }
                RolloutState back = progress.pausedFrom == RolloutState.PENDING ? RolloutState.PENDING
                        : progress.pausedFrom == RolloutState.HOLDING ? RolloutState.HOLDING : RolloutState.BAKING;
                machine.transition(RolloutState.PAUSED, back);
                progress.awaiting = Optional.empty();
                progress.message = "Resumed by the operator.";
                recorder.control("resume", "");
                return recorder.publishState("resume");
            });
        });
    }

    /** Ends the current step's bake (and its wait for final data) now; the evidence rule still applies. */
    public CompletableFuture<RolloutSnapshot> skipBake() {
        return serial(() -> skipNow(""));
    }

    private CompletableFuture<RolloutSnapshot> skipNow(String reason) {
        progress.bakeSkipped = true;
        progress.message = "The operator skipped the rest of the bake of " + progress.stepText() + ".";
        recorder.control("skip", reason);
        return evaluateNow();
    }

    /** Lets a manual gate step pass. */
    public CompletableFuture<RolloutSnapshot> approveGate() {
        return serial(() -> {
            if (!onGate()) {
                progress.message = "There is no manual gate waiting (" + progress.stepText() + ").";
                return recorder.unchanged();
            }
            recorder.control("approve", "");
            progress.awaiting = Optional.empty();
            return alias.read().thenCompose(shifter::advance);
        });
    }

    /** Ends an inconclusive hold: the operator accepts promoting on less evidence than the rule asks (recorded). */
    public CompletableFuture<RolloutSnapshot> acceptRisk(String reason) {
        return serial(() -> {
            progress.riskAccepted = true;
            recorder.control("accept-risk", reason);
            progress.message = "The operator accepted the risk of too little evidence: " + reason;
            return evaluateNow();
        });
    }

    /** Lets the rollout go on while a gate fails, for the rest of this step (recorded with the reason). */
    public CompletableFuture<RolloutSnapshot> overrideGate(String reason) {
        return serial(() -> overrideNow(reason));
    }

    private CompletableFuture<RolloutSnapshot> overrideNow(String reason) {
        if (reason == null || reason.isBlank()) {
            progress.message = "An override needs a reason.";
            return recorder.unchanged();
        }
        progress.overridden = true;
        if (progress.gates != null) {
            progress.gates.restartErrorTest(clock.instant());
        }
        recorder.control("override", reason);
        progress.message = "The operator overrode the failing gate: " + reason;
        if (state.get() == RolloutState.PAUSED && progress.pausedFrom != RolloutState.PENDING) {
            machine.transition(RolloutState.PAUSED, RolloutState.BAKING);
            progress.awaiting = Optional.empty();
        }
        return CompletableFuture.completedFuture(recorder.publishState("override"));
    }

    /**
     * True when another process has asked this rollout for a control it has not acted on yet (a
     * foreground driver evaluates at once rather than at its next half minute). Blocking I/O.
     */
    public boolean requestsWaiting() {
        return recorder.requestsWaiting();
    }

    /** Sends {@code percent} to the new version now (one write); the current step's bake starts again. */
    public CompletableFuture<RolloutSnapshot> setWeight(double percent) {
        return serial(() -> {
            RolloutPlan.Step checked = RolloutPlan.Step.shift(percent, Duration.ZERO); // refuses 0, 100, off-grid
            if (state.get().finished()) {
                return recorder.unchanged();
            }
            recorder.control("set-weight", Shifter.percentText(checked.percent()));
            return alias.read().thenCompose(now -> shifter.shift(now, checked.percent(), "The operator set the weight"));
        });
    }

    /** Rolls back now: restores the baseline exactly, in one guarded write. */
    public CompletableFuture<RolloutSnapshot> abort(String reason) {
        return serial(() -> {
            recorder.control("abort", reason);
            return alias.read().thenCompose(now -> restorer.rollBack(now, "Aborted by the operator"
                    + (reason.isBlank() ? "" : ": " + reason)));
        });
    }

    // ---- evaluation ---------------------------------------------------------------------------

    private CompletableFuture<RolloutSnapshot> evaluateNow() {
        if (state.get().finished()) {
            return recorder.unchanged();
        }
        CompletableFuture<RolloutSnapshot> requests = applyRequests();
        if (requests != null) {
            return requests;
        }
        return alias.read().thenCompose(now -> {
            RolloutState s = state.get();
            if (s == RolloutState.PENDING) {
                return shifter.advance(now);
            }
            Optional<String> foreign = s == RolloutState.PAUSED ? Optional.empty() : restorer.changedBySomeoneElse(now);
            if (foreign.isPresent()) {
                pauseNow(foreign.get(), Restorer.AFTER_FOREIGN_CHANGE);
                return recorder.unchanged();
            }
            return decider.judge().thenCompose(v -> act(now, decider.decide(state.get(), v)));
        });
    }

    /** Carries out what the decider made of an evaluation of {@code now}. */
    private CompletableFuture<RolloutSnapshot> act(AliasRoute now, Decision d) {
        return switch (d.next()) {
            case STAY -> recorder.unchanged();
            case ADVANCE -> shifter.advance(now);
            case ROLL_BACK -> restorer.rollBack(now, d.message());
            case PAUSE -> {
                pauseNow(d.message(), d.awaiting().orElseThrow());
                yield recorder.unchanged();
            }
            case WAIT -> {
                progress.message = d.message();
                yield CompletableFuture.completedFuture(recorder.publishState("verdict"));
            }
            case HOLD -> {
                RolloutState s = state.get();
                if (s != RolloutState.HOLDING) {
                    machine.transition(s, RolloutState.HOLDING);
                    progress.holdingSince = d.holdingSince();
                }
                progress.message = d.message();
                d.awaiting().ifPresent(a -> progress.awaiting = Optional.of(a));
                yield CompletableFuture.completedFuture(recorder.publishState("hold"));
            }
        };
    }

    /** Controls another process left in the journal for this rollout; applied in order, each once. */
    private CompletableFuture<RolloutSnapshot> applyRequests() {
        Optional<ObjectNode> taken = recorder.takeRequest();
        if (taken.isEmpty()) {
            return null;
        }
        ObjectNode r = taken.get();
        String given = r.path("reason").asText("");
        String reason = given + " (from " + r.path("who").asText("another process") + ")";
        return switch (r.path("control").asText()) {
            case "skip" -> skipNow(reason);
            case "override" -> given.isBlank() ? evaluateNow() : overrideNow(reason);
            case "pause" -> {
                pauseNow("Paused by the operator: " + reason, "resume or abort");
                recorder.control("pause", reason);
                yield recorder.unchanged();
            }
            case "resume" -> resumeNowFromRequest(); // already inside serial(): not queued again
            case "approve" -> {
                if (!onGate()) {
                    progress.riskAccepted = true; // approving an inconclusive hold is accepting its risk
                }
                recorder.control("approve", reason);
                progress.awaiting = Optional.empty();
                yield alias.read().thenCompose(onGate() ? shifter::advance : now -> evaluateNow());
            }
            case "abort" -> {
                recorder.control("abort", reason);
                yield alias.read().thenCompose(now -> restorer.rollBack(now, "Aborted by the operator: " + reason));
            }
            default -> evaluateNow();
        };
    }

    private CompletableFuture<RolloutSnapshot> resumeNowFromRequest() {
        if (state.get() == RolloutState.PAUSED) {
            RolloutState back = progress.pausedFrom == RolloutState.PENDING ? RolloutState.PENDING : RolloutState.BAKING;
            return alias.read().thenApply(now -> {
                progress.revision = now.revisionId();
                machine.transition(RolloutState.PAUSED, back);
                progress.awaiting = Optional.empty();
                recorder.control("resume", "");
                progress.message = "Resumed by the operator.";
                return recorder.publishState("resume");
            });
        }
        return recorder.unchanged();
    }

    // ---- state ----------------------------------------------------------------------------------

    private void pauseNow(String why, String whatNext) {
        RolloutState s = state.get();
        if (s.finished() || s == RolloutState.PAUSED) {
            progress.message = why;
            return;
        }
        progress.pausedFrom = s;
        machine.transition(s, RolloutState.PAUSED);
        progress.awaiting = Optional.of(whatNext);
        progress.message = why;
        recorder.publishState("pause");
    }

    private boolean onGate() {
        return progress.onGate(state.get());
    }

    /** The state machine: this rollout's moves, and every part's, go through its one compare-and-set. */
    private final class Machine implements StateMachine {
        @Override
        public RolloutState state() {
            return state.get();
        }

        @Override
        public boolean transition(RolloutState from, RolloutState to) {
            if (!from.canBecome(to)) {
                throw new IllegalStateException("A rollout cannot go from " + from + " to " + to);
            }
            return state.compareAndSet(from, to);
        }

        @Override
        public RolloutSnapshot finish(String event) {
            RolloutSnapshot s = recorder.publishState(event);
            onFinished.run();
            return s;
        }
    }

    /** Runs {@code op} after every earlier evaluation and control; a failure reaches the caller's future only. */
    private synchronized CompletableFuture<RolloutSnapshot> serial(Supplier<CompletableFuture<RolloutSnapshot>> op) {
        CompletableFuture<RolloutSnapshot> next = tail.handle((x, e) -> null).thenCompose(x -> {
            try {
                return op.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        tail = next;
        return next;
    }

    // ---- for the engine: start and recovery ------------------------------------------------------

    /** For the journal's started record. */
    ObjectNode startedRecord(String connection) {
        return recorder.startedRecord(connection);
    }

    /** Journals the state with the progress a restart needs, then tells the listeners (a recovery). */
    RolloutSnapshot publishState(String event) {
        return recorder.publishState(event);
    }

    /** The operator has been shown that the alias now holds {@code foreignRevision}: an abort may restore over it. */
    void foreignChangeShown(String foreignRevision) {
        restorer.shown(foreignRevision);
    }

    /** Puts the progress a journal recorded back (a restart). */
    void restore(ObjectNode last, RolloutState as, String why, Optional<String> awaitingNow) {
        recorder.readBack(last, why, awaitingNow);
        state.set(as);
    }
}

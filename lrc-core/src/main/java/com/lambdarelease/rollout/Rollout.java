package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.Problems;
import com.lambdarelease.release.ReleaseSession;

import java.time.Clock;
import java.time.Instant;
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
    private final Runnable heartbeat;
    /** Given the revision the rollout last wrote: whether another console holds its lease now (renewing it when due). */
    private final java.util.function.Function<String, CompletableFuture<Optional<String>>> leaseLost;
    private final AtomicReference<RolloutState> state;
    private final Progress progress;
    private final Recorder recorder;
    private final StateMachine machine = new Machine();
    private final RolloutAlias alias;
    private final Restorer restorer;
    private final Shifter shifter;
    private final Decider decider;
    private final RolloutControls controls;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    Rollout(String id, AliasRoute baseline, Optional<Map<String, Integer>> baselineProvisioned, String target,
            RolloutPlan plan, RolloutSettings settings, ReleaseSession session, RolloutJournal journal, Clock clock,
            Executor listenerExecutor, Runnable onFinished, Runnable heartbeat,
            java.util.function.Function<String, CompletableFuture<Optional<String>>> leaseLost, RolloutState initial) {
        this.terms = new Terms(id, baseline, baselineProvisioned, target, plan, settings);
        this.clock = clock;
        this.onFinished = onFinished;
        this.heartbeat = heartbeat;
        this.leaseLost = leaseLost;
        this.state = new AtomicReference<>(initial);
        this.progress = new Progress(terms);
        this.recorder = new Recorder(terms, progress, state::get, journal, clock, session.who(),
                listenerExecutor);
        this.alias = new RolloutAlias(session, baseline, progress);
        this.restorer = new Restorer(terms, progress, machine, alias, recorder);
        this.shifter = new Shifter(terms, progress, machine, alias, recorder, clock);
        this.decider = new Decider(terms, progress, session.services().metrics(), clock);
        this.controls = new RolloutControls(terms, progress, machine, alias, shifter, restorer, recorder, clock,
                this::evaluateNow);
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

    /** Applies an operator's control, as the panel, the command line and the journal's requests all do. */
    public CompletableFuture<RolloutSnapshot> control(Control control, String reason) {
        return serial(() -> controls.apply(control, reason, Optional.empty()));
    }

    /** Stops shifting; the alias keeps its current split and the gates go on judging. */
    public CompletableFuture<RolloutSnapshot> pause(String reason) {
        return control(Control.PAUSE, reason);
    }

    /** Goes on after a pause; after a foreign change, only if the alias still routes between the two versions. */
    public CompletableFuture<RolloutSnapshot> resume() {
        return control(Control.RESUME, "");
    }

    /** Ends the current step's bake (and its wait for final data) now; the evidence rule still applies. */
    public CompletableFuture<RolloutSnapshot> skipBake() {
        return control(Control.SKIP, "");
    }

    /** Lets a manual gate step pass (or accepts the risk of an inconclusive hold that asks for it). */
    public CompletableFuture<RolloutSnapshot> approveGate() {
        return control(Control.APPROVE, "");
    }

    /** Ends an inconclusive hold: the operator accepts promoting on less evidence than the rule asks (recorded). */
    public CompletableFuture<RolloutSnapshot> acceptRisk(String reason) {
        return control(Control.ACCEPT_RISK, reason);
    }

    /** Lets the rollout go on while a gate fails, for the rest of this step (recorded with the reason). */
    public CompletableFuture<RolloutSnapshot> overrideGate(String reason) {
        return control(Control.OVERRIDE, reason);
    }

    /** Rolls back now: restores the baseline exactly, in one guarded write. */
    public CompletableFuture<RolloutSnapshot> abort(String reason) {
        return control(Control.ABORT, reason);
    }

    /** Sends {@code percent} to the new version now (one write); the current step's bake starts again. */
    public CompletableFuture<RolloutSnapshot> setWeight(double percent) {
        return serial(() -> controls.setWeight(percent));
    }

    /**
     * A rollout recovered after its driver stopped ({@code since}: its last heartbeat) waits for an
     * operator instead of driving on by itself: "no driver since 12:07", resume or abort. Nothing
     * is written to the alias; the gates judge while it waits.
     */
    public CompletableFuture<RolloutSnapshot> holdUndriven(Instant since) {
        return serial(() -> {
            RolloutState s = state.get();
            if (s.finished() || s == RolloutState.PAUSED) {
                return recorder.unchanged();
            }
            controls.pauseNow("No driver since " + Gates.seconds(since) + ": the rollout waits for an operator, at "
                    + Shifter.percentText(progress.canaryPercent) + " to v" + terms.target() + ".", Awaiting.DRIVER_LOST,
                    Cause.OPERATOR);
            return recorder.unchanged();
        });
    }

    /**
     * True when another process has asked this rollout for a control it has not acted on yet (a
     * foreground driver evaluates at once rather than at its next round). Blocking I/O.
     */
    public boolean requestsWaiting() {
        return recorder.requestsWaiting();
    }

    // ---- evaluation ---------------------------------------------------------------------------

    private CompletableFuture<RolloutSnapshot> evaluateNow() {
        if (state.get().finished()) {
            return recorder.unchanged();
        }
        heartbeat.run();
        if (progress.awaiting.filter(a -> a == Awaiting.TAKEN_OVER).isPresent()) {
            return recorder.unchanged(); // another console drives it: nothing more from here
        }
        return leaseLost.apply(progress.revision).thenCompose(lost -> {
            if (lost.isPresent()) {
                controls.pauseNow(lost.get(), Awaiting.TAKEN_OVER, Cause.OPERATOR);
                return recorder.unchanged();
            }
            // A write this evaluation made reaches the lease at once: a console taking over goes on from it.
            return evaluateLeased().thenCompose(snapshot -> leaseLost.apply(progress.revision).handle((l, e) -> snapshot));
        });
    }

    /** An evaluation by the lease's holder. */
    private CompletableFuture<RolloutSnapshot> evaluateLeased() {
        Optional<ObjectNode> request = recorder.takeRequest();
        if (request.isPresent()) {
            ObjectNode r = request.get();
            Optional<Control> control = Control.ofWord(r.path("control").asText());
            if (control.isPresent()) {
                return controls.apply(control.get(), r.path("reason").asText(""),
                        Optional.of(r.path("who").asText("another process")));
            }
        }
        CompletableFuture<RolloutSnapshot> judged = alias.read().thenCompose(now -> {
            RolloutState s = state.get();
            if (s == RolloutState.PENDING) {
                return shifter.advance(now);
            }
            Optional<String> foreign = s == RolloutState.PAUSED ? Optional.empty() : restorer.changedBySomeoneElse(now);
            if (foreign.isPresent()) {
                controls.pauseNow(foreign.get(), Awaiting.FOREIGN_CHANGE, Cause.FOREIGN_CHANGE);
                return recorder.unchanged();
            }
            return decider.judge().thenCompose(v -> {
                progress.unjudgedSince = Optional.empty();
                progress.cause = progress.cause.filter(c -> c != Cause.UNJUDGED);
                return act(now, decider.decide(state.get(), v));
            });
        });
        return judged.handle((snapshot, e) -> e == null ? CompletableFuture.completedFuture(snapshot) : unjudged(e))
                .thenCompose(f -> f);
    }

    /**
     * The alias or the metrics could not be read (after the retries): the canary goes unjudged. Within
     * the settings' limit the rollout says so and tries again at the next evaluation; past it, it stops
     * depending on the canary: restores the baseline (or pauses, if the operator chose that at start).
     */
    private CompletableFuture<RolloutSnapshot> unjudged(Throwable e) {
        Instant t = clock.instant();
        Instant since = progress.unjudgedSince.orElse(t);
        boolean first = progress.unjudgedSince.isEmpty();
        progress.unjudgedSince = Optional.of(since);
        RolloutSettings settings = terms.settings();
        Instant limit = since.plus(settings.unjudgedLimit());
        String aws = Problems.describe(e);
        String what = "v" + terms.target() + " could not be judged since " + Gates.seconds(since) + ": " + aws;
        if (t.isBefore(limit) || state.get().finished()) {
            if (progress.awaiting.isEmpty()) {
                progress.cause = Optional.of(Cause.UNJUDGED);
            }
            progress.message = Restorer.sentence(what) + " Trying again; at " + Gates.seconds(limit) + " the rollout "
                    + (settings.rollbackWhenUnjudged() ? "restores the baseline" : "pauses") + " if it still cannot.";
            return CompletableFuture.completedFuture(recorder.publishState(first ? "unjudged" : "verdict"));
        }
        String why = Restorer.sentence(what) + " Unjudged for longer than " + RolloutPlan.minutes(settings.unjudgedLimit()) + ".";
        if (!settings.rollbackWhenUnjudged()) {
            controls.pauseNow(why, Awaiting.UNJUDGED, Cause.UNJUDGED);
            return recorder.unchanged();
        }
        if (state.get() == RolloutState.PENDING || progress.firstShiftAt.isEmpty()) {
            machine.transition(state.get(), RolloutState.ROLLING_BACK);
            machine.transition(RolloutState.ROLLING_BACK, RolloutState.ROLLED_BACK);
            progress.cause = Optional.of(Cause.UNJUDGED);
            progress.message = why + " Nothing was shifted: " + terms.qualified() + " was never changed.";
            return CompletableFuture.completedFuture(machine.finish("rolled back"));
        }
        return alias.read().thenCompose(now -> restorer.rollBack(now, why, Cause.UNJUDGED)).exceptionally(e2 -> {
            // The restore itself could not be sent: say exactly what the alias holds, as last written.
            RolloutState s = state.get();
            if (!s.finished() && s.canBecome(RolloutState.FAILED)) {
                machine.transition(s, RolloutState.FAILED);
            }
            progress.cause = Optional.of(Cause.UNJUDGED);
            progress.message = why + " The roll back could not be sent either: " + Problems.describe(e2) + " "
                    + terms.qualified() + " holds what the rollout last wrote: " + lastWritten() + " (revision "
                    + progress.revision + "); restore " + terms.baseline().split().arrows() + " by hand.";
            return machine.finish("failed");
        });
    }

    /** The split the rollout's last applied write left on the alias. */
    private String lastWritten() {
        return progress.firstShiftAt.isEmpty() ? terms.baseline().split().arrows()
                : TrafficSplit.canary(terms.primary(), terms.target(), Weight.toAws(progress.canaryPercent)).arrows();
    }

    /** Carries out what the decider made of an evaluation of {@code now}. */
    private CompletableFuture<RolloutSnapshot> act(AliasRoute now, Decision d) {
        return switch (d.next()) {
            case STAY -> recorder.unchanged();
            case ADVANCE -> shifter.advance(now);
            case ROLL_BACK -> restorer.rollBack(now, d.message(), d.cause().orElseThrow());
            case PAUSE -> {
                controls.pauseNow(d.message(), d.awaiting().orElseThrow(), d.cause().orElseThrow());
                yield recorder.unchanged();
            }
            case WAIT -> {
                progress.message = d.message();
                progress.cause = Optional.empty();
                yield CompletableFuture.completedFuture(recorder.publishState("verdict"));
            }
            case HOLD -> {
                RolloutState s = state.get();
                if (s != RolloutState.HOLDING) {
                    machine.transition(s, RolloutState.HOLDING);
                    progress.holdingSince = d.holdingSince();
                }
                progress.message = d.message();
                progress.cause = d.cause();
                d.awaiting().ifPresent(a -> progress.awaiting = Optional.of(a));
                yield CompletableFuture.completedFuture(recorder.publishState("hold"));
            }
        };
    }

    // ---- state ----------------------------------------------------------------------------------

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
    void restore(ObjectNode last, RolloutState as, String why, Optional<Awaiting> awaitingNow) {
        recorder.readBack(last, why, awaitingNow);
        state.set(as);
    }
}

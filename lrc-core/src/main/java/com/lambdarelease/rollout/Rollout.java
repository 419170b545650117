package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.ReleaseSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 */
public final class Rollout {

    private static final Set<LambdaMetric> METRICS = Set.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS,
            LambdaMetric.THROTTLES, LambdaMetric.DURATION_AVERAGE, LambdaMetric.DURATION_P99);

    private final Terms terms;
    private final AliasRoute baseline;
    private final String target;
    private final RolloutPlan plan;
    private final RolloutSettings settings;
    private final ReleaseSession session;
    private final Clock clock;
    private final Runnable onFinished;
    private final AtomicReference<RolloutState> state;
    private final Progress progress;
    private final Recorder recorder;
    private final StateMachine machine = new Machine();
    private final RolloutAlias alias;
    private final Restorer restorer;
    private final Shifter shifter;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    Rollout(String id, AliasRoute baseline, Optional<Map<String, Integer>> baselineProvisioned, String target,
            RolloutPlan plan, RolloutSettings settings, ReleaseSession session, RolloutJournal journal, Clock clock,
            Executor listenerExecutor, Runnable onFinished, RolloutState initial) {
        this.terms = new Terms(id, baseline, baselineProvisioned, target, plan, settings);
        this.baseline = baseline;
        this.target = target;
        this.plan = plan;
        this.settings = settings;
        this.session = session;
        this.clock = clock;
        this.onFinished = onFinished;
        this.state = new AtomicReference<>(initial);
        this.progress = new Progress(terms);
        this.recorder = new Recorder(terms, progress, state::get, journal, clock, session.services().who(),
                listenerExecutor);
        this.alias = new RolloutAlias(session, baseline, progress);
        this.restorer = new Restorer(terms, progress, machine, alias, recorder);
        this.shifter = new Shifter(terms, progress, machine, alias, recorder, clock);
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
            return done();
        });
    }

    /** Goes on after a pause; after a foreign change, only if the alias still routes between the two versions. */
    public CompletableFuture<RolloutSnapshot> resume() {
        return serial(() -> {
            if (state.get() != RolloutState.PAUSED) {
                return done();
            }
            return alias.read().thenApply(now -> {
                if (!restorer.resumableOn(now)) {
                    return recorder.publishState("resume refused");
                }
                RolloutState back = progress.pausedFrom == RolloutState.PENDING ? RolloutState.PENDING
                        : progress.pausedFrom == RolloutState.HOLDING ? RolloutState.HOLDING : RolloutState.BAKING;
                transition(RolloutState.PAUSED, back);
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
        progress.message = "The operator skipped the rest of the bake of " + stepText() + ".";
        recorder.control("skip", reason);
        return evaluateNow();
    }

    /** Lets a manual gate step pass. */
    public CompletableFuture<RolloutSnapshot> approveGate() {
        return serial(() -> {
            if (!onGate()) {
                progress.message = "There is no manual gate waiting (" + stepText() + ").";
                return done();
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
            return done();
        }
        progress.overridden = true;
        if (progress.gates != null) {
            progress.gates.restartErrorTest(clock.instant());
        }
        recorder.control("override", reason);
        progress.message = "The operator overrode the failing gate: " + reason;
        if (state.get() == RolloutState.PAUSED && progress.pausedFrom != RolloutState.PENDING) {
            transition(RolloutState.PAUSED, RolloutState.BAKING);
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
                return done();
            }
            recorder.control("set-weight", WeightText.of(checked.percent()));
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
            return done();
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
                return done();
            }
            return judge().thenCompose(v -> decide(now, v));
        });
    }

    private CompletableFuture<Verdict> judge() {
        if (progress.gates == null) {
            return CompletableFuture.completedFuture(progress.verdict);
        }
        Instant now = clock.instant();
        Instant end = Gates.truncate(now).plus(Duration.ofMinutes(1));
        MetricWindow window = new MetricWindow(progress.gates.windowStart().isBefore(end) ? progress.gates.windowStart()
                : end.minus(Duration.ofMinutes(1)), end, Duration.ofMinutes(1));
        AliasMetricsQuery query = new AliasMetricsQuery(baseline.functionName(), baseline.name(),
                List.of(baseline.split().primaryVersion(), target), METRICS, window);
        return session.services().metrics().aliasMetrics(query).thenApply((AliasMetrics m) -> {
            Instant from = progress.stepStartedAt.orElse(now);
            progress.verdict = progress.gates.judge(m, clock.instant(), from);
            return progress.verdict;
        });
    }

    private CompletableFuture<RolloutSnapshot> decide(AliasRoute now, Verdict v) {
        RolloutState s = state.get();
        if (s == RolloutState.PAUSED) {
            return done();
        }
        if (v.result().failing() && !progress.overridden) {
            if (settings.rollbackOnFailure()) {
                return restorer.rollBack(now, "Gate failed: " + v.reasons().get(0));
            }
            pauseNow("Gate failed: " + v.reasons().get(0), "abort, or override the gate with a reason");
            return done();
        }
        if (onGate()) {
            return done();
        }
        RolloutPlan.Step current = plan.steps().get(progress.step);
        Instant t = clock.instant();
        Instant bakeEnd = progress.stepStartedAt.orElse(t).plus(current.bake());
        boolean baked = progress.bakeSkipped || !t.isBefore(bakeEnd);
        boolean dataIn = progress.bakeSkipped || v.dataCompleteThrough().filter(d -> !d.isBefore(bakeEnd)).isPresent();
        boolean evidence = v.result() == Verdict.Result.HEALTHY || progress.riskAccepted || progress.overridden;
        if (baked && dataIn && evidence) {
            return shifter.advance(now);
        }
        if (!baked || !dataIn) {
            progress.message = !baked ? "Baking " + stepText() + " until " + seconds(bakeEnd) + "."
                    : "Bake of " + stepText() + " done; waiting for the metrics through " + seconds(bakeEnd) + " to arrive.";
            return CompletableFuture.completedFuture(recorder.publishState("verdict"));
        }
        if (s != RolloutState.HOLDING) {
            transition(s, RolloutState.HOLDING);
            progress.holdingSince = Optional.of(t);
        }
        Instant since = progress.holdingSince.orElse(t);
        // Asks the operator once the hold has lasted maxHold; meanwhile the gates keep judging each new minute.
        boolean tooLong = Duration.between(since, t).compareTo(settings.maxHold()) > 0;
        progress.message = "Holding " + stepText() + " as inconclusive: " + v.reasons().get(1);
        if (tooLong && progress.awaiting.isEmpty()) {
            progress.awaiting = Optional.of("too little evidence: accept the risk, or abort");
            progress.message += " The operator must decide.";
        }
        return CompletableFuture.completedFuture(recorder.publishState("hold"));
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
                yield done();
            }
            case "resume" -> tailless(this::resumeNowFromRequest);
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
                transition(RolloutState.PAUSED, back);
                progress.awaiting = Optional.empty();
                recorder.control("resume", "");
                progress.message = "Resumed by the operator.";
                return recorder.publishState("resume");
            });
        }
        return done();
    }

    private static <T> CompletableFuture<T> tailless(Supplier<CompletableFuture<T>> op) {
        return op.get();
    }

    // ---- state ----------------------------------------------------------------------------------

    private void pauseNow(String why, String whatNext) {
        RolloutState s = state.get();
        if (s.finished() || s == RolloutState.PAUSED) {
            progress.message = why;
            return;
        }
        progress.pausedFrom = s;
        transition(s, RolloutState.PAUSED);
        progress.awaiting = Optional.of(whatNext);
        progress.message = why;
        recorder.publishState("pause");
    }

    /** Compare-and-set: moves from {@code from} to {@code to} only if the rollout is in {@code from}. */
    private boolean transition(RolloutState from, RolloutState to) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("A rollout cannot go from " + from + " to " + to);
        }
        return state.compareAndSet(from, to);
    }

    private boolean onGate() {
        return progress.onGate(state.get());
    }

    private CompletableFuture<RolloutSnapshot> done() {
        return CompletableFuture.completedFuture(recorder.publish());
    }

    private RolloutSnapshot finish(String event) {
        RolloutSnapshot s = recorder.publishState(event);
        onFinished.run();
        return s;
    }

    /** Journals the state with the progress a restart needs, then tells the listeners (a recovery). */
    RolloutSnapshot publishState(String event) {
        return recorder.publishState(event);
    }

    /** The state machine as the parts reach it: every move they make is this rollout's own compare-and-set. */
    private final class Machine implements StateMachine {
        @Override
        public RolloutState state() {
            return state.get();
        }

        @Override
        public boolean transition(RolloutState from, RolloutState to) {
            return Rollout.this.transition(from, to);
        }

        @Override
        public RolloutSnapshot finish(String event) {
            return Rollout.this.finish(event);
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

    /** The operator has been shown that the alias now holds {@code foreignRevision}: an abort may restore over it. */
    void foreignChangeShown(String foreignRevision) {
        restorer.shown(foreignRevision);
    }

    /** Puts the progress a journal recorded back (a restart). */
    void restore(ObjectNode last, RolloutState as, String why, Optional<String> awaitingNow) {
        recorder.readBack(last, why, awaitingNow);
        state.set(as);
    }

    /** An instant as operators read it in a line of text: to the second, in UTC. */
    static String seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private String qualified() {
        return terms.qualified();
    }

    private String stepText() {
        return progress.stepText();
    }

    /** For the journal's started record. */
    ObjectNode startedRecord(String connection) {
        return recorder.startedRecord(connection);
    }

    /** Percentages as the weight fields show them. */
    static final class WeightText {
        private WeightText() {
        }

        static String of(double percent) {
            return Weight.percentNumber(percent) + "%";
        }
    }
}

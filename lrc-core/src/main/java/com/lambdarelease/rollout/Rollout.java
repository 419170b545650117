package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.WriteOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final String id;
    private final AliasRoute baseline;
    private final Optional<java.util.Map<String, Integer>> baselineProvisioned;
    private final String target;
    private final RolloutPlan plan;
    private final RolloutSettings settings;
    private final ReleaseSession session;
    private final RolloutJournal journal;
    private final Clock clock;
    private final Executor listenerExecutor;
    private final Runnable onFinished;
    private final List<Consumer<RolloutSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<RolloutState> state;
    private final AtomicReference<RolloutSnapshot> snapshot = new AtomicReference<>();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    // Progress, touched only inside serial(): one evaluation or control at a time.
    private int step;
    private double canaryPercent;
    private String revision;
    /** A foreign revision the operator has been shown (a drift pause): an abort may restore over it. */
    private Optional<String> shownForeign = Optional.empty();
    private Optional<Instant> stepStartedAt = Optional.empty();
    private Optional<Instant> firstShiftAt = Optional.empty();
    private Optional<Instant> holdingSince = Optional.empty();
    private Optional<String> awaiting = Optional.empty();
    private RolloutState pausedFrom = RolloutState.PENDING;
    private boolean bakeSkipped;
    private boolean riskAccepted;
    private boolean overridden;
    private String message = "";
    private Verdict verdict;
    private Gates gates;
    private int requestsSeen;
    private String lastJournalled = "";

    Rollout(String id, AliasRoute baseline, Optional<java.util.Map<String, Integer>> baselineProvisioned, String target,
            RolloutPlan plan, RolloutSettings settings, ReleaseSession session, RolloutJournal journal, Clock clock,
            Executor listenerExecutor, Runnable onFinished, RolloutState initial) {
        this.id = id;
        this.baseline = baseline;
        this.baselineProvisioned = baselineProvisioned;
        this.target = target;
        this.plan = plan;
        this.settings = settings;
        this.session = session;
        this.journal = journal;
        this.clock = clock;
        this.listenerExecutor = listenerExecutor;
        this.onFinished = onFinished;
        this.state = new AtomicReference<>(initial);
        this.step = -1;
        this.revision = baseline.revisionId();
        this.verdict = Verdict.none(target, baseline.split().primaryVersion(), Math.log(1 / settings.alpha()));
        this.requestsSeen = (int) journal.of(id).stream().filter(r -> "request".equals(r.path("event").asText())).count();
    }

    // ---- public API -------------------------------------------------------------------------

    public String id() {
        return id;
    }

    /** The rollout as it is now. */
    public RolloutSnapshot snapshot() {
        RolloutSnapshot s = snapshot.get();
        return s != null ? s : build();
    }

    /** Tells {@code listener} of every new snapshot, on the engine's listener executor; run the result to stop. */
    public Runnable subscribe(Consumer<RolloutSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
            control("pause", reason);
            return done();
        });
    }

    /** Goes on after a pause; after a foreign change, only if the alias still routes between the two versions. */
    public CompletableFuture<RolloutSnapshot> resume() {
        return serial(() -> {
            if (state.get() != RolloutState.PAUSED) {
                return done();
            }
            return readAlias().thenApply(now -> {
                if (!now.revisionId().equals(revision)) {
                    TrafficSplit s = now.split();
                    boolean ours = s.primaryVersion().equals(baseline.split().primaryVersion())
                            && (s.canaryVersion().filter(target::equals).isPresent() || !s.isSplit());
                    if (!ours) {
                        message = "Cannot resume: " + qualified() + " now sends " + s.arrows()
                                + ", no longer a split between v" + baseline.split().primaryVersion() + " and v" + target
                                + ". Abort to restore the baseline, or fix the alias.";
                        return publishState("resume refused");
                    }
                    revision = now.revisionId(); // the operator resumes on the alias as it is now
                    canaryPercent = Weight.percent(s.weightOf(target));
                }
                RolloutState back = pausedFrom == RolloutState.PENDING ? RolloutState.PENDING
                        : pausedFrom == RolloutState.HOLDING ? RolloutState.HOLDING : RolloutState.BAKING;
                transition(RolloutState.PAUSED, back);
                awaiting = Optional.empty();
                message = "Resumed by the operator.";
                control("resume", "");
                return publishState("resume");
            });
        });
    }

    /** Ends the current step's bake (and its wait for final data) now; the evidence rule still applies. */
    public CompletableFuture<RolloutSnapshot> skipBake() {
        return serial(() -> skipNow(""));
    }

    private CompletableFuture<RolloutSnapshot> skipNow(String reason) {
        bakeSkipped = true;
        message = "The operator skipped the rest of the bake of " + stepText() + ".";
        control("skip", reason);
        return evaluateNow();
    }

    /** Lets a manual gate step pass. */
    public CompletableFuture<RolloutSnapshot> approveGate() {
        return serial(() -> {
            if (!onGate()) {
                message = "There is no manual gate waiting (" + stepText() + ").";
                return done();
            }
            control("approve", "");
            awaiting = Optional.empty();
            return readAlias().thenCompose(this::advance);
        });
    }

    /** Ends an inconclusive hold: the operator accepts promoting on less evidence than the rule asks (recorded). */
    public CompletableFuture<RolloutSnapshot> acceptRisk(String reason) {
        return serial(() -> {
            riskAccepted = true;
            control("accept-risk", reason);
            message = "The operator accepted the risk of too little evidence: " + reason;
            return evaluateNow();
        });
    }

    /** Lets the rollout go on while a gate fails, for the rest of this step (recorded with the reason). */
    public CompletableFuture<RolloutSnapshot> overrideGate(String reason) {
        return serial(() -> overrideNow(reason));
    }

    private CompletableFuture<RolloutSnapshot> overrideNow(String reason) {
        if (reason == null || reason.isBlank()) {
            message = "An override needs a reason.";
            return done();
        }
        overridden = true;
        if (gates != null) {
            gates.restartErrorTest(clock.instant());
        }
        control("override", reason);
        message = "The operator overrode the failing gate: " + reason;
        if (state.get() == RolloutState.PAUSED && pausedFrom != RolloutState.PENDING) {
            transition(RolloutState.PAUSED, RolloutState.BAKING);
            awaiting = Optional.empty();
        }
        return CompletableFuture.completedFuture(publishState("override"));
    }

    /**
     * True when another process has asked this rollout for a control it has not acted on yet (a
     * foreground driver evaluates at once rather than at its next half minute). Blocking I/O.
     */
    public boolean requestsWaiting() {
        return journal.of(id).stream().filter(r -> "request".equals(r.path("event").asText())).count() > requestsSeen;
    }

    /** Sends {@code percent} to the new version now (one write); the current step's bake starts again. */
    public CompletableFuture<RolloutSnapshot> setWeight(double percent) {
        return serial(() -> {
            RolloutPlan.Step checked = RolloutPlan.Step.shift(percent, Duration.ZERO); // refuses 0, 100, off-grid
            if (state.get().finished()) {
                return done();
            }
            control("set-weight", WeightText.of(checked.percent()));
            return readAlias().thenCompose(now -> shift(now, checked.percent(), "The operator set the weight"));
        });
    }

    /** Rolls back now: restores the baseline exactly, in one guarded write. */
    public CompletableFuture<RolloutSnapshot> abort(String reason) {
        return serial(() -> {
            control("abort", reason);
            return readAlias().thenCompose(now -> rollBack(now, "Aborted by the operator"
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
        return readAlias().thenCompose(now -> {
            RolloutState s = state.get();
            if (s == RolloutState.PENDING) {
                return advance(now);
            }
            if (s != RolloutState.PAUSED && !now.revisionId().equals(revision)) {
                shownForeign = Optional.of(now.revisionId());
                pauseNow(qualified() + " was changed by someone else: it now sends " + now.split().arrows()
                        + " (revision " + now.revisionId() + "). The rollout paused; nothing was overwritten.",
                        "resume on the alias as it is, or abort to restore the baseline");
                return done();
            }
            return judge().thenCompose(v -> decide(now, v));
        });
    }

    private CompletableFuture<Verdict> judge() {
        if (gates == null) {
            return CompletableFuture.completedFuture(verdict);
        }
        Instant now = clock.instant();
        Instant end = Gates.truncate(now).plus(Duration.ofMinutes(1));
        MetricWindow window = new MetricWindow(gates.windowStart().isBefore(end) ? gates.windowStart()
                : end.minus(Duration.ofMinutes(1)), end, Duration.ofMinutes(1));
        AliasMetricsQuery query = new AliasMetricsQuery(baseline.functionName(), baseline.name(),
                List.of(baseline.split().primaryVersion(), target), METRICS, window);
        return session.services().metrics().aliasMetrics(query).thenApply((AliasMetrics m) -> {
            Instant from = stepStartedAt.orElse(now);
            verdict = gates.judge(m, clock.instant(), from);
            return verdict;
        });
    }

    private CompletableFuture<RolloutSnapshot> decide(AliasRoute now, Verdict v) {
        RolloutState s = state.get();
        if (s == RolloutState.PAUSED) {
            return done();
        }
        if (v.result().failing() && !overridden) {
            if (settings.rollbackOnFailure()) {
                return rollBack(now, "Gate failed: " + v.reasons().get(0));
            }
            pauseNow("Gate failed: " + v.reasons().get(0), "abort, or override the gate with a reason");
            return done();
        }
        if (onGate()) {
            return done();
        }
        RolloutPlan.Step current = plan.steps().get(step);
        Instant t = clock.instant();
        Instant bakeEnd = stepStartedAt.orElse(t).plus(current.bake());
        boolean baked = bakeSkipped || !t.isBefore(bakeEnd);
        boolean dataIn = bakeSkipped || v.dataCompleteThrough().filter(d -> !d.isBefore(bakeEnd)).isPresent();
        boolean evidence = v.result() == Verdict.Result.HEALTHY || riskAccepted || overridden;
        if (baked && dataIn && evidence) {
            return advance(now);
        }
        if (!baked || !dataIn) {
            message = !baked ? "Baking " + stepText() + " until " + seconds(bakeEnd) + "."
                    : "Bake of " + stepText() + " done; waiting for the metrics through " + seconds(bakeEnd) + " to arrive.";
            return CompletableFuture.completedFuture(publishState("verdict"));
        }
        if (s != RolloutState.HOLDING) {
            transition(s, RolloutState.HOLDING);
            holdingSince = Optional.of(t);
        }
        Instant since = holdingSince.orElse(t);
        // Asks the operator once the hold has lasted maxHold; meanwhile the gates keep judging each new minute.
        boolean tooLong = Duration.between(since, t).compareTo(settings.maxHold()) > 0;
        message = "Holding " + stepText() + " as inconclusive: " + v.reasons().get(1);
        if (tooLong && awaiting.isEmpty()) {
            awaiting = Optional.of("too little evidence: accept the risk, or abort");
            message += " The operator must decide.";
        }
        return CompletableFuture.completedFuture(publishState("hold"));
    }

    /** The next step: the first shift, a manual gate, the next weight, or the promotion. */
    private CompletableFuture<RolloutSnapshot> advance(AliasRoute now) {
        int next = step + 1;
        bakeSkipped = false;
        riskAccepted = false;
        overridden = false;
        holdingSince = Optional.empty();
        awaiting = Optional.empty();
        if (next >= plan.steps().size()) {
            return promote(now);
        }
        RolloutPlan.Step s = plan.steps().get(next);
        step = next;
        if (s.kind() == RolloutPlan.Kind.GATE) {
            RolloutState from = state.get();
            if (from != RolloutState.HOLDING) {
                transition(from, RolloutState.HOLDING);
            }
            stepStartedAt = Optional.of(clock.instant());
            awaiting = Optional.of("manual gate: approve to continue");
            message = "Manual gate at " + WeightText.of(canaryPercent) + " to v" + target + ": waiting for approval.";
            return CompletableFuture.completedFuture(publishState("gate"));
        }
        return shift(now, s.percent(), "Step " + (next + 1) + "/" + plan.steps().size());
    }

    private CompletableFuture<RolloutSnapshot> shift(AliasRoute now, double percent, String why) {
        RolloutState from = state.get();
        if (!transition(from, RolloutState.SHIFTING)) {
            return done();
        }
        TrafficSplit split = TrafficSplit.canary(baseline.split().primaryVersion(), target, Weight.toAws(percent));
        return write(AliasChange.update(now, split, now.description())).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied) {
                Instant t = clock.instant();
                canaryPercent = percent;
                stepStartedAt = Optional.of(t);
                if (firstShiftAt.isEmpty()) {
                    firstShiftAt = Optional.of(t);
                    gates = new Gates(settings, target, baseline.split().primaryVersion(), t);
                }
                transition(RolloutState.SHIFTING, RolloutState.BAKING);
                message = why + ": " + split.arrows() + ".";
                return publishState("shift");
            }
            return stopAfter(RolloutState.SHIFTING, outcome);
        });
    }

    private CompletableFuture<RolloutSnapshot> promote(AliasRoute now) {
        RolloutState from = state.get();
        if (!transition(from, RolloutState.PROMOTING)) {
            return done();
        }
        step = plan.steps().size();
        return write(AliasChange.update(now, TrafficSplit.allTo(target), now.description())).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied) {
                canaryPercent = 100;
                transition(RolloutState.PROMOTING, RolloutState.PROMOTED);
                message = "Promoted: " + qualified() + " sends 100% → v" + target + ". " + verdict.reasons().get(0);
                return finish("promoted");
            }
            return stopAfter(RolloutState.PROMOTING, outcome);
        });
    }

    private CompletableFuture<RolloutSnapshot> rollBack(AliasRoute now, String why) {
        RolloutState from = state.get();
        if (from.finished() || !transition(from, RolloutState.ROLLING_BACK)) {
            return done();
        }
        String restored = "restored " + baseline.split().arrows() + describeDescription()
                + baselineProvisioned.map(pc -> pc.isEmpty() ? "" : "; provisioned concurrency " + pc + " was never changed")
                        .orElse("");
        if (now.split().equals(baseline.split()) && now.description().equals(baseline.description())) {
            transition(RolloutState.ROLLING_BACK, RolloutState.ROLLED_BACK);
            message = sentence(why) + " Rolled back: the alias already held its baseline (" + baseline.split().arrows() + ").";
            return CompletableFuture.completedFuture(finish("rolled back"));
        }
        boolean foreign = !now.revisionId().equals(revision);
        if (foreign && shownForeign.filter(now.revisionId()::equals).isEmpty()) {
            // A change nobody has shown the operator yet: show it first, and restore only on a second, informed abort.
            shownForeign = Optional.of(now.revisionId());
            pausedFrom = from == RolloutState.PAUSED ? pausedFrom : from;
            transition(RolloutState.ROLLING_BACK, RolloutState.PAUSED);
            awaiting = Optional.of("abort again to restore the baseline over that change, or resume on the alias as it is");
            message = sentence(why) + " Not rolled back: " + qualified() + " was changed by someone else since the rollout's"
                    + " last write; it now sends " + now.split().arrows() + " (revision " + now.revisionId()
                    + "). Nothing was overwritten.";
            return CompletableFuture.completedFuture(publishState("pause"));
        }
        String over = foreign ? " over the change by someone else (revision " + now.revisionId() + ")" : "";
        return write(AliasChange.update(now, baseline.split(), baseline.description())).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied) {
                canaryPercent = Weight.percent(baseline.split().weightOf(target));
                transition(RolloutState.ROLLING_BACK, RolloutState.ROLLED_BACK);
                message = sentence(why) + " Rolled back: " + restored + over + ".";
                return finish("rolled back");
            }
            if (outcome instanceof WriteOutcome.Conflict c) {
                pausedFrom = RolloutState.BAKING;
                transition(RolloutState.ROLLING_BACK, RolloutState.PAUSED);
                awaiting = Optional.of("the alias changed during the roll back: check it, then abort again");
                message = sentence(why) + " The roll back was not sent over a foreign change: " + c.message();
                return publishState("conflict");
            }
            transition(RolloutState.ROLLING_BACK, RolloutState.FAILED);
            message = sentence(why) + " The roll back failed: " + outcome.message();
            return finish("failed");
        });
    }

    /** A shift or promotion that did not land: a conflict or an AWS failure pauses for the operator. */
    private RolloutSnapshot stopAfter(RolloutState during, WriteOutcome outcome) {
        pausedFrom = step < 0 || firstShiftAt.isEmpty() ? RolloutState.PENDING : RolloutState.BAKING;
        if (during == RolloutState.PROMOTING) {
            step = plan.steps().size() - 1;
        }
        if (firstShiftAt.isEmpty()) {
            step = -1;
        }
        transition(during, RolloutState.PAUSED);
        String what = outcome instanceof WriteOutcome.Conflict ? "the alias changed behind the rollout"
                : outcome instanceof WriteOutcome.Refused ? "the change was refused" : "AWS did not apply the change";
        awaiting = Optional.of(what + ": resume or abort");
        message = outcome.message();
        return publishState(outcome instanceof WriteOutcome.Conflict ? "conflict" : "write failed");
    }

    private CompletableFuture<WriteOutcome> write(AliasChange change) {
        return session.writer().planAndApply(change).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied a) {
                a.after().ifPresent(after -> revision = after.revisionId());
            }
            return outcome;
        });
    }

    private CompletableFuture<AliasRoute> readAlias() {
        return session.services().lambda().getAlias(baseline.functionName(), baseline.name());
    }

    /** Controls another process left in the journal for this rollout; applied in order, each once. */
    private CompletableFuture<RolloutSnapshot> applyRequests() {
        List<ObjectNode> requests = journal.of(id).stream().filter(r -> "request".equals(r.path("event").asText())).toList();
        if (requests.size() <= requestsSeen) {
            return null;
        }
        ObjectNode r = requests.get(requestsSeen);
        requestsSeen++;
        String given = r.path("reason").asText("");
        String reason = given + " (from " + r.path("who").asText("another process") + ")";
        return switch (r.path("control").asText()) {
            case "skip" -> skipNow(reason);
            case "override" -> given.isBlank() ? evaluateNow() : overrideNow(reason);
            case "pause" -> {
                pauseNow("Paused by the operator: " + reason, "resume or abort");
                control("pause", reason);
                yield done();
            }
            case "resume" -> tailless(this::resumeNowFromRequest);
            case "approve" -> {
                if (!onGate()) {
                    riskAccepted = true; // approving an inconclusive hold is accepting its risk
                }
                control("approve", reason);
                awaiting = Optional.empty();
                yield readAlias().thenCompose(onGate() ? this::advance : now -> evaluateNow());
            }
            case "abort" -> {
                control("abort", reason);
                yield readAlias().thenCompose(now -> rollBack(now, "Aborted by the operator: " + reason));
            }
            default -> evaluateNow();
        };
    }

    private CompletableFuture<RolloutSnapshot> resumeNowFromRequest() {
        if (state.get() == RolloutState.PAUSED) {
            RolloutState back = pausedFrom == RolloutState.PENDING ? RolloutState.PENDING : RolloutState.BAKING;
            return readAlias().thenApply(now -> {
                revision = now.revisionId();
                transition(RolloutState.PAUSED, back);
                awaiting = Optional.empty();
                control("resume", "");
                message = "Resumed by the operator.";
                return publishState("resume");
            });
        }
        return done();
    }

    private static <T> CompletableFuture<T> tailless(Supplier<CompletableFuture<T>> op) {
        return op.get();
    }

    // ---- state, journal, listeners -------------------------------------------------------------

    private void pauseNow(String why, String whatNext) {
        RolloutState s = state.get();
        if (s.finished() || s == RolloutState.PAUSED) {
            message = why;
            return;
        }
        pausedFrom = s;
        transition(s, RolloutState.PAUSED);
        awaiting = Optional.of(whatNext);
        message = why;
        publishState("pause");
    }

    /** Compare-and-set: moves from {@code from} to {@code to} only if the rollout is in {@code from}. */
    private boolean transition(RolloutState from, RolloutState to) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("A rollout cannot go from " + from + " to " + to);
        }
        return state.compareAndSet(from, to);
    }

    private boolean onGate() {
        return step >= 0 && step < plan.steps().size() && plan.steps().get(step).kind() == RolloutPlan.Kind.GATE
                && !state.get().finished();
    }

    private CompletableFuture<RolloutSnapshot> done() {
        return CompletableFuture.completedFuture(publish());
    }

    private RolloutSnapshot finish(String event) {
        RolloutSnapshot s = publishState(event);
        onFinished.run();
        return s;
    }

    /** Journals the state with the progress a restart needs, then tells the listeners. */
    RolloutSnapshot publishState(String event) {
        String key = state.get() + "|" + step + "|" + revision + "|" + awaiting + "|" + canaryPercent;
        if (key.equals(lastJournalled) && (event.equals("verdict") || event.equals("hold"))) {
            return publish(); // a new verdict, no transition: listeners hear it, the journal needs no line
        }
        lastJournalled = key;
        ObjectNode r = journal.record(id, baseline.functionName(), baseline.name(), "state", clock.instant());
        r.put("change", event);
        r.put("state", state.get().name());
        r.put("pausedFrom", pausedFrom.name());
        r.put("step", step);
        r.put("canaryPercent", canaryPercent);
        r.put("revision", revision);
        stepStartedAt.ifPresent(t -> r.put("stepStartedAt", t.toString()));
        firstShiftAt.ifPresent(t -> r.put("firstShiftAt", t.toString()));
        awaiting.ifPresent(a -> r.put("awaiting", a));
        r.put("message", message);
        r.put("verdict", verdict.result().name());
        r.put("logStatistic", verdict.logStatistic());
        r.put("counts", verdict.sinceShift().describe());
        journal.append(r);
        return publish();
    }

    private void control(String control, String reason) {
        ObjectNode r = journal.record(id, baseline.functionName(), baseline.name(), "control", clock.instant());
        r.put("control", control);
        r.put("reason", reason);
        r.put("state", state.get().name());
        r.put("who", session.services().who());
        journal.append(r);
    }

    private RolloutSnapshot publish() {
        RolloutSnapshot s = build();
        snapshot.set(s);
        listeners.forEach(l -> listenerExecutor.execute(() -> l.accept(s)));
        return s;
    }

    private RolloutSnapshot build() {
        return new RolloutSnapshot(id, baseline.functionName(), baseline.name(), target, baseline, plan, state.get(),
                step, canaryPercent, stepStartedAt, awaiting, message, verdict, clock.instant());
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
        shownForeign = Optional.of(foreignRevision);
    }

    /** Puts the progress a journal recorded back (a restart). */
    void restore(ObjectNode last, RolloutState as, String why, Optional<String> awaitingNow) {
        step = last.path("step").asInt(-1);
        canaryPercent = last.path("canaryPercent").asDouble(0);
        revision = last.path("revision").asText(baseline.revisionId());
        stepStartedAt = optionalInstant(last, "stepStartedAt");
        firstShiftAt = optionalInstant(last, "firstShiftAt");
        pausedFrom = RolloutJournal.state(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("state", last.path("pausedFrom").asText("BAKING")));
        if (pausedFrom == RolloutState.PAUSED) {
            pausedFrom = RolloutState.BAKING;
        }
        firstShiftAt.ifPresent(t -> gates = new Gates(settings, target, baseline.split().primaryVersion(), t));
        awaiting = awaitingNow.or(() -> Optional.ofNullable(last.path("awaiting").asText(null)));
        message = why;
        state.set(as);
    }

    private static Optional<Instant> optionalInstant(ObjectNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(Instant.parse(n.get(field).asText())) : Optional.empty();
    }

    /** {@code text} as a sentence: a full stop added unless it already ends in one. */
    static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    /** An instant as operators read it in a line of text: to the second, in UTC. */
    static String seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private String qualified() {
        return baseline.functionName() + ":" + baseline.name();
    }

    private String stepText() {
        return build().stepText();
    }

    private String describeDescription() {
        return baseline.description().isBlank() ? "" : " — “" + baseline.description() + "”";
    }

    /** For the journal's started record. */
    ObjectNode startedRecord(String connection) {
        ObjectNode r = journal.record(id, baseline.functionName(), baseline.name(), "started", clock.instant());
        r.put("state", state.get().name());
        r.put("connection", connection);
        r.put("who", session.services().who());
        r.put("target", target);
        r.set("baseline", RolloutJournal.aliasJson(baseline));
        baselineProvisioned.ifPresent(pc -> {
            ObjectNode p = r.putObject("provisionedConcurrency");
            pc.forEach(p::put);
        });
        r.set("plan", PlanStore.toJson(plan));
        r.set("settings", RolloutJournal.settingsJson(settings));
        r.put("revision", revision);
        r.put("step", -1);
        return r;
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

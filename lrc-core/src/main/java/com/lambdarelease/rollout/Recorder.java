package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one rollout leaves for others to read: its started, state and control lines in the journal
 * (a state line carries the progress a restart needs, and {@link #readBack} puts it back), the
 * requests other processes leave there for it, and the snapshot its listeners and clients read.
 * Called only inside the rollout's one sequence of evaluations and controls, except
 * {@link #snapshot()}, {@link #subscribe} and {@link #requestsWaiting()}, which any thread may call.
 */
final class Recorder {

    private final Terms terms;
    private final Progress progress;
    private final Supplier<RolloutState> state;
    private final RolloutJournal journal;
    private final Clock clock;
    private final String who;
    private final Executor listenerExecutor;
    private final List<Consumer<RolloutSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<RolloutSnapshot> snapshot = new AtomicReference<>();
    private int requestsSeen;
    private String lastJournalled = "";

    /**
     * @param who              the connection's profile or credentials, for every line
     * @param listenerExecutor where listeners are told (the FX thread in the console)
     */
    Recorder(Terms terms, Progress progress, Supplier<RolloutState> state, RolloutJournal journal, Clock clock,
             String who, Executor listenerExecutor) {
        this.terms = terms;
        this.progress = progress;
        this.state = state;
        this.journal = journal;
        this.clock = clock;
        this.who = who;
        this.listenerExecutor = listenerExecutor;
        // Requests already in the journal were acted on by whoever drove the rollout before (a recovery).
        this.requestsSeen = requests().size();
    }

    /** The snapshot listeners were last told of, or one taken now before the first. */
    RolloutSnapshot snapshot() {
        RolloutSnapshot s = snapshot.get();
        return s != null ? s : build();
    }

    Runnable subscribe(Consumer<RolloutSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Journals the state with the progress a restart needs, then tells the listeners. */
    RolloutSnapshot publishState(String event) {
        String key = state.get() + "|" + progress.step + "|" + progress.revision + "|" + progress.awaiting + "|"
                + progress.canaryPercent;
        if (key.equals(lastJournalled) && (event.equals("verdict") || event.equals("hold"))) {
            return publish(); // a new verdict, no transition: listeners hear it, the journal needs no line
        }
        lastJournalled = key;
        ObjectNode r = line("state");
        r.put("change", event);
        r.put("state", state.get().name());
        r.put("pausedFrom", progress.pausedFrom.name());
        r.put("step", progress.step);
        r.put("canaryPercent", progress.canaryPercent);
        r.put("revision", progress.revision);
        progress.stepStartedAt.ifPresent(t -> r.put("stepStartedAt", t.toString()));
        progress.firstShiftAt.ifPresent(t -> r.put("firstShiftAt", t.toString()));
        progress.awaiting.ifPresent(a -> r.put("awaiting", a.words()).put("awaitingKind", a.name()));
        progress.cause.ifPresent(c -> r.put("cause", c.name()));
        progress.abortShown.ifPresent(rev -> r.put("abortShown", rev));
        progress.unjudgedSince.ifPresent(t -> r.put("unjudgedSince", t.toString()));
        r.put("message", progress.message);
        r.put("verdict", progress.verdict.result().name());
        r.put("logStatistic", progress.verdict.logStatistic());
        r.put("counts", progress.verdict.sinceShift().describe());
        journal.append(r);
        return publish();
    }

    /** Tells the listeners of the rollout as it is, with no journal line (nothing a restart needs changed). */
    RolloutSnapshot publish() {
        RolloutSnapshot s = build();
        snapshot.set(s);
        listeners.forEach(l -> listenerExecutor.execute(() -> l.accept(s)));
        return s;
    }

    /** {@link #publish()} as a completed future: the answer of a step that changed nothing. */
    CompletableFuture<RolloutSnapshot> unchanged() {
        return CompletableFuture.completedFuture(publish());
    }

    /** Journals an operator's control: a {@link Control}'s word, or "set-weight". */
    void control(String control, String reason) {
        ObjectNode r = line("control");
        r.put("control", control);
        r.put("reason", reason);
        r.put("state", state.get().name());
        r.put("who", who);
        journal.append(r);
    }

    /** The started line: the terms and the exact baseline, all a restart needs to rebuild the rollout. */
    ObjectNode startedRecord(String connection) {
        ObjectNode r = line("started");
        r.put("state", state.get().name());
        r.put("connection", connection);
        r.put("who", who);
        r.put("target", terms.target());
        r.set("baseline", RolloutJournal.aliasJson(terms.baseline()));
        terms.baselineProvisioned().ifPresent(pc -> {
            ObjectNode p = r.putObject("provisionedConcurrency");
            pc.forEach(p::put);
        });
        r.set("plan", PlanStore.toJson(terms.plan()));
        r.set("settings", RolloutJournal.settingsJson(terms.settings()));
        r.put("revision", progress.revision);
        r.put("step", -1);
        return r;
    }

    /** Puts the progress a state line recorded back (a restart); {@code awaitingNow} wins over the line's. */
    void readBack(ObjectNode last, String why, Optional<Awaiting> awaitingNow) {
        progress.step = last.path("step").asInt(-1);
        progress.canaryPercent = last.path("canaryPercent").asDouble(0);
        progress.revision = last.path("revision").asText(terms.baseline().revisionId());
        progress.stepStartedAt = optionalInstant(last, "stepStartedAt");
        progress.firstShiftAt = optionalInstant(last, "firstShiftAt");
        progress.pausedFrom = RolloutJournal.state(new ObjectMapper().createObjectNode()
                .put("state", last.path("pausedFrom").asText("BAKING")));
        if (progress.pausedFrom == RolloutState.PAUSED) {
            progress.pausedFrom = RolloutState.BAKING;
        }
        progress.firstShiftAt.ifPresent(t -> progress.gates = terms.gatesFrom(t));
        progress.awaiting = awaitingNow.or(() -> last.has("awaiting") || last.has("awaitingKind")
                ? Optional.of(Awaiting.fromJournal(last.path("awaitingKind").asText(""), last.path("awaiting").asText("")))
                : Optional.empty());
        progress.cause = RolloutJournal.causeOf(last);
        progress.abortShown = Optional.ofNullable(last.path("abortShown").asText(null));
        progress.message = why;
    }

    /**
     * True when another process has asked for a control not taken yet (a foreground driver
     * evaluates at once rather than at its next half minute). Blocking I/O.
     */
    boolean requestsWaiting() {
        return requests().size() > requestsSeen;
    }

    /** The oldest request from another process not taken yet, taken now: each is acted on once, in order. */
    Optional<ObjectNode> takeRequest() {
        List<ObjectNode> requests = requests();
        if (requests.size() <= requestsSeen) {
            return Optional.empty();
        }
        return Optional.of(requests.get(requestsSeen++));
    }

    private List<ObjectNode> requests() {
        return journal.of(terms.id()).stream().filter(r -> "request".equals(r.path("event").asText())).toList();
    }

    private ObjectNode line(String event) {
        return journal.record(terms.id(), terms.baseline().functionName(), terms.baseline().name(), event,
                clock.instant());
    }

    private RolloutSnapshot build() {
        return new RolloutSnapshot(terms.id(), terms.baseline().functionName(), terms.baseline().name(),
                terms.target(), terms.baseline(), terms.plan(), state.get(), progress.step, progress.canaryPercent,
                progress.stepStartedAt, progress.awaiting, progress.cause, progress.message, progress.verdict,
                clock.instant());
    }

    private static Optional<Instant> optionalInstant(ObjectNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(Instant.parse(n.get(field).asText())) : Optional.empty();
    }
}

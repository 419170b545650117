package com.lambdarelease.ui.rollout;

import com.lambdarelease.release.Feedback;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.rollout.PlanStore;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutJournal;
import com.lambdarelease.rollout.RolloutLoop;
import com.lambdarelease.ui.common.Notifier;
import com.lambdarelease.ui.common.UiContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rollouts one connection drives from the console: one {@link RolloutEngine} on the session
 * (listeners told on the FX thread), the saved plans, and one timer on the background scheduler
 * that evaluates every rollout in flight every {@link #CADENCE} of the connection's clock (faster in
 * real time when the sandbox runs faster). The timer lives here, not in a view: a rollout goes on
 * being judged when the operator looks at another tab. Closed when the connection is replaced:
 * the rollouts stay in the journal, to be recovered.
 */
public final class ConsoleRollouts implements AutoCloseable {

    /** How often, in the connection's time, a rollout in flight is evaluated. */
    public static final Duration CADENCE = RolloutLoop.CADENCE;
    private static final Logger LOG = Logger.getLogger(ConsoleRollouts.class.getName());

    private final RolloutEngine engine;
    private final PlanStore plans;
    private final UiContext ui;
    private final Clock clock;
    private final double clockSpeed;
    private final RolloutLoop loop;
    private final Feedback feedback;
    private final ReleaseSession session;
    private ScheduledFuture<?> timer;

    public ConsoleRollouts(ReleaseSession session, UiContext ui) {
        this.ui = ui;
        this.session = session;
        this.feedback = Notifier.anyThread(ui.notifier(), ui.fx());
        this.loop = new RolloutLoop(feedback);
        this.clock = session.services().clock();
        this.clockSpeed = session.services().clockSpeed();
        // Beside the journal (and settings.json), so the command line sees the same locks and plans.
        Path beside = session.journal().file().map(f -> f.toAbsolutePath())
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "lrc-rollouts-" + UUID.randomUUID(), "journal.jsonl"));
        this.engine = new RolloutEngine(session, clock, ui.fx(), RolloutEngine.lockFolderBeside(beside));
        this.plans = PlanStore.besideSettings(beside);
    }

    public PlanStore plans() {
        return plans;
    }

    public RolloutJournal journal() {
        return engine.journal();
    }

    /** The connection's clock: what bake times and "data complete" are measured in. */
    public Clock clock() {
        return clock;
    }

    /**
     * Starts {@code request} and evaluates it at once on the background scheduler (the first shift),
     * then on the timer. Takes a lock file and appends to the journal: call it off the FX thread.
     */
    public CompletableFuture<Rollout> start(RolloutEngine.Request request) {
        return engine.start(request).thenApply(r -> track(request.function(), request.alias(), r));
    }

    /** Picks up the unfinished rollout of {@code function:alias} left in the journal, if nobody drives it. */
    public CompletableFuture<Optional<Rollout>> recover(String function, String alias) {
        Optional<Rollout> mine = inFlight(function, alias);
        if (mine.isPresent()) {
            return CompletableFuture.completedFuture(mine);
        }
        if (engine.driven(function, alias)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        // A rollout nobody drove (its driver stopped) is shown waiting: "no driver since …", resume or abort.
        Optional<java.time.Instant> lastBeat = engine.lastHeartbeat(function, alias);
        return engine.recover(function, alias).thenCompose(r -> {
            if (r.isEmpty() || lastBeat.isEmpty()) {
                return CompletableFuture.completedFuture(r);
            }
            return r.get().holdUndriven(lastBeat.get()).thenApply(s -> r);
        }).thenApply(r -> r.map(x -> track(function, alias, x)));
    }

    /**
     * What a rollout's confirmation says besides the plan: who it is sent as (STS), and the alias's other owners (its
     * stack, a CodeDeploy shift under way). Never fails: what could not be read is said.
     */
    public CompletableFuture<List<String>> startFacts(com.lambdarelease.domain.AliasRoute alias) {
        CompletableFuture<String> as = session.services().identity().caller().handle((c, e) -> c != null
                ? "Driven as " + c.arn() + "; other consoles see it (a lease on the function's tags)."
                : "Driven as " + session.services().who() + " (STS did not say who: " + com.lambdarelease.release.Problems.describe(e) + ").");
        return as.thenCombine(session.ownership().of(alias.functionName(), alias), (a, o) -> {
            List<String> facts = new java.util.ArrayList<>(o.warnings(alias.functionName(), alias.name()));
            facts.add(a);
            return facts;
        });
    }

    /** Every rollout lease on {@code function}, whoever drives them (one GetFunction). */
    public CompletableFuture<List<com.lambdarelease.rollout.RolloutLease>> leases(String function) {
        return engine.leases().of(function);
    }

    /** The lease on {@code function:alias}'s rollout, from whichever console drives it (one GetFunction). */
    public CompletableFuture<Optional<com.lambdarelease.rollout.RolloutLease>> lease(String function, String alias) {
        return engine.leases().of(function, alias);
    }

    /** Takes over a rollout whose lease went stale ({@code seen}, as the operator confirmed it) and drives it here. */
    public CompletableFuture<Optional<Rollout>> takeOver(com.lambdarelease.rollout.RolloutLease seen, String reason) {
        return engine.takeOver(seen, reason).thenApply(r -> r.map(x -> track(seen.function(), seen.alias(), x)));
    }

    /** True when another process (the command line, another window) drives a rollout of {@code function:alias}. */
    public boolean drivenElsewhere(String function, String alias) {
        return inFlight(function, alias).isEmpty() && engine.driven(function, alias);
    }

    /** The rollout of {@code function:alias} this console drives, if any. */
    public Optional<Rollout> inFlight(String function, String alias) {
        return loop.of(function, alias);
    }

    /** Every rollout the journal knows of {@code function:alias}, newest first (reads the file: call off the FX thread). */
    public List<RolloutHistory.Row> history(String function, String alias) {
        return RolloutHistory.of(engine.journal().all(), function, alias);
    }

    /**
     * One round of the timer: each rollout in flight evaluates once, unless its previous evaluation
     * has not answered yet; finished ones are dropped; what the operator must hear reaches the
     * notifier. Called on the background scheduler (and by tests after they move a manual clock).
     */
    public CompletableFuture<Void> tick() {
        return loop.tick();
    }

    private synchronized Rollout track(String function, String alias, Rollout rollout) {
        loop.add(rollout);
        if (timer == null) {
            long millis = Math.max(50, (long) (CADENCE.toMillis() / speed()));
            timer = ui.background().scheduleWithFixedDelay(this::tickQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
        ui.background().execute(this::tickQuietly); // the first shift now, not a timer round later
        return rollout;
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A rollout evaluation round failed", e);
            feedback.failure("A rollout evaluation round failed; the next round tries again", e);
        }
    }

    private double speed() {
        return clockSpeed > 0 ? clockSpeed : 1;
    }

    /** How many seconds of the connection's clock pass in a real second. */
    double clockSpeed() {
        return speed();
    }

    /** Stops the timer and releases the locks; unfinished rollouts stay in the journal. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        loop.clear();
        engine.close();
    }
}

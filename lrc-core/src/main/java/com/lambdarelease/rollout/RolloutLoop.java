package com.lambdarelease.rollout;

import com.lambdarelease.release.Feedback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one driver loop of the rollouts a process drives, for the console's timer and the command
 * line's foreground alike: each {@link #tick()} evaluates every rollout in flight once (unless its
 * previous evaluation has not answered), drops the finished ones, and tells {@link Feedback} what an
 * operator must hear: a rollout that starts waiting for an operator (once per wait), a canary that
 * cannot be judged (once per streak, and when it is judged again), and an evaluation that failed
 * (once per failing streak, and when it recovers). Thread-safe.
 */
public final class RolloutLoop {

    /** How often, in the connection's time, a rollout in flight is evaluated: a minute is judged within 15 s of being complete. */
    public static final Duration CADENCE = Duration.ofSeconds(15);

    private final Feedback feedback;
    private final Map<String, Rollout> inFlight = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<RolloutSnapshot>> evaluating = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> unjudged = ConcurrentHashMap.newKeySet();
    private final Map<String, Awaiting> asked = new ConcurrentHashMap<>();

    public RolloutLoop(Feedback feedback) {
        this.feedback = feedback;
    }

    /** Drives {@code rollout} from the next tick on. */
    public void add(Rollout rollout) {
        RolloutSnapshot s = rollout.snapshot();
        inFlight.put(s.qualifiedName(), rollout);
    }

    /** The rollout of {@code function:alias} this loop drives, if any. */
    public Optional<Rollout> of(String function, String alias) {
        return Optional.ofNullable(inFlight.get(function + ":" + alias));
    }

    public boolean isEmpty() {
        return inFlight.isEmpty();
    }

    /** One round: each rollout in flight evaluates once; the future completes when all of them have answered. */
    public CompletableFuture<Void> tick() {
        List<CompletableFuture<?>> all = new ArrayList<>();
        inFlight.forEach((key, rollout) -> {
            if (rollout.snapshot().finished()) {
                inFlight.remove(key, rollout);
                return;
            }
            CompletableFuture<RolloutSnapshot> running = evaluating.get(key);
            if (running != null && !running.isDone()) {
                all.add(running);
                return;
            }
            CompletableFuture<RolloutSnapshot> next = rollout.evaluate().whenComplete((s, e) -> heard(key, rollout, s, e));
            evaluating.put(key, next);
            all.add(next);
        });
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((x, e) -> null);
    }

    private void heard(String key, Rollout rollout, RolloutSnapshot s, Throwable e) {
        if (e != null) {
            if (failing.add(key)) { // once per failing streak: the operator learns it, the messages do not pile up
                feedback.failure("Evaluating the rollout of " + key + " failed; the next round tries again", e);
            }
            return;
        }
        if (failing.remove(key)) {
            feedback.info("The rollout of " + key + " is evaluated again.");
        }
        boolean blind = !s.finished() && s.awaitingOperator().isEmpty()
                && s.cause().filter(Cause.UNJUDGED::equals).isPresent();
        if (blind && unjudged.add(key)) {
            feedback.info("The rollout of " + key + ": " + s.message());
        } else if (!blind && unjudged.remove(key) && !s.finished() && s.awaitingOperator().isEmpty()) {
            feedback.info("The rollout of " + key + " is judged again.");
        }
        Optional<Awaiting> waits = s.awaitingOperator();
        if (waits.isPresent() && asked.put(key, waits.get()) != waits.get()) {
            feedback.info("The rollout of " + key + " waits for an operator: " + waits.get().words() + ". " + s.message());
        } else if (waits.isEmpty()) {
            asked.remove(key);
        }
        if (s.finished()) {
            inFlight.remove(key, rollout);
            asked.remove(key);
        }
    }

    /** Forgets every rollout (the connection closes; they stay in the journal). */
    public void clear() {
        inFlight.clear();
        evaluating.clear();
        failing.clear();
        unjudged.clear();
        asked.clear();
    }
}

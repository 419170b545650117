package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.service.MetricsService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Turns one evaluation into what happens next: {@link #judge()} reads the metrics in one
 * GetMetricData call and lets the gates judge the minutes that became final; {@link #decide}
 * weighs that verdict with where the rollout is in its plan and what the operator allowed for the
 * step (a skipped bake, an accepted risk, an override). It writes nothing but the verdict; the
 * {@link Decision} is carried out by {@link Rollout}.
 */
final class Decider {

    private static final Set<LambdaMetric> METRICS = Set.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS,
            LambdaMetric.THROTTLES, LambdaMetric.DURATION_AVERAGE, LambdaMetric.DURATION_P99);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Real-time waits before asking a failed GetMetricData again, within one evaluation. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(250), Duration.ofSeconds(1));

    private final Terms terms;
    private final Progress progress;
    private final MetricsService metrics;
    private final Clock clock;

    Decider(Terms terms, Progress progress, MetricsService metrics, Clock clock) {
        this.terms = terms;
        this.progress = progress;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The verdict on the metrics so far (the last one, before the first shift starts the gates). */
    CompletableFuture<Verdict> judge() {
        if (progress.gates == null) {
            return CompletableFuture.completedFuture(progress.verdict);
        }
        Instant now = clock.instant();
        Instant end = Gates.truncate(now).plus(MINUTE);
        MetricWindow window = new MetricWindow(progress.gates.windowStart().isBefore(end) ? progress.gates.windowStart()
                : end.minus(MINUTE), end, MINUTE);
        AliasMetricsQuery base = new AliasMetricsQuery(terms.baseline().functionName(), terms.baseline().name(),
                List.of(terms.primary(), terms.target()), METRICS, window);
        CompletableFuture<Void> history = progress.gates.needsHistory() ? readHistory() : CompletableFuture.completedFuture(null);
        return history.thenCompose(x -> withRetries(progress.gates.slowThresholdMs().map(base::slowerThan).orElse(base), 0))
                .thenApply((AliasMetrics m) -> {
            Instant from = progress.stepStartedAt.orElse(now);
            progress.verdict = progress.gates.judge(m, clock.instant(), from);
            return progress.verdict;
        });
    }

    /**
     * The primary's invocations and errors over the hour before the first shift, for the primary
     * watch; read once. A failure leaves it to the next evaluation and does not stop this one.
     */
    private CompletableFuture<Void> readHistory() {
        String fn = terms.baseline().functionName();
        String alias = terms.baseline().name();
        AliasMetricsQuery counts = new AliasMetricsQuery(fn, alias, List.of(terms.primary()),
                Set.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS), progress.gates.history());
        AliasMetricsQuery p99 = new AliasMetricsQuery(fn, alias, List.of(terms.primary()),
                Set.of(LambdaMetric.DURATION_P99), progress.gates.durationHistory());
        return withRetries(p99, 0).thenCompose(d -> withRetries(counts, 0).thenAccept(c -> {
            progress.gates.durationHistory(d);
            progress.gates.history(c);
        })).handle((x, e) -> null);
    }

    /**
     * The metrics, asked again after {@link #RETRY_DELAYS} when a call fails (throttled, a 500, the
     * network): the SDK's own retries come first, these give a throttled account room within the
     * evaluation. A failure after the last reaches the rollout, which counts the canary unjudged.
     */
    private CompletableFuture<AliasMetrics> withRetries(AliasMetricsQuery query, int attempt) {
        return metrics.aliasMetrics(query).handle((m, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(m);
            }
            if (attempt >= RETRY_DELAYS.size()) {
                return CompletableFuture.<AliasMetrics>failedFuture(e);
            }
            java.util.concurrent.Executor later = CompletableFuture.delayedExecutor(RETRY_DELAYS.get(attempt).toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(x -> withRetries(query, attempt + 1));
        }).thenCompose(f -> f);
    }

    /**
     * What the rollout, now in {@code state}, does on {@code v}: a failing gate first (judged while
     * paused too: a pause stops shifting, never judging), then the bake, the data, the evidence.
     */
    Decision decide(RolloutState state, Verdict v) {
        Optional<Cause> failed = v.result().cause();
        if (failed.isPresent() && !progress.overridden) {
            String why = "Gate failed: " + v.headline();
            if (terms.settings().rollbackOnFailure()) {
                return Decision.rollBack(why, failed.get());
            }
            if (state == RolloutState.PAUSED && progress.awaiting.filter(Awaiting.FAILED_GATE::equals).isPresent()) {
                return Decision.stay();
            }
            return Decision.pause(why, Awaiting.FAILED_GATE, failed.get());
        }
        if (state == RolloutState.PAUSED || progress.onGate(state)) {
            return Decision.stay();
        }
        RolloutPlan.Step current = terms.plan().steps().get(progress.step);
        Instant t = clock.instant();
        if (v.primaryFailing() && !progress.primaryAccepted) {
            return Decision.hold("Holding " + progress.stepText() + ", never promoting into an incident: "
                    + v.reason(Verdict.Reason.Kind.PRIMARY).map(Verdict.Reason::text).orElse(""),
                    Optional.of(Awaiting.PRIMARY_INCIDENT), Cause.PRIMARY_FAILING, holdingSince(state, t));
        }
        Instant bakeEnd = progress.stepStartedAt.orElse(t).plus(current.bake());
        boolean baked = progress.bakeSkipped || !t.isBefore(bakeEnd);
        boolean dataIn = progress.bakeSkipped || v.dataCompleteThrough().filter(d -> !d.isBefore(bakeEnd)).isPresent();
        boolean evidence = v.result() == Verdict.Result.HEALTHY || progress.riskAccepted || progress.overridden;
        boolean timed = v.durationJudged() || progress.riskAccepted || progress.overridden;
        if (baked && dataIn && evidence && timed) {
            return Decision.advance();
        }
        String step = progress.stepText();
        if (!baked) {
            return Decision.waiting("Baking " + step + " until " + Gates.seconds(bakeEnd) + ".");
        }
        if (!dataIn) {
            return Decision.waiting("Bake of " + step + " done; waiting for the metrics through "
                    + Gates.seconds(bakeEnd) + " to arrive.");
        }
        Instant since = holdingSince(state, t);
        String message = "Holding " + step + " as inconclusive: " + (evidence
                ? "no duration judgement yet. " + v.reason(Verdict.Reason.Kind.DURATION).map(Verdict.Reason::text).orElse("")
                : v.reason(Verdict.Reason.Kind.EVIDENCE).map(Verdict.Reason::text).orElse(v.headline()));
        if (progress.awaiting.isEmpty() && hopeless(since, t, v)) {
            return Decision.hold(message + " The operator must decide.", Optional.of(Awaiting.RISK_ACCEPTANCE),
                    Cause.INCONCLUSIVE, since);
        }
        return Decision.hold(message, Optional.empty(), Cause.INCONCLUSIVE, since);
    }

    /** When the hold began: now, unless the rollout is holding already. */
    private Instant holdingSince(RolloutState state, Instant now) {
        return state == RolloutState.HOLDING ? progress.holdingSince.orElse(now) : now;
    }

    /**
     * True once the hold has lasted the settings' longest, or as soon as the evidence, at the canary's
     * current rate, would come only after that (or never, with no canary traffic): the operator is
     * asked then, not after waiting out a hold that could not end by itself.
     */
    private boolean hopeless(Instant since, Instant now, Verdict v) {
        Duration held = Duration.between(since, now);
        Duration max = terms.settings().maxHold();
        if (held.compareTo(max) > 0) {
            return true;
        }
        if (v.minutesToEvidence().isEmpty()) {
            return v.dataCompleteThrough().isPresent();
        }
        Duration projected = held.plusSeconds((long) Math.ceil(v.minutesToEvidence().get() * 60));
        return projected.compareTo(max) > 0;
    }
}

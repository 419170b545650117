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
        AliasMetricsQuery query = new AliasMetricsQuery(terms.baseline().functionName(), terms.baseline().name(),
                List.of(terms.primary(), terms.target()), METRICS, window);
        return metrics.aliasMetrics(query).thenApply((AliasMetrics m) -> {
            Instant from = progress.stepStartedAt.orElse(now);
            progress.verdict = progress.gates.judge(m, clock.instant(), from);
            return progress.verdict;
        });
    }

    /** What the rollout, now in {@code state}, does on {@code v}: a failing gate first, then the bake, the data, the evidence. */
    Decision decide(RolloutState state, Verdict v) {
        if (state == RolloutState.PAUSED) {
            return Decision.stay();
        }
        if (v.result().failing() && !progress.overridden) {
            String why = "Gate failed: " + v.reasons().get(0);
            return terms.settings().rollbackOnFailure() ? Decision.rollBack(why)
                    : Decision.pause(why, "abort, or override the gate with a reason");
        }
        if (progress.onGate(state)) {
            return Decision.stay();
        }
        RolloutPlan.Step current = terms.plan().steps().get(progress.step);
        Instant t = clock.instant();
        Instant bakeEnd = progress.stepStartedAt.orElse(t).plus(current.bake());
        boolean baked = progress.bakeSkipped || !t.isBefore(bakeEnd);
        boolean dataIn = progress.bakeSkipped || v.dataCompleteThrough().filter(d -> !d.isBefore(bakeEnd)).isPresent();
        boolean evidence = v.result() == Verdict.Result.HEALTHY || progress.riskAccepted || progress.overridden;
        if (baked && dataIn && evidence) {
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
        Instant since = state == RolloutState.HOLDING ? progress.holdingSince.orElse(t) : t;
        // Asks the operator once the hold has lasted maxHold; meanwhile the gates keep judging each new minute.
        boolean tooLong = Duration.between(since, t).compareTo(terms.settings().maxHold()) > 0;
        String message = "Holding " + step + " as inconclusive: " + v.reasons().get(1);
        if (tooLong && progress.awaiting.isEmpty()) {
            return Decision.hold(message + " The operator must decide.",
                    Optional.of("too little evidence: accept the risk, or abort"), since);
        }
        return Decision.hold(message, Optional.empty(), since);
    }
}

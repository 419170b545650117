package com.lambdarelease.release;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.service.MetricsService;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The health word said before a promote: how the canary and the primary fared on the alias's
 * {@code ExecutedVersion} series over the last hour, and a warning when the canary's error rate is
 * higher than the primary's beyond what chance explains. One GetMetricData call. The verdict is a
 * one-sided two-proportion z-test at the 1 % level: a single look before one decision, so a fixed
 * level is sound here (the rollout engine, which looks again and again, uses a sequential test).
 */
public final class PromotionCheck {

    /** How far back a promote looks. */
    public static final Duration LOOK_BACK = Duration.ofHours(1);
    /** z for a one-sided 1 % test. */
    static final double Z_99 = 2.326;
    /** Fewer canary invocations than this, and there is too little to judge. */
    static final int MIN_INVOCATIONS = 30;

    /** What the operator reads in the confirmation; {@code warning} when the canary is doing worse. */
    public record Verdict(String summary, boolean warning) {
    }

    private PromotionCheck() {
    }

    /** Reads the last hour of {@code alias} and judges its canary; fails only through the future. */
    public static CompletableFuture<Verdict> check(MetricsService metrics, Clock clock, AliasRoute alias) {
        if (!alias.split().isSplit()) {
            return CompletableFuture.completedFuture(new Verdict("", false));
        }
        String primary = alias.split().primaryVersion();
        String canary = alias.split().canaryVersion().orElseThrow();
        return lastHour(metrics, clock, alias, List.of(primary, canary)).thenApply(m -> judge(m, primary, canary));
    }

    /**
     * Invocations and errors of {@code versions} through {@code alias} over {@link #LOOK_BACK}, in one
     * GetMetricData call: what the promote check and the Edit dialog's version pickers both read.
     * Fails only through the future.
     */
    public static CompletableFuture<AliasMetrics> lastHour(MetricsService metrics, Clock clock, AliasRoute alias,
                                                           List<String> versions) {
        try {
            MetricWindow window = MetricWindow.last(LOOK_BACK, MetricWindow.periodFor(LOOK_BACK), clock.instant());
            return metrics.aliasMetrics(new AliasMetricsQuery(alias.functionName(), alias.name(), versions,
                    EnumSet.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS), window));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static Verdict judge(AliasMetrics metrics, String primary, String canary) {
        List<VersionHealth> health = Health.perVersion(metrics, com.lambdarelease.domain.TrafficSplit.allTo(primary));
        VersionHealth p = find(health, primary).orElseThrow();
        VersionHealth c = find(health, canary).orElseThrow();
        String numbers = String.format(Locale.ROOT, "Last hour: v%s failed %s of %,.0f calls; v%s (primary) %s of %,.0f.",
                canary, percent(c.errorRate()), c.invocations(), primary, percent(p.errorRate()), p.invocations());
        if (c.invocations() < MIN_INVOCATIONS) {
            return new Verdict(numbers + " Too little canary traffic to judge its health.", true);
        }
        if (worse(c.errors(), c.invocations(), p.errors(), p.invocations())) {
            return new Verdict("Warning: the canary is failing more often than the primary. " + numbers, true);
        }
        return new Verdict(numbers + " No sign that the canary fails more often.", false);
    }

    /** One-sided two-proportion z-test: is the canary's error rate above the primary's at the 1 % level? */
    static boolean worse(double canaryErrors, double canaryCalls, double primaryErrors, double primaryCalls) {
        if (canaryCalls <= 0) {
            return false;
        }
        double pc = canaryErrors / canaryCalls;
        if (primaryCalls <= 0) {
            return pc > 0;
        }
        double pp = primaryErrors / primaryCalls;
        double pooled = (canaryErrors + primaryErrors) / (canaryCalls + primaryCalls);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / canaryCalls + 1 / primaryCalls));
        if (se == 0) {
            return pc > pp;
        }
        return (pc - pp) / se > Z_99;
    }

    private static Optional<VersionHealth> find(List<VersionHealth> health, String version) {
        return health.stream().filter(h -> h.version().equals(version)).findFirst();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }
}

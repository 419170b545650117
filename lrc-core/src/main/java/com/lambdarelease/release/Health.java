package com.lambdarelease.release;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricSeries;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numbers a canary is judged by, computed once for the charts, the observed split and the
 * rollout engine alike: per-version error rate and observed share, per-period error rate, and the
 * alias's recent invocation rate. Always on the {@code ExecutedVersion} series, never whole-alias.
 */
public final class Health {

    /** How many recent whole periods the invocation rate is averaged over. */
    public static final int RATE_PERIODS = 5;

    private Health() {
    }

    /** Errors / invocations in % for one period; NaN (a gap, not a zero) without invocations. */
    public static double periodErrorPercent(double errors, double invocations) {
        return invocations > 0 ? 100.0 * errors / invocations : Double.NaN;
    }

    /** Each version's configured weight beside what it got over the window, primary first. */
    public static List<VersionHealth> perVersion(AliasMetrics metrics, TrafficSplit configured) {
        List<VersionHealth> out = new ArrayList<>();
        for (String v : metrics.query().versions()) {
            double errors = metrics.series(v, LambdaMetric.ERRORS).map(MetricSeries::sum).orElse(0.0);
            out.add(new VersionHealth(v, configured.weightOf(v), metrics.observedShare(v), metrics.invocations(v),
                    errors, metrics.errorRate(v)));
        }
        return List.copyOf(out);
    }

    /**
     * A few words on how {@code h} fared, for a version picker: "15.2% errors in 812 calls", or
     * "no calls" when it ran none in the window.
     */
    public static String brief(VersionHealth h) {
        if (h.invocations() == 0) {
            return "no calls";
        }
        return String.format(java.util.Locale.ROOT, "%.1f%% errors in %,.0f calls", 100 * h.errorRate(), h.invocations());
    }

    /**
     * Like {@link #perVersion(AliasMetrics, TrafficSplit)} but only from {@code since} on (the
     * moment the split last changed): a window that mostly predates the split would say a 10 %
     * canary got 1.9 %.
     */
    public static List<VersionHealth> perVersion(AliasMetrics metrics, TrafficSplit configured, Instant since) {
        List<String> versions = metrics.query().versions();
        Instant from = metrics.query().window().truncate(since);
        double total = versions.stream().mapToDouble(v -> sumFrom(metrics, v, LambdaMetric.INVOCATIONS, from)).sum();
        List<VersionHealth> out = new ArrayList<>();
        for (String v : versions) {
            double inv = sumFrom(metrics, v, LambdaMetric.INVOCATIONS, from);
            double err = sumFrom(metrics, v, LambdaMetric.ERRORS, from);
            out.add(new VersionHealth(v, configured.weightOf(v), total > 0 ? inv / total : 0, inv, err,
                    inv > 0 ? err / inv : 0));
        }
        return List.copyOf(out);
    }

    private static double sumFrom(AliasMetrics metrics, String version, LambdaMetric metric, Instant from) {
        return metrics.series(version, metric).map(MetricSeries::points).orElse(List.of()).stream()
                .filter(p -> !p.time().isBefore(from)).mapToDouble(MetricPoint::value).sum();
    }

    /**
     * Invocations per minute over the last {@value #RATE_PERIODS} complete periods with data: what
     * a weight is multiplied by to say how many requests a canary would get.
     */
    public static double ratePerMinute(AliasMetrics metrics) {
        MetricWindow window = metrics.query().window();
        Instant inProgress = window.truncate(metrics.fetchedAt());
        Optional<Instant> through = metrics.dataThrough()
                .map(t -> t.isBefore(inProgress) ? t : inProgress.minus(window.period())); // whole periods only
        if (through.isEmpty()) {
            return 0;
        }
        Instant from = through.get().minus(window.period().multipliedBy(RATE_PERIODS - 1));
        double sum = metrics.query().versions().stream()
                .flatMap(v -> metrics.series(v, LambdaMetric.INVOCATIONS).stream())
                .flatMap(s -> s.points().stream())
                .filter(p -> !p.time().isBefore(from) && !p.time().isAfter(through.get()))
                .mapToDouble(MetricPoint::value).sum();
        double minutes = RATE_PERIODS * window.period().toSeconds() / 60.0;
        return sum / minutes;
    }
}

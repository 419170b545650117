package com.lambdarelease.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answer to an {@link AliasMetricsQuery}, read at {@code fetchedAt}; {@code slowInvocations}
 * holds one entry per version when the query asked for a threshold, none otherwise.
 */
public record AliasMetrics(AliasMetricsQuery query, List<MetricSeries> series, List<SlowInvocations> slowInvocations,
                           Instant fetchedAt) {

    public AliasMetrics {
        series = List.copyOf(series);
        slowInvocations = List.copyOf(slowInvocations);
    }

    public AliasMetrics(AliasMetricsQuery query, List<MetricSeries> series, Instant fetchedAt) {
        this(query, series, List.of(), fetchedAt);
    }

    /** The version's invocations slower than the query's threshold; empty when it asked for none. */
    public Optional<SlowInvocations> slowInvocations(String version) {
        return slowInvocations.stream().filter(s -> s.version().equals(version)).findFirst();
    }

    public Optional<MetricSeries> series(String version, LambdaMetric metric) {
        return series.stream().filter(s -> s.version().equals(version) && s.metric() == metric).findFirst();
    }

    /** The newest period with any datapoint: how fresh the data is (Lambda metrics arrive 1-3 minutes late). */
    public Optional<Instant> dataThrough() {
        return series.stream().flatMap(s -> s.points().stream()).map(MetricPoint::time).max(Comparator.naturalOrder());
    }

    /** Invocations each version received over the window. */
    public double invocations(String version) {
        return series(version, LambdaMetric.INVOCATIONS).map(MetricSeries::sum).orElse(0.0);
    }

    /** The share of the alias's invocations that {@code version} actually executed (0..1; 0 when there were none). */
    public double observedShare(String version) {
        double total = query.versions().stream().mapToDouble(this::invocations).sum();
        return total == 0 ? 0 : invocations(version) / total;
    }

    /** Errors / invocations over the window for {@code version}, as 0..1. */
    public double errorRate(String version) {
        double inv = invocations(version);
        double err = series(version, LambdaMetric.ERRORS).map(MetricSeries::sum).orElse(0.0);
        return inv == 0 ? 0 : err / inv;
    }
}

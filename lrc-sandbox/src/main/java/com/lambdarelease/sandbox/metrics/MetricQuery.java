package com.lambdarelease.sandbox.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * One series asked of the store: a metric, a time range (start inclusive, end exclusive), a
 * period in seconds (a multiple of 60) and a statistic; only datapoints in {@code unit} when given.
 */
public record MetricQuery(MetricKey metric, Instant start, Instant end, int periodSeconds, Statistic statistic,
                          Optional<String> unit, boolean ascending) {

    public MetricQuery {
        if (periodSeconds < 60 || periodSeconds % 60 != 0) {
            throw new IllegalArgumentException("period must be a positive multiple of 60, was " + periodSeconds);
        }
    }
}

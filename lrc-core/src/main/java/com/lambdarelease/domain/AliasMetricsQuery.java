package com.lambdarelease.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Per-version metrics of an alias: one series per (executed version, metric), read from the
 * {@code FunctionName + Resource + ExecutedVersion} dimension set, all in one GetMetricData call.
 * With {@code slowerThanMs}, the same call also counts each version's invocations slower than it
 * (see {@link SlowInvocations}).
 */
public record AliasMetricsQuery(String functionName, String alias, List<String> versions, Set<LambdaMetric> metrics,
                                MetricWindow window, OptionalDouble slowerThanMs) {

    /** GetMetricData's limit on queries per call. */
    public static final int MAX_SERIES = 500;
    /** CloudWatch takes a statistic's bounds with "up to 10 decimal places" (Statistics-definitions). */
    public static final int MAX_THRESHOLD_DECIMALS = 10;

    public AliasMetricsQuery {
        AwsNames.requireFunctionName(functionName);
        AwsNames.requireAliasName(alias);
        versions = List.copyOf(versions);
        metrics = Set.copyOf(metrics);
        if (versions.isEmpty() || metrics.isEmpty()) {
            throw new InvalidInputException("Choose at least one version and one metric.");
        }
        if (slowerThanMs.isPresent()) {
            requireThreshold(slowerThanMs.getAsDouble());
        }
        long series = (long) versions.size() * (metrics.size() + (slowerThanMs.isPresent() ? 1 : 0));
        if (series > MAX_SERIES) {
            throw new InvalidInputException("At most " + MAX_SERIES + " series fit one GetMetricData request.");
        }
    }

    public AliasMetricsQuery(String functionName, String alias, List<String> versions, Set<LambdaMetric> metrics,
                             MetricWindow window) {
        this(functionName, alias, versions, metrics, window, OptionalDouble.empty());
    }

    /**
     * The same query, also counting per version and period the invocations whose Duration is above
     * {@code thresholdMs} (never one equal to it). The threshold is sent as written, so it must be
     * finite, at least 0 and have at most {@value #MAX_THRESHOLD_DECIMALS} decimal places: a p99 read
     * back from CloudWatch (a float widened to a double) has more and must be rounded by the caller.
     */
    public AliasMetricsQuery slowerThan(double thresholdMs) {
        return new AliasMetricsQuery(functionName, alias, versions, metrics, window, OptionalDouble.of(thresholdMs));
    }

    /** CloudWatch's Resource dimension for this alias: {@code name:alias}. */
    public String resource() {
        return functionName + ":" + alias;
    }

    /** The trimmed count statistic for the threshold, e.g. {@code TC(250.5:)}; empty without one. */
    public Optional<String> slowStatistic() {
        if (slowerThanMs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("TC(" + plain(slowerThanMs.getAsDouble()) + ":)");
    }

    private static void requireThreshold(double ms) {
        if (!Double.isFinite(ms) || ms < 0) {
            throw new InvalidInputException("A slow-invocation threshold must be a finite number of milliseconds "
                    + "of at least 0, was " + ms + ".");
        }
        if (BigDecimal.valueOf(ms).stripTrailingZeros().scale() > MAX_THRESHOLD_DECIMALS) {
            throw new InvalidInputException("CloudWatch takes at most " + MAX_THRESHOLD_DECIMALS
                    + " decimal places in a statistic's bounds; round the threshold " + ms + " ms first.");
        }
    }

    private static String plain(double ms) {
        BigDecimal d = BigDecimal.valueOf(ms).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}

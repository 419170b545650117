package com.lambdarelease.domain;

import java.util.List;
import java.util.Set;

/**
 * Per-version metrics of an alias: one series per (executed version, metric), read from the
 * {@code FunctionName + Resource + ExecutedVersion} dimension set, all in one GetMetricData call.
 */
public record AliasMetricsQuery(String functionName, String alias, List<String> versions, Set<LambdaMetric> metrics,
                                MetricWindow window) {

    /** GetMetricData's limit on queries per call. */
    public static final int MAX_SERIES = 500;

    public AliasMetricsQuery {
        AwsNames.requireFunctionName(functionName);
        AwsNames.requireAliasName(alias);
        versions = List.copyOf(versions);
        metrics = Set.copyOf(metrics);
        if (versions.isEmpty() || metrics.isEmpty()) {
            throw new InvalidInputException("Choose at least one version and one metric.");
        }
        if ((long) versions.size() * metrics.size() > MAX_SERIES) {
            throw new InvalidInputException("At most " + MAX_SERIES + " series fit one GetMetricData request.");
        }
    }

    /** CloudWatch's Resource dimension for this alias: {@code name:alias}. */
    public String resource() {
        return functionName + ":" + alias;
    }
}

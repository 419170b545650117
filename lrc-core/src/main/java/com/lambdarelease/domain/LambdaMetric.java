package com.lambdarelease.domain;

/** The per-version Lambda metrics the console charts, each with the statistic it is read with. */
public enum LambdaMetric {
    INVOCATIONS("Invocations", "Sum", true),
    ERRORS("Errors", "Sum", true),
    THROTTLES("Throttles", "Sum", true),
    DURATION_AVERAGE("Duration", "Average", false),
    DURATION_P99("Duration", "p99", false),
    CONCURRENT_EXECUTIONS("ConcurrentExecutions", "Maximum", false);

    private final String metricName;
    private final String statistic;
    private final boolean count;

    LambdaMetric(String metricName, String statistic, boolean count) {
        this.metricName = metricName;
        this.statistic = statistic;
        this.count = count;
    }

    public String metricName() {
        return metricName;
    }

    public String statistic() {
        return statistic;
    }

    /**
     * AWS records this metric per alias ({@code FunctionName + Resource}) but never per
     * {@code ExecutedVersion}: a per-version query would always be empty, so it is read once per
     * alias and every version's series carries the alias's value.
     */
    public boolean perAliasOnly() {
        return this == CONCURRENT_EXECUTIONS;
    }

    /** A count reads a minute without datapoints as zero; the others leave a gap. */
    public boolean isCount() {
        return count;
    }
}

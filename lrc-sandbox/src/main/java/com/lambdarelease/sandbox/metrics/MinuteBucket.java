package com.lambdarelease.sandbox.metrics;

/**
 * Everything known about one metric in one minute: sum, sample count, minimum, maximum and the
 * raw values for percentiles. Not thread-safe: the owning {@link MetricSeries} locks.
 */
final class MinuteBucket {

    final long visibleAtEpochSecond;
    double sampleCount;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    /**
     * Null once statistics on raw values cannot be answered: a statistic set that is not a run of
     * one value arrived, or a negative value ("these type of statistics are not available for
     * metrics when any of the metric values are negative numbers", CloudWatch user guide,
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
     */
    SampleSet samples = new SampleSet();

    MinuteBucket(long visibleAtEpochSecond) {
        this.visibleAtEpochSecond = visibleAtEpochSecond;
    }

    void add(double value, long count) {
        sampleCount += count;
        sum += value * count;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (value < 0) {
            samples = null;
        } else if (samples != null) {
            samples.add(value, count);
        }
    }

    /**
     * A pre-aggregated set (PutMetricData StatisticValues). AWS answers percentiles and the like
     * for it only when it is {@code count} copies of one value: "The Min and Max are equal, and
     * Sum is equal to Min multiplied by SampleCount" (which covers "SampleCount 1 and Min, Max
     * and Sum all equal"), CloudWatch user guide, Statistics-definitions.html.
     */
    void addStatisticSet(double count, double total, double minimum, double maximum) {
        sampleCount += count;
        sum += total;
        min = Math.min(min, minimum);
        max = Math.max(max, maximum);
        boolean oneValue = minimum == maximum && total == minimum * count && minimum >= 0;
        if (!oneValue) {
            samples = null;
        } else if (samples != null) {
            samples.add(minimum, count);
        }
    }

    /** Makes this minute a single gauge reading, never lowering an earlier one. */
    void raiseGauge(double value) {
        double v = sampleCount == 0 ? value : Math.max(max, value);
        sampleCount = 1;
        sum = v;
        min = v;
        max = v;
        samples = new SampleSet();
        samples.add(v);
    }
}

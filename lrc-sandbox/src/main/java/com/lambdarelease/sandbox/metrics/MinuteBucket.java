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
    /** Null once percentiles cannot be answered (a statistic set arrived, or samples expired). */
    SampleSet samples = new SampleSet();

    MinuteBucket(long visibleAtEpochSecond) {
        this.visibleAtEpochSecond = visibleAtEpochSecond;
    }

    void add(double value, long count) {
        sampleCount += count;
        sum += value * count;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (samples != null) {
            samples.add(value, count);
        }
    }

    /** A pre-aggregated set (PutMetricData StatisticValues): AWS answers no percentiles for it. */
    void addStatisticSet(double count, double total, double minimum, double maximum) {
        sampleCount += count;
        sum += total;
        min = Math.min(min, minimum);
        max = Math.max(max, maximum);
        samples = null;
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

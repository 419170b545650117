package com.lambdarelease.domain;

import java.util.List;

/**
 * How many of one executed version's invocations ran longer than {@code thresholdMs}, per period,
 * oldest first: CloudWatch's trimmed count {@code TC(threshold:)} on Lambda's Duration, which counts
 * values above the lower bound and never one equal to it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 * A period with invocations but none slow has a 0 datapoint; one without invocations has none.
 */
public record SlowInvocations(String version, double thresholdMs, List<MetricPoint> points) {

    public SlowInvocations {
        points = List.copyOf(points);
    }

    /** Every period of the window, oldest first, a period without a datapoint read as 0 (no invocations). */
    public List<MetricPoint> densePoints(MetricWindow window) {
        return MetricPoint.zeroFilled(points, window);
    }

    public double sum() {
        return points.stream().mapToDouble(MetricPoint::value).sum();
    }
}

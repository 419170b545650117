package com.lambdarelease.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Map<Instant, Double> byTime = new TreeMap<>();
        points.forEach(p -> byTime.put(p.time(), p.value()));
        List<MetricPoint> out = new ArrayList<>();
        for (Instant t = window.start(); t.isBefore(window.end()); t = t.plus(window.period())) {
            out.add(new MetricPoint(t, byTime.getOrDefault(t, 0.0)));
        }
        return out;
    }

    public double sum() {
        return points.stream().mapToDouble(MetricPoint::value).sum();
    }
}

package com.lambdarelease.domain;

import java.util.List;
import java.util.OptionalDouble;

/** One metric of one executed version behind an alias, oldest point first. */
public record MetricSeries(String version, LambdaMetric metric, List<MetricPoint> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }

    /**
     * Every period of the window, oldest first: a count metric reads a missing period as 0 (no
     * invocations), any other metric leaves it out (a gap, not a fake zero).
     */
    public List<MetricPoint> densePoints(MetricWindow window) {
        return metric.isCount() ? MetricPoint.zeroFilled(points, window) : points;
    }

    public double sum() {
        return points.stream().mapToDouble(MetricPoint::value).sum();
    }

    public OptionalDouble max() {
        return points.stream().mapToDouble(MetricPoint::value).max();
    }
}

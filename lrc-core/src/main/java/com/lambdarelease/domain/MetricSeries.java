package com.lambdarelease.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

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
        if (!metric.isCount()) {
            return points;
        }
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

    public OptionalDouble max() {
        return points.stream().mapToDouble(MetricPoint::value).max();
    }
}

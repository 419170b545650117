package com.lambdarelease.domain;

import java.time.Instant;

/** One datapoint: the start of its period and its value. */
public record MetricPoint(Instant time, double value) {

    /** Every period of {@code window}, oldest first, a period without a datapoint in {@code points} read as 0. */
    public static java.util.List<MetricPoint> zeroFilled(java.util.List<MetricPoint> points, MetricWindow window) {
        java.util.Map<Instant, Double> byTime = new java.util.TreeMap<>();
        points.forEach(p -> byTime.put(p.time(), p.value()));
        java.util.List<MetricPoint> out = new java.util.ArrayList<>();
        for (Instant t = window.start(); t.isBefore(window.end()); t = t.plus(window.period())) {
            out.add(new MetricPoint(t, byTime.getOrDefault(t, 0.0)));
        }
        return out;
    }
}

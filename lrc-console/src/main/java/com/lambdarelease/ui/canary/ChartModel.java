package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.MetricPoint;

import java.util.List;

/**
 * What one chart draws: a line per executed version (two for duration: average and p99). Every
 * period of the window has a point; {@code NaN} marks a gap (no datapoint for a non-count metric),
 * so the chart never draws a fake zero.
 */
public record ChartModel(ChartKind kind, List<Line> lines) {

    public ChartModel {
        lines = List.copyOf(lines);
    }

    /** One line; {@code variant} is "" or a statistic such as "p99" drawn dashed. */
    public record Line(String version, String variant, List<MetricPoint> points) {
        /** The version of a line that covers the whole alias (a metric AWS records per alias only). */
        public static final String ALIAS = "";

        public Line {
            points = List.copyOf(points);
        }

        public boolean wholeAlias() {
            return ALIAS.equals(version);
        }

        public String label() {
            return (wholeAlias() ? "alias" : "v" + version) + (variant.isEmpty() ? "" : " " + variant);
        }
    }
}

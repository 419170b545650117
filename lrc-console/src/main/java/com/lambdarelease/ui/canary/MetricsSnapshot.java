package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricSeries;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.Health;
import com.lambdarelease.release.JournalEntry;
import com.lambdarelease.rollout.RolloutMark;
import com.lambdarelease.release.VersionHealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One refresh's worth of charts, ready to draw: built off the FX thread from a single
 * GetMetricData answer so the FX thread only copies numbers into the charts.
 *
 * @param versions       the executed versions queried, primary first
 * @param charts         every chart's lines
 * @param shares         observed share of invocations beside the configured weight, per version
 * @param dataThrough    the newest period with any datapoint
 * @param ratePerMinute  the alias's recent invocation rate (all versions)
 * @param markers        routing changes this console made within the window
 * @param colours        each version's colour index, stable for the workspace (see {@link VersionColors})
 * @param sharesSince    when the shares start: the last routing change in the window, or the window's start
 * @param rolloutMarks   rollout decisions within the window (failing gates, holds, promotion, roll back)
 */
public record MetricsSnapshot(String functionName, String alias, MetricWindow window, List<String> versions,
                              Map<ChartKind, ChartModel> charts, List<VersionHealth> shares,
                              Optional<Instant> dataThrough, double ratePerMinute, List<JournalEntry> markers,
                              Instant fetchedAt, Map<String, Integer> colours, Instant sharesSince,
                              List<RolloutMark> rolloutMarks) {


    public MetricsSnapshot {
        versions = List.copyOf(versions);
        charts = Map.copyOf(charts);
        shares = List.copyOf(shares);
        markers = List.copyOf(markers);
        colours = Map.copyOf(colours);
        rolloutMarks = List.copyOf(rolloutMarks);
    }

    /** The colour index of {@code version}'s line and swatch. */
    public int colourOf(String version) {
        return colours.getOrDefault(version, Math.max(0, versions.indexOf(version)));
    }

    public static MetricsSnapshot of(AliasMetrics metrics, TrafficSplit configured, List<JournalEntry> markers) {
        return of(metrics, configured, markers, List.of(), new VersionColors());
    }

    static MetricsSnapshot of(AliasMetrics metrics, TrafficSplit configured, List<JournalEntry> markers,
                              List<RolloutMark> rolloutMarks, VersionColors palette) {
        MetricWindow window = metrics.query().window();
        List<String> versions = metrics.query().versions();
        Map<ChartKind, ChartModel> charts = new EnumMap<>(ChartKind.class);
        charts.put(ChartKind.INVOCATIONS, simple(ChartKind.INVOCATIONS, metrics, LambdaMetric.INVOCATIONS));
        charts.put(ChartKind.ERRORS, simple(ChartKind.ERRORS, metrics, LambdaMetric.ERRORS));
        charts.put(ChartKind.ERROR_RATE, errorRate(metrics));
        charts.put(ChartKind.THROTTLES, simple(ChartKind.THROTTLES, metrics, LambdaMetric.THROTTLES));
        // AWS records concurrency per alias only (every version's series carries it): one line for the alias.
        charts.put(ChartKind.CONCURRENCY, new ChartModel(ChartKind.CONCURRENCY, List.of(new ChartModel.Line(
                ChartModel.Line.ALIAS, "", dense(metrics, versions.get(0), LambdaMetric.CONCURRENT_EXECUTIONS)))));
        List<ChartModel.Line> duration = new ArrayList<>();
        for (String v : versions) {
            duration.add(new ChartModel.Line(v, "", dense(metrics, v, LambdaMetric.DURATION_AVERAGE)));
            duration.add(new ChartModel.Line(v, "p99", dense(metrics, v, LambdaMetric.DURATION_P99)));
        }
        charts.put(ChartKind.DURATION, new ChartModel(ChartKind.DURATION, duration));
        // The observed split is judged since the split last changed, not over a window that mostly predates it.
        Instant since = markers.stream().map(JournalEntry::at).max(Instant::compareTo).orElse(window.start());
        List<VersionHealth> shares = Health.perVersion(metrics, configured, since);
        return new MetricsSnapshot(metrics.query().functionName(), metrics.query().alias(), window, versions, charts,
                shares, metrics.dataThrough(), Health.ratePerMinute(metrics), markers, metrics.fetchedAt(),
                colours(metrics, palette), since, rolloutMarks);
    }

    private static Map<String, Integer> colours(AliasMetrics metrics, VersionColors palette) {
        Map<String, Integer> out = new HashMap<>();
        metrics.query().versions().forEach(v -> out.put(v, palette.of(metrics.query().functionName(), v)));
        return out;
    }

    public ChartModel chart(ChartKind kind) {
        return charts.get(kind);
    }

    private static ChartModel simple(ChartKind kind, AliasMetrics metrics, LambdaMetric metric) {
        List<ChartModel.Line> lines = metrics.query().versions().stream()
                .map(v -> new ChartModel.Line(v, "", dense(metrics, v, metric))).toList();
        return new ChartModel(kind, lines);
    }

    /** Errors / invocations per period, in %; a gap where there were no invocations. */
    private static ChartModel errorRate(AliasMetrics metrics) {
        List<ChartModel.Line> lines = new ArrayList<>();
        for (String v : metrics.query().versions()) {
            List<MetricPoint> inv = dense(metrics, v, LambdaMetric.INVOCATIONS);
            List<MetricPoint> err = dense(metrics, v, LambdaMetric.ERRORS);
            List<MetricPoint> rate = new ArrayList<>(inv.size());
            for (int i = 0; i < inv.size(); i++) {
                double n = inv.get(i).value();
                rate.add(new MetricPoint(inv.get(i).time(), Health.periodErrorPercent(err.get(i).value(), n)));
            }
            lines.add(new ChartModel.Line(v, "", rate));
        }
        return new ChartModel(ChartKind.ERROR_RATE, lines);
    }

    /**
     * Every period of the window: zero for a count without data, NaN (a gap) for anything else.
     * Periods after the newest datapoint of the whole answer are gaps for counts too: those
     * minutes have not been reported yet (metrics arrive late), they are not minutes without traffic.
     */
    static List<MetricPoint> dense(AliasMetrics metrics, String version, LambdaMetric metric) {
        MetricWindow window = metrics.query().window();
        Instant reported = metrics.dataThrough().orElse(window.end());
        Instant inProgress = window.truncate(metrics.fetchedAt());
        Map<Instant, Double> byTime = new HashMap<>();
        metrics.series(version, metric).map(MetricSeries::points).orElse(List.of())
                .forEach(p -> byTime.put(window.truncate(p.time()), p.value()));
        double missing = metric.isCount() ? 0 : Double.NaN;
        List<MetricPoint> out = new ArrayList<>((int) window.periods());
        for (Instant t = window.start(); t.isBefore(window.end()); t = t.plus(window.period())) {
            boolean partial = metric.isCount() && !t.isBefore(inProgress); // a count still filling up is not a drop
            out.add(new MetricPoint(t, partial ? Double.NaN : byTime.getOrDefault(t, t.isAfter(reported) ? Double.NaN : missing)));
        }
        return out;
    }
}

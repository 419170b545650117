package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.cloudwatch.MetricDataQueryParser.ParsedQuery;
import com.lambdarelease.sandbox.metrics.Datapoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The expressions of one GetMetricData call, evaluated on the MetricStat answers (ascending), each at
 * most once; an expression may name any other query, and a cycle is refused.
 */
final class MathQueries implements MetricMath.Context {

    /** One answered series: its label and its datapoints, oldest first. */
    record Labelled(String label, List<Datapoint> points) {
    }

    private final Map<String, ParsedQuery> byId = new HashMap<>();
    private final Map<String, List<Datapoint>> stats;
    private final Map<String, MetricMath.Value> done = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final List<Instant> grid = new ArrayList<>();

    MathQueries(List<ParsedQuery> queries, Map<String, List<Datapoint>> stats, Instant start, Instant end) {
        queries.forEach(q -> byId.put(q.id(), q));
        this.stats = stats;
        int period = queries.stream().mapToInt(ParsedQuery::periodSeconds).max().orElse(60);
        long step = Math.max(60, period);
        for (long t = Math.floorDiv(start.getEpochSecond(), step) * step; t < end.getEpochSecond(); t += step) {
            if (t >= start.getEpochSecond()) {
                grid.add(Instant.ofEpochSecond(t));
            }
        }
    }

    /** An expression's answer: one series, or one per series of an array; a number is refused. */
    List<Labelled> results(ParsedQuery q) {
        MetricMath.Value v = value(q.id());
        if (v instanceof MetricMath.Series s) {
            return List.of(labelled(q.label(), s));
        }
        if (v instanceof MetricMath.SeriesArray a) {
            return a.series().stream().map(s -> labelled(s.label(), s)).toList();
        }
        throw CloudWatchError.invalidParameterValue("Error in expression " + q.id()
                + ": the expression must return a time series or an array of time series, not a number.");
    }

    @Override
    public MetricMath.Value resolve(String id) {
        if (!byId.containsKey(id)) {
            throw new IllegalArgumentException("unknown metric id " + id);
        }
        return value(id);
    }

    @Override
    public List<MetricMath.Series> metricStats(String idContains) {
        return stats.keySet().stream().filter(id -> id.contains(idContains))
                .map(id -> series(byId.get(id).label(), stats.get(id))).toList();
    }

    @Override
    public List<Instant> grid() {
        return grid;
    }

    private MetricMath.Value value(String id) {
        MetricMath.Value known = done.get(id);
        if (known != null) {
            return known;
        }
        ParsedQuery q = byId.get(id);
        if (!q.isExpression()) {
            return series(q.label(), stats.get(id));
        }
        if (!evaluating.add(id)) {
            throw new IllegalArgumentException("circular reference to " + id);
        }
        MetricMath.Value v = MetricMath.evaluate(q.expression().orElseThrow(), this, id);
        evaluating.remove(id);
        done.put(id, v);
        return v;
    }

    private static MetricMath.Series series(String label, List<Datapoint> points) {
        TreeMap<Instant, Double> map = new TreeMap<>();
        points.forEach(p -> map.put(p.timestamp(), p.value()));
        return new MetricMath.Series(label, map);
    }

    private static Labelled labelled(String label, MetricMath.Series s) {
        return new Labelled(label, s.points().entrySet().stream().map(e -> new Datapoint(e.getKey(), e.getValue())).toList());
    }
}

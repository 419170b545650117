package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.cloudwatch.MetricDataQueryParser.ParsedQuery;
import com.lambdarelease.sandbox.metrics.Datapoint;
import com.lambdarelease.sandbox.metrics.MetricQuery;
import com.lambdarelease.sandbox.metrics.MetricStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetMetricData: many MetricStat and metric math queries in one call (ReturnData false computes a
 * query without answering it), paginated by datapoints (MaxDatapoints,
 * at most 100,800 a page) in the order ScanBy asks for.
 */
final class GetMetricData {

    static final int MAX_DATAPOINTS = 100_800;

    private final MetricStore store;

    GetMetricData(MetricStore store) {
        this.store = store;
    }

    Map<String, Object> handle(JsonNode input) {
        List<ParsedQuery> queries = MetricDataQueryParser.parse(input);
        Instant start = Fields.requiredTimestamp(input, "StartTime", "StartTime");
        Instant end = Fields.requiredTimestamp(input, "EndTime", "EndTime");
        if (!start.isBefore(end)) {
            throw CloudWatchError.invalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        String scanBy = Fields.text(input, "ScanBy", "ScanBy").orElse("TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw CloudWatchError.invalidParameterValue("The value " + scanBy
                    + " for parameter ScanBy is not valid. Valid values: TimestampDescending, TimestampAscending.");
        }
        long maxDatapoints = Fields.integer(input, "MaxDatapoints", "MaxDatapoints").orElse((long) MAX_DATAPOINTS);
        if (maxDatapoints < 1 || maxDatapoints > MAX_DATAPOINTS) {
            throw CloudWatchError.invalidParameterValue("The parameter MaxDatapoints must be between 1 and "
                    + MAX_DATAPOINTS + ", was " + maxDatapoints + ".");
        }
        long offset = PageToken.decode(Fields.text(input, "NextToken", "NextToken"));
        boolean ascending = scanBy.equals("TimestampAscending");

        Map<String, List<Datapoint>> stats = new LinkedHashMap<>();
        for (ParsedQuery q : queries) {
            if (!q.isExpression()) {
                stats.put(q.id(), store.query(new MetricQuery(q.metric(), start, end, q.periodSeconds(),
                        q.statistic(), q.unit(), true)));
            }
        }
        MathQueries math = new MathQueries(queries, stats, start, end);
        List<Series> answered = new ArrayList<>();
        long total = 0;
        for (ParsedQuery q : queries) {
            if (!q.returnData()) {
                continue;
            }
            List<MathQueries.Labelled> results = q.isExpression() ? math.results(q)
                    : List.of(new MathQueries.Labelled(q.label(), stats.get(q.id())));
            for (MathQueries.Labelled r : results) {
                List<Datapoint> points = new ArrayList<>(r.points());
                if (!ascending) {
                    java.util.Collections.reverse(points);
                }
                answered.add(new Series(q, r.label(), points, total));
                total += points.size();
            }
        }
        if (offset > 0 && offset >= total) {
            throw CloudWatchError.invalidNextToken();
        }
        long pageEnd = Math.min(total, offset + maxDatapoints);
        List<Object> results = new ArrayList<>();
        for (Series s : answered) {
            long from = Math.max(offset, s.firstIndex) - s.firstIndex;
            long to = Math.min(pageEnd, s.firstIndex + s.points.size()) - s.firstIndex;
            boolean onFirstPageWithoutData = s.points.isEmpty() && offset == 0;
            if (from < to || onFirstPageWithoutData) {
                List<Datapoint> page = s.points.subList((int) Math.min(from, to), (int) to);
                results.add(result(s.query, s.label, page, to < s.points.size()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MetricDataResults", results);
        if (pageEnd < total) {
            out.put("NextToken", PageToken.encode(pageEnd));
        }
        out.put("Messages", List.of());
        return out;
    }

    private static Map<String, Object> result(ParsedQuery q, String label, List<Datapoint> points, boolean morePages) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Id", q.id());
        r.put("Label", label);
        r.put("Timestamps", points.stream().map(Datapoint::timestamp).toList());
        r.put("Values", points.stream().map(Datapoint::value).toList());
        r.put("StatusCode", morePages ? "PartialData" : "Complete");
        r.put("Messages", List.of());
        return r;
    }

    private record Series(ParsedQuery query, String label, List<Datapoint> points, long firstIndex) {
    }
}

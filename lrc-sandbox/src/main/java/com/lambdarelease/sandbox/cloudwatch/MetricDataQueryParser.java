package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.metrics.Dimension;
import com.lambdarelease.sandbox.metrics.MetricKey;
import com.lambdarelease.sandbox.metrics.Statistic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates GetMetricData's MetricDataQueries, with AWS's limits and messages. */
final class MetricDataQueryParser {

    static final int MAX_QUERIES = 500;
    private static final Pattern ID = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");

    /**
     * One validated query: a MetricStat ({@code metric} set) or a math expression ({@code expression}
     * set, {@code metric} and {@code statistic} null, {@code periodSeconds} 0 unless Period was given).
     */
    record ParsedQuery(String id, String label, boolean returnData, MetricKey metric, int periodSeconds,
                       Statistic statistic, Optional<String> unit, Optional<String> expression) {

        boolean isExpression() {
            return expression.isPresent();
        }
    }

    private MetricDataQueryParser() {
    }

    static List<ParsedQuery> parse(JsonNode input) {
        if (Fields.member(input, "MetricDataQueries").isEmpty()) {
            throw CloudWatchError.missingParameter("MetricDataQueries");
        }
        List<JsonNode> queries = Fields.list(input, "MetricDataQueries", "MetricDataQueries");
        if (queries.size() > MAX_QUERIES) {
            throw CloudWatchError.invalidParameterValue(
                    "The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES + ".");
        }
        List<ParsedQuery> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < queries.size(); i++) {
            String path = "MetricDataQueries.member." + (i + 1);
            ParsedQuery q = parseOne(queries.get(i), path);
            if (!ids.add(q.id())) {
                throw CloudWatchError.invalidParameterValue(
                        "The value " + q.id() + " for parameter " + path + ".Id is not unique.");
            }
            out.add(q);
        }
        return out;
    }

    private static ParsedQuery parseOne(JsonNode query, String path) {
        if (!query.isObject()) {
            throw CloudWatchError.malformed("member " + path + " must be a structure");
        }
        String id = Fields.requiredText(query, "Id", path + ".Id");
        if (!ID.matcher(id).matches()) {
            throw CloudWatchError.invalidParameterValue("The value " + id + " for parameter " + path
                    + ".Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.");
        }
        Optional<JsonNode> stat = Fields.object(query, "MetricStat", path + ".MetricStat");
        Optional<String> expression = Fields.text(query, "Expression", path + ".Expression");
        if (stat.isPresent() && expression.isPresent()) {
            throw CloudWatchError.invalidParameterCombination("The parameters " + path + ".MetricStat and " + path
                    + ".Expression are mutually exclusive and you have specified both.");
        }
        if (expression.isPresent()) {
            long period = Fields.integer(query, "Period", path + ".Period").orElse(0L);
            if (period < 0 || period % 60 != 0 || period > Integer.MAX_VALUE) {
                throw CloudWatchError.invalidParameterValue("The parameter " + path
                        + ".Period must be a multiple of 60 (the sandbox keeps one-minute resolution).");
            }
            return new ParsedQuery(id, Fields.text(query, "Label", path + ".Label").orElse(id),
                    Fields.bool(query, "ReturnData", path + ".ReturnData").orElse(true), null, (int) period, null,
                    Optional.empty(), expression);
        }
        JsonNode metricStat = stat.orElseThrow(() -> CloudWatchError.missingParameter(path + ".MetricStat"));
        JsonNode metric = Fields.object(metricStat, "Metric", path + ".MetricStat.Metric")
                .orElseThrow(() -> CloudWatchError.missingParameter(path + ".MetricStat.Metric"));
        MetricKey key = parseMetric(metric, path + ".MetricStat.Metric");
        long period = Fields.integer(metricStat, "Period", path + ".MetricStat.Period")
                .orElseThrow(() -> CloudWatchError.missingParameter(path + ".MetricStat.Period"));
        if (period < 60 || period % 60 != 0 || period > Integer.MAX_VALUE) {
            throw CloudWatchError.invalidParameterValue("The parameter " + path
                    + ".MetricStat.Period must be a multiple of 60 (the sandbox keeps one-minute resolution).");
        }
        String statName = Fields.requiredText(metricStat, "Stat", path + ".MetricStat.Stat");
        Statistic statistic = Statistic.parse(statName).orElseThrow(() -> CloudWatchError.validationError(
                "The value " + statName + " for parameter " + path + ".MetricStat.Stat is not a valid statistic."));
        Optional<String> unit = Fields.text(metricStat, "Unit", path + ".MetricStat.Unit");
        String label = Fields.text(query, "Label", path + ".Label").orElse(key.metricName());
        boolean returnData = Fields.bool(query, "ReturnData", path + ".ReturnData").orElse(true);
        return new ParsedQuery(id, label, returnData, key, (int) period, statistic, unit, Optional.empty());
    }

    /** Namespace, MetricName and Dimensions of a Metric structure (also used by PutMetricData). */
    static MetricKey parseMetric(JsonNode metric, String path) {
        String namespace = Fields.requiredText(metric, "Namespace", path + ".Namespace");
        String name = Fields.requiredText(metric, "MetricName", path + ".MetricName");
        return MetricKey.of(namespace, name, parseDimensions(metric, path));
    }

    static List<Dimension> parseDimensions(JsonNode parent, String path) {
        List<JsonNode> nodes = Fields.list(parent, "Dimensions", path + ".Dimensions");
        if (nodes.size() > 30) {
            throw CloudWatchError.invalidParameterValue(
                    "The collection " + path + ".Dimensions must not have a size greater than 30.");
        }
        List<Dimension> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String p = path + ".Dimensions.member." + (i + 1);
            if (!nodes.get(i).isObject()) {
                throw CloudWatchError.malformed("member " + p + " must be a structure");
            }
            out.add(new Dimension(Fields.requiredText(nodes.get(i), "Name", p + ".Name"),
                    Fields.requiredText(nodes.get(i), "Value", p + ".Value")));
        }
        return out;
    }
}

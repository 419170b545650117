package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.metrics.MetricKey;
import com.lambdarelease.sandbox.metrics.MetricStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PutMetricData for any namespace: Value, Values+Counts or StatisticValues per datum. The whole
 * request is validated before anything is written, so a rejected call leaves no partial data.
 */
final class PutMetricData {

    static final int MAX_DATA = 1000;
    /** AWS accepts up to 150 values per datum (MetricDatum.Values in the API reference). */
    static final int MAX_VALUES = 150;
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private final MetricStore store;
    private final SandboxClock clock;

    PutMetricData(MetricStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    Map<String, Object> handle(JsonNode input) {
        String namespace = Fields.requiredText(input, "Namespace", "Namespace");
        if (namespace.startsWith("AWS/")) {
            // AWS reserves AWS/ for its own services. Type and words as recorded from real AWS in
            // boto/boto3 issue 1847: "InvalidParameterValue ... The value AWS/ for parameter Namespace is invalid."
            throw CloudWatchError.invalidParameterValue(
                    "The value " + Fields.prefix(namespace) + " for parameter Namespace is invalid.");
        }
        if (Fields.member(input, "MetricData").isEmpty()) {
            throw CloudWatchError.missingParameter("MetricData");
        }
        List<JsonNode> data = Fields.list(input, "MetricData", "MetricData");
        if (data.size() > MAX_DATA) {
            throw CloudWatchError.invalidParameterValue(
                    "The collection MetricData must not have a size greater than " + MAX_DATA + ".");
        }
        Instant now = clock.instant();
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            writes.add(parseDatum(namespace, data.get(i), "MetricData.member." + (i + 1), now));
        }
        writes.forEach(Runnable::run);
        return Map.of();
    }

    private Runnable parseDatum(String namespace, JsonNode datum, String path, Instant now) {
        if (!datum.isObject()) {
            throw CloudWatchError.malformed("member " + path + " must be a structure");
        }
        String name = Fields.requiredText(datum, "MetricName", path + ".MetricName");
        MetricKey key = MetricKey.of(namespace, name, MetricDataQueryParser.parseDimensions(datum, path));
        Instant at = Fields.timestamp(datum, "Timestamp", path + ".Timestamp").orElse(now);
        if (at.isBefore(now.minus(Duration.ofDays(14)))) {
            throw CloudWatchError.invalidParameterValue(
                    "The parameter " + path + ".Timestamp must specify a time no more than two weeks in the past.");
        }
        if (at.isAfter(now.plus(Duration.ofHours(2)))) {
            throw CloudWatchError.invalidParameterValue(
                    "The parameter " + path + ".Timestamp must specify a time no more than two hours in the future.");
        }
        String unit = Fields.text(datum, "Unit", path + ".Unit").orElse("None");
        if (!UNITS.contains(unit)) {
            throw CloudWatchError.invalidParameterValue("The value " + unit + " for parameter " + path + ".Unit is not valid.");
        }
        Optional<Double> value = Fields.number(datum, "Value", path + ".Value");
        Optional<JsonNode> statistics = Fields.object(datum, "StatisticValues", path + ".StatisticValues");
        List<Double> values = numbers(datum, "Values", path);
        List<Double> counts = numbers(datum, "Counts", path);
        int given = (value.isPresent() ? 1 : 0) + (statistics.isPresent() ? 1 : 0) + (values.isEmpty() ? 0 : 1);
        if (given > 1) {
            throw CloudWatchError.invalidParameterCombination("The parameters " + path + ".Value, " + path
                    + ".Values and " + path + ".StatisticValues are mutually exclusive and you have specified more than one.");
        }
        if (given == 0) {
            throw CloudWatchError.missingParameter(path + ".Value");
        }
        if (value.isPresent()) {
            double v = finite(value.get(), path + ".Value");
            return () -> store.put(key, at, v, 1, unit);
        }
        if (statistics.isPresent()) {
            return statisticSet(key, at, unit, statistics.get(), path + ".StatisticValues");
        }
        if (values.size() > MAX_VALUES) {
            // The limit is AWS's; these words follow AWS's collection-size message above (exact text unverified).
            throw CloudWatchError.invalidParameterValue("The collection " + path
                    + ".Values must not have a size greater than " + MAX_VALUES + ".");
        }
        if (!counts.isEmpty() && counts.size() != values.size()) {
            throw CloudWatchError.invalidParameterValue("The parameters " + path + ".Values and " + path
                    + ".Counts must be of the same size.");
        }
        for (int i = 0; i < values.size(); i++) {
            finite(values.get(i), path + ".Values.member." + (i + 1));
            if (!counts.isEmpty() && !(counts.get(i) >= 0)) {
                throw CloudWatchError.invalidParameterValue("The value " + counts.get(i) + " for parameter " + path
                        + ".Counts.member." + (i + 1) + " must not be negative.");
            }
        }
        // Each count is a weight: storing it costs the same whether it is 1 or 3e10.
        return () -> {
            for (int i = 0; i < values.size(); i++) {
                long count = counts.isEmpty() ? 1 : Math.round(counts.get(i));
                if (count > 0) {
                    store.put(key, at, values.get(i), count, unit);
                }
            }
        };
    }

    private Runnable statisticSet(MetricKey key, Instant at, String unit, JsonNode set, String path) {
        double count = required(set, "SampleCount", path);
        double sum = required(set, "Sum", path);
        double min = required(set, "Minimum", path);
        double max = required(set, "Maximum", path);
        if (!(count > 0) || min > max) {
            throw CloudWatchError.invalidParameterValue("The parameter " + path
                    + " must have a SampleCount above 0 and a Minimum no greater than its Maximum.");
        }
        return () -> store.putStatisticSet(key, at, count, sum, min, max, unit);
    }

    private static double required(JsonNode set, String name, String path) {
        return finite(Fields.number(set, name, path + "." + name)
                .orElseThrow(() -> CloudWatchError.missingParameter(path + "." + name)), path + "." + name);
    }

    private static List<Double> numbers(JsonNode datum, String name, String path) {
        List<Double> out = new ArrayList<>();
        List<JsonNode> nodes = Fields.list(datum, name, path + "." + name);
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isNumber()) {
                throw CloudWatchError.malformed("member " + path + "." + name + ".member." + (i + 1) + " must be a number");
            }
            out.add(nodes.get(i).doubleValue());
        }
        return out;
    }

    private static double finite(double v, String path) {
        if (!Double.isFinite(v)) {
            throw CloudWatchError.invalidParameterValue("The value " + v + " for parameter " + path + " is invalid.");
        }
        return v;
    }
}

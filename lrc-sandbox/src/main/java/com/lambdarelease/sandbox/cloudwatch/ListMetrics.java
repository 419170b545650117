package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.metrics.Dimension;
import com.lambdarelease.sandbox.metrics.MetricKey;
import com.lambdarelease.sandbox.metrics.MetricStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * ListMetrics: the metrics holding data, filtered by namespace, name and dimension filters (a
 * filter with no value matches any value), 500 a page.
 */
final class ListMetrics {

    static final int PAGE_SIZE = 500;

    private final MetricStore store;

    ListMetrics(MetricStore store) {
        this.store = store;
    }

    Map<String, Object> handle(JsonNode input) {
        Optional<String> namespace = Fields.text(input, "Namespace", "Namespace");
        Optional<String> metricName = Fields.text(input, "MetricName", "MetricName");
        List<DimensionFilter> filters = dimensionFilters(input);
        Optional<String> recentlyActive = Fields.text(input, "RecentlyActive", "RecentlyActive");
        if (recentlyActive.isPresent() && !recentlyActive.get().equals("PT3H")) {
            throw CloudWatchError.invalidParameterValue(
                    "The value " + recentlyActive.get() + " for parameter RecentlyActive is not valid. Valid values: PT3H.");
        }
        long offset = PageToken.decode(Fields.text(input, "NextToken", "NextToken"));

        Predicate<MetricKey> wanted = k -> namespace.map(k.namespace()::equals).orElse(true)
                && metricName.map(k.metricName()::equals).orElse(true)
                && filters.stream().allMatch(f -> f.matches(k.dimensions()));
        List<MetricKey> all = store.metrics(wanted);
        if (offset > 0 && offset >= all.size()) {
            throw CloudWatchError.invalidNextToken();
        }
        int end = (int) Math.min(all.size(), offset + PAGE_SIZE);
        List<Object> metrics = new ArrayList<>();
        for (MetricKey k : all.subList((int) offset, end)) {
            metrics.add(describe(k));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Metrics", metrics);
        if (end < all.size()) {
            out.put("NextToken", PageToken.encode(end));
        }
        return out;
    }

    private static Map<String, Object> describe(MetricKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Namespace", k.namespace());
        m.put("MetricName", k.metricName());
        List<Object> dims = new ArrayList<>();
        for (Dimension d : k.dimensions()) {
            dims.add(Map.of("Name", d.name(), "Value", d.value()));
        }
        m.put("Dimensions", dims);
        return m;
    }

    private static List<DimensionFilter> dimensionFilters(JsonNode input) {
        List<JsonNode> nodes = Fields.list(input, "Dimensions", "Dimensions");
        if (nodes.size() > 10) {
            throw CloudWatchError.invalidParameterValue("The collection Dimensions must not have a size greater than 10.");
        }
        List<DimensionFilter> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "Dimensions.member." + (i + 1);
            if (!nodes.get(i).isObject()) {
                throw CloudWatchError.malformed("member " + path + " must be a structure");
            }
            out.add(new DimensionFilter(Fields.requiredText(nodes.get(i), "Name", path + ".Name"),
                    Fields.text(nodes.get(i), "Value", path + ".Value")));
        }
        return out;
    }

    private record DimensionFilter(String name, Optional<String> value) {
        boolean matches(List<Dimension> dimensions) {
            return dimensions.stream().anyMatch(d -> d.name().equals(name) && value.map(d.value()::equals).orElse(true));
        }
    }
}

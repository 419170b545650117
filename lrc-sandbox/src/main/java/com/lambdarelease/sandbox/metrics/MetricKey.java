package com.lambdarelease.sandbox.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What CloudWatch calls a metric: namespace, name and an exact set of dimensions. Dimensions are
 * kept sorted by name, so the same set given in any order is the same metric (as in AWS).
 */
public record MetricKey(String namespace, String metricName, List<Dimension> dimensions) implements Comparable<MetricKey> {

    public MetricKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        List<Dimension> sorted = new ArrayList<>(dimensions);
        sorted.sort(null);
        dimensions = List.copyOf(sorted);
    }

    public static MetricKey of(String namespace, String metricName, Collection<Dimension> dimensions) {
        return new MetricKey(namespace, metricName, List.copyOf(dimensions));
    }

    public static MetricKey of(String namespace, String metricName, Dimension... dimensions) {
        return new MetricKey(namespace, metricName, List.of(dimensions));
    }

    @Override
    public int compareTo(MetricKey other) {
        int c = namespace.compareTo(other.namespace);
        if (c == 0) {
            c = metricName.compareTo(other.metricName);
        }
        for (int i = 0; c == 0 && i < Math.min(dimensions.size(), other.dimensions.size()); i++) {
            c = dimensions.get(i).compareTo(other.dimensions.get(i));
        }
        return c != 0 ? c : Integer.compare(dimensions.size(), other.dimensions.size());
    }
}

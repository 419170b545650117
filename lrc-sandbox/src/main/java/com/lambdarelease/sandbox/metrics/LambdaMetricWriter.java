package com.lambdarelease.sandbox.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns one {@link Invocation} into the AWS/Lambda datapoints AWS would write, under each of
 * Lambda's dimension sets: {@code FunctionName}; {@code FunctionName+Resource} when qualified;
 * {@code FunctionName+Resource+ExecutedVersion} when invoked through an alias.
 */
final class LambdaMetricWriter {

    static final String NAMESPACE = "AWS/Lambda";
    private static final int MAX_CACHED_SITES = 10_000;

    private final MetricStore store;
    /** Metric keys per invocation site, so the hot path (backfill) builds no keys. */
    private final Map<Site, List<SiteKeys>> keysBySite = new ConcurrentHashMap<>();

    LambdaMetricWriter(MetricStore store) {
        this.store = store;
    }

    void record(Invocation invocation) {
        for (SiteKeys keys : keysFor(invocation)) {
            write(keys, invocation);
        }
    }

    private void write(SiteKeys keys, Invocation inv) {
        if (inv.throttled()) {
            store.put(keys.throttles, inv.at(), 1, 1, "Count");
            return;
        }
        store.put(keys.invocations, inv.at(), 1, 1, "Count");
        store.put(keys.errors, inv.at(), inv.error() ? 1 : 0, 1, "Count");
        store.put(keys.throttles, inv.at(), 0, 1, "Count");
        double busyMs = store.addAndSum(keys.duration, inv.at(), inv.durationMs(), "Milliseconds");
        if (keys.concurrentExecutions != null) {
            // Average concurrency over the minute is busy time / 60 s; at least 1 while anything ran.
            store.raiseGauge(keys.concurrentExecutions, inv.at(), Math.max(1, Math.ceil(busyMs / 60_000.0)), "Count");
        }
    }

    private List<SiteKeys> keysFor(Invocation inv) {
        Site site = new Site(inv.functionName(), inv.qualifier(), inv.viaAlias(), inv.executedVersion());
        List<SiteKeys> keys = keysBySite.get(site);
        if (keys == null) {
            if (keysBySite.size() > MAX_CACHED_SITES) {
                keysBySite.clear();
            }
            keys = keysBySite.computeIfAbsent(site, LambdaMetricWriter::buildKeys);
        }
        return keys;
    }

    private static List<SiteKeys> buildKeys(Site site) {
        List<SiteKeys> out = new ArrayList<>();
        Dimension function = new Dimension("FunctionName", site.functionName);
        out.add(SiteKeys.of(List.of(function), true));
        site.qualifier.ifPresent(q -> {
            Dimension resource = new Dimension("Resource", site.functionName + ":" + q);
            out.add(SiteKeys.of(List.of(function, resource), true));
            if (site.viaAlias) {
                out.add(SiteKeys.of(List.of(function, resource, new Dimension("ExecutedVersion", site.executedVersion)),
                        false));
            }
        });
        return List.copyOf(out);
    }

    private record Site(String functionName, Optional<String> qualifier, boolean viaAlias, String executedVersion) {
    }

    private record SiteKeys(MetricKey invocations, MetricKey errors, MetricKey throttles, MetricKey duration,
                            MetricKey concurrentExecutions) {
        static SiteKeys of(List<Dimension> dims, boolean withConcurrency) {
            return new SiteKeys(new MetricKey(NAMESPACE, "Invocations", dims), new MetricKey(NAMESPACE, "Errors", dims),
                    new MetricKey(NAMESPACE, "Throttles", dims), new MetricKey(NAMESPACE, "Duration", dims),
                    withConcurrency ? new MetricKey(NAMESPACE, "ConcurrentExecutions", dims) : null);
        }
    }
}

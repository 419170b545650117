package com.lambdarelease.service;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricSeries;
import com.lambdarelease.domain.SlowInvocations;
import com.lambdarelease.service.errors.AwsErrors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link MetricsService} over CloudWatch's GetMetricData. All series of an alias go in one request
 * (billed per metric either way, and one round trip instead of many).
 */
public final class SdkMetricsService implements MetricsService {

    static final String NAMESPACE = "AWS/Lambda";

    private final CloudWatchAsyncClient client;
    private final Clock clock;

    public SdkMetricsService(CloudWatchAsyncClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<AliasMetrics> aliasMetrics(AliasMetricsQuery query) {
        try {
            return requestMetrics(query);
        } catch (RuntimeException e) { // a malformed query fails its future, never the caller's thread
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<AliasMetrics> requestMetrics(AliasMetricsQuery query) {
        Map<String, SeriesKey> byId = new LinkedHashMap<>();
        List<MetricDataQuery> queries = new ArrayList<>();
        List<LambdaMetric> metrics = query.metrics().stream().sorted().toList();
        for (int v = 0; v < query.versions().size(); v++) {
            String version = query.versions().get(v);
            for (LambdaMetric metric : metrics) {
                if (metric.perAliasOnly()) {
                    continue;
                }
                String id = "v" + v + "_" + metric.name().toLowerCase();
                byId.put(id, new SeriesKey(version, metric));
                queries.add(metricQuery(id, query, version, metric));
            }
        }
        // AWS records some metrics (ConcurrentExecutions) per alias only: one query, every version gets it.
        for (LambdaMetric metric : metrics) {
            if (metric.perAliasOnly()) {
                String id = "alias_" + metric.name().toLowerCase();
                byId.put(id, new SeriesKey(null, metric));
                queries.add(metricQuery(id, query, null, metric));
            }
        }
        // The slow-invocation counts ride in the same request: one TC(threshold:) series per version.
        Map<String, String> slowById = new LinkedHashMap<>();
        query.slowStatistic().ifPresent(stat -> {
            for (int v = 0; v < query.versions().size(); v++) {
                String id = "v" + v + "_slow";
                slowById.put(id, query.versions().get(v));
                queries.add(metricStat(id, "Duration " + stat + " v" + query.versions().get(v), query,
                        query.versions().get(v), "Duration", stat));
            }
        });
        Map<String, List<MetricPoint>> points = new LinkedHashMap<>();
        byId.keySet().forEach(id -> points.put(id, new ArrayList<>()));
        slowById.keySet().forEach(id -> points.put(id, new ArrayList<>()));
        return fetch(query, queries, null, points).handle((v, error) -> {
            if (error != null) {
                throw AwsErrors.asRuntime(error);
            }
            List<MetricSeries> series = new ArrayList<>();
            byId.forEach((id, key) -> {
                List<MetricPoint> sorted = sorted(points.get(id));
                if (key.version() == null) {
                    query.versions().forEach(each -> series.add(new MetricSeries(each, key.metric(), sorted)));
                } else {
                    series.add(new MetricSeries(key.version(), key.metric(), sorted));
                }
            });
            List<SlowInvocations> slow = new ArrayList<>();
            slowById.forEach((id, version) -> slow.add(new SlowInvocations(version,
                    query.slowerThanMs().getAsDouble(), sorted(points.get(id)))));
            return new AliasMetrics(query, series, slow, clock.instant());
        });
    }

    private CompletableFuture<Void> fetch(AliasMetricsQuery query, List<MetricDataQuery> queries, String nextToken,
                                          Map<String, List<MetricPoint>> into) {
        CompletableFuture<GetMetricDataResponse> page;
        try {
            page = client.getMetricData(r -> r.metricDataQueries(queries)
                    .startTime(query.window().start()).endTime(query.window().end())
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(nextToken));
        } catch (RuntimeException e) {
            page = CompletableFuture.failedFuture(e);
        }
        return page.thenCompose(response -> {
            collect(response, into);
            String next = response.nextToken();
            return next == null || next.isEmpty() ? CompletableFuture.completedFuture(null)
                    : fetch(query, queries, next, into);
        });
    }

    private static void collect(GetMetricDataResponse response, Map<String, List<MetricPoint>> into) {
        for (MetricDataResult result : response.metricDataResults()) {
            List<MetricPoint> list = into.get(result.id());
            if (list == null) {
                continue;
            }
            List<Instant> times = result.timestamps();
            List<Double> values = result.values();
            for (int i = 0; i < Math.min(times.size(), values.size()); i++) {
                list.add(new MetricPoint(times.get(i), values.get(i)));
            }
        }
    }

    private static List<MetricPoint> sorted(List<MetricPoint> points) {
        return points.stream().sorted(Comparator.comparing(MetricPoint::time)).toList();
    }

    private static MetricDataQuery metricQuery(String id, AliasMetricsQuery query, String version, LambdaMetric metric) {
        return metricStat(id, metric.metricName() + " " + metric.statistic() + (version == null ? " alias" : " v" + version),
                query, version, metric.metricName(), metric.statistic());
    }

    /** {@code version} null: the alias's own dimension set, without ExecutedVersion. */
    private static MetricDataQuery metricStat(String id, String label, AliasMetricsQuery query, String version,
                                              String metricName, String statistic) {
        return MetricDataQuery.builder()
                .id(id)
                .label(label)
                .returnData(true)
                .metricStat(s -> s.period((int) query.window().period().getSeconds())
                        .stat(statistic)
                        .metric(m -> m.namespace(NAMESPACE).metricName(metricName).dimensions(version == null
                                ? List.of(dimension("FunctionName", query.functionName()),
                                        dimension("Resource", query.resource()))
                                : List.of(dimension("FunctionName", query.functionName()),
                                        dimension("Resource", query.resource()),
                                        dimension("ExecutedVersion", version)))))
                .build();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** {@code version} null: an alias-level series, copied to every version. */
    private record SeriesKey(String version, LambdaMetric metric) {
    }
}

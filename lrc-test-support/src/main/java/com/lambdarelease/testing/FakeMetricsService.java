package com.lambdarelease.testing;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricSeries;
import com.lambdarelease.domain.SlowInvocations;
import com.lambdarelease.service.MetricsService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers every query at once (or holds answers when {@link #hold} is set) with steady traffic:
 * 100 invocations per minute for the primary (first version), 10 for the others, 1 % and 15 %
 * errors, and no duration datapoint in minutes divisible by 7 (a gap). Asked for slow invocations,
 * one invocation a minute of each version is slower than the threshold, whatever it is (1 % of
 * the primary's, 10 % of the others').
 */
public final class FakeMetricsService implements MetricsService {
    public final List<AliasMetricsQuery> queries = new CopyOnWriteArrayList<>();
    public final List<CompletableFuture<AliasMetrics>> held = new CopyOnWriteArrayList<>();
    private final List<AliasMetrics> answers = new CopyOnWriteArrayList<>();
    public volatile boolean hold;
    private final Clock clock;

    public FakeMetricsService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletableFuture<AliasMetrics> aliasMetrics(AliasMetricsQuery query) {
        queries.add(query);
        AliasMetrics answer = answer(query, clock.instant());
        if (hold) {
            CompletableFuture<AliasMetrics> f = new CompletableFuture<>();
            held.add(f);
            answers.add(answer);
            return f;
        }
        return CompletableFuture.completedFuture(answer);
    }

    /** Lets every held answer arrive now. */
    public void release() {
        for (int i = 0; i < held.size(); i++) {
            held.get(i).complete(answers.get(i));
        }
        held.clear();
        answers.clear();
    }

    public static AliasMetrics answer(AliasMetricsQuery query, Instant fetchedAt) {
        List<MetricSeries> series = new ArrayList<>();
        Instant lastMinute = fetchedAt.minusSeconds(120); // arrive two minutes late
        for (int i = 0; i < query.versions().size(); i++) {
            String v = query.versions().get(i);
            double inv = i == 0 ? 100 : 10;
            double errRate = i == 0 ? 0.01 : 0.15;
            for (LambdaMetric m : query.metrics()) {
                List<MetricPoint> points = new ArrayList<>();
                for (Instant t = query.window().start(); t.isBefore(query.window().end()) && !t.isAfter(lastMinute);
                     t = t.plus(query.window().period())) {
                    long minute = t.getEpochSecond() / 60;
                    double value = switch (m) {
                        case INVOCATIONS -> inv;
                        case ERRORS -> inv * errRate;
                        case THROTTLES -> 0;
                        case DURATION_AVERAGE -> minute % 7 == 0 ? Double.NaN : 50 + i * 20;
                        case DURATION_P99 -> minute % 7 == 0 ? Double.NaN : 120 + i * 40;
                        case CONCURRENT_EXECUTIONS -> 2 + i;
                    };
                    if (m == LambdaMetric.THROTTLES || Double.isNaN(value)) {
                        continue; // CloudWatch sends no datapoint for a minute without one
                    }
                    points.add(new MetricPoint(t, value));
                }
                series.add(new MetricSeries(v, m, points));
            }
        }
        List<SlowInvocations> slow = new ArrayList<>();
        if (query.slowerThanMs().isPresent()) {
            for (int i = 0; i < query.versions().size(); i++) {
                List<MetricPoint> points = new ArrayList<>();
                for (Instant t = query.window().start(); t.isBefore(query.window().end()) && !t.isAfter(lastMinute);
                     t = t.plus(query.window().period())) {
                    points.add(new MetricPoint(t, 1));
                }
                slow.add(new SlowInvocations(query.versions().get(i), query.slowerThanMs().getAsDouble(), points));
            }
        }
        return new AliasMetrics(query, series, slow, fetchedAt);
    }
}

package com.lambdarelease.sandbox.metrics;

import com.lambdarelease.sandbox.SandboxClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * CloudWatch's datapoints, kept per metric in one-minute buckets (sum, sample count, minimum,
 * maximum and raw values for percentiles). Thread-safe: HTTP threads and the traffic simulator
 * write concurrently.
 *
 * <p>Memory is bounded by a retention window (3 days by default, shorter than AWS's 15 days for
 * one-minute data, since a desktop sandbox seldom looks further back); older minutes are dropped
 * as the clock moves on, and writes older than the window are ignored.
 *
 * <p>With {@code awsDelay}, each minute of each metric becomes readable 1-3 minutes (chosen at
 * random, fixed per bucket) after the minute ends, as AWS/Lambda metrics do.
 */
public final class MetricStore implements InvocationRecorder {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);

    private final SandboxClock clock;
    private final boolean awsDelay;
    private final java.util.function.Function<MetricKey, Duration> lateBy;
    private final long retentionSeconds;
    private final Map<MetricKey, MetricSeries> series = new ConcurrentHashMap<>();
    private final AtomicLong lastPrunedMinute = new AtomicLong(Long.MIN_VALUE);
    private final LambdaMetricWriter lambda = new LambdaMetricWriter(this);

    public MetricStore(SandboxClock clock, boolean awsDelay) {
        this(clock, awsDelay, DEFAULT_RETENTION);
    }

    public MetricStore(SandboxClock clock, boolean awsDelay, Duration retention) {
        this(clock, awsDelay, retention, key -> Duration.ZERO);
    }

    /** @param lateBy how much later than the rest each series becomes readable (zero for most) */
    public MetricStore(SandboxClock clock, boolean awsDelay, Duration retention,
                       java.util.function.Function<MetricKey, Duration> lateBy) {
        if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least a minute, was " + retention);
        }
        this.clock = clock;
        this.awsDelay = awsDelay;
        this.lateBy = lateBy;
        this.retentionSeconds = retention.toSeconds();
    }

    /** Writes the AWS/Lambda datapoints of one invocation (Invocations, Errors, Throttles, Duration, ConcurrentExecutions). */
    @Override
    public void record(Invocation invocation) {
        lambda.record(invocation);
    }

    /** Adds {@code count} samples of {@code value} to the minute holding {@code at} (PutMetricData Value / Values+Counts). */
    public void put(MetricKey key, Instant at, double value, long count, String unit) {
        long t = at.getEpochSecond();
        long now = clock.epochSecond();
        if (isRetained(t, now)) {
            while (!seriesFor(key, now).add(t, value, count, unit)) {
                forgetRetired(key);
            }
        }
    }

    /** Adds a pre-aggregated statistic set (PutMetricData StatisticValues); such minutes answer no percentiles. */
    public void putStatisticSet(MetricKey key, Instant at, double sampleCount, double sum, double min, double max,
                                String unit) {
        long t = at.getEpochSecond();
        long now = clock.epochSecond();
        if (isRetained(t, now)) {
            while (!seriesFor(key, now).addStatisticSet(t, sampleCount, sum, min, max, unit)) {
                forgetRetired(key);
            }
        }
    }

    /** Adds one sample and returns the minute's sum so far (0 when the write fell outside retention). */
    double addAndSum(MetricKey key, Instant at, double value, String unit) {
        long t = at.getEpochSecond();
        long now = clock.epochSecond();
        if (!isRetained(t, now)) {
            return 0;
        }
        OptionalDouble sum;
        while ((sum = seriesFor(key, now).addAndSum(t, value, unit)).isEmpty()) {
            forgetRetired(key);
        }
        return sum.getAsDouble();
    }

    /** Sets the minute's single gauge reading, keeping the higher of an earlier one. */
    void raiseGauge(MetricKey key, Instant at, double value, String unit) {
        long t = at.getEpochSecond();
        long now = clock.epochSecond();
        if (isRetained(t, now)) {
            while (!seriesFor(key, now).raiseGauge(t, value, unit)) {
                forgetRetired(key);
            }
        }
    }

    /**
     * The datapoints of one series: only periods holding readable data appear. Periods start at
     * the query's start rounded down to the minute.
     */
    public List<Datapoint> query(MetricQuery q) {
        MetricSeries s = series.get(q.metric());
        if (s == null || q.unit().map(u -> !u.equals(s.unit())).orElse(false)) {
            return List.of();
        }
        long start = Math.floorDiv(q.start().getEpochSecond(), 60) * 60;
        long end = q.end().getEpochSecond() + (q.end().getNano() > 0 ? 1 : 0);
        List<Datapoint> points = s.query(start, end, q.periodSeconds(), q.statistic(), clock.instant().getEpochSecond());
        if (!q.ascending()) {
            Collections.reverse(points);
        }
        return points;
    }

    /** The metrics holding data, sorted by namespace, name and dimensions. */
    public List<MetricKey> metrics(Predicate<MetricKey> filter) {
        pruneIfDue(clock.epochSecond());
        List<MetricKey> out = new ArrayList<>();
        for (MetricKey k : series.keySet()) {
            if (filter.test(k)) {
                out.add(k);
            }
        }
        out.sort(null);
        return out;
    }

    /** The unit last written for a metric. */
    public Optional<String> unitOf(MetricKey key) {
        MetricSeries s = series.get(key);
        return s == null ? Optional.empty() : Optional.of(s.unit());
    }

    /** The series of {@code key}, made when new; {@code now} is the sandbox's epoch second of this write. */
    private MetricSeries seriesFor(MetricKey key, long now) {
        pruneIfDue(now);
        MetricSeries s = series.get(key);
        return s != null ? s : series.computeIfAbsent(key, k -> new MetricSeries(minute -> visibleAt(k, minute)));
    }

    private void forgetRetired(MetricKey key) {
        MetricSeries s = series.get(key);
        if (s != null && s.prune(oldestRetainedSecond())) {
            series.remove(key, s);
        }
    }

    private boolean isRetained(long epochSecond, long now) {
        return epochSecond >= now - retentionSeconds;
    }

    private long oldestRetainedSecond() {
        return clock.epochSecond() - retentionSeconds;
    }

    /** At most once per sandbox minute, drops minutes that left the retention window. */
    private void pruneIfDue(long now) {
        long minute = Math.floorDiv(now, 60);
        long last = lastPrunedMinute.get();
        if (minute <= last || !lastPrunedMinute.compareAndSet(last, minute)) {
            return;
        }
        long keepFrom = Math.floorDiv(now - retentionSeconds, 60) * 60;
        series.forEach((key, s) -> {
            if (s.prune(keepFrom)) {
                series.remove(key, s);
            }
        });
    }

    private long visibleAt(MetricKey key, long minuteStart) {
        long late = lateBy.apply(key).toSeconds();
        if (!awsDelay) {
            return late == 0 ? Long.MIN_VALUE : minuteStart + 60 + late;
        }
        // A fixed pseudo-random 60-180 s per (metric, minute), so repeated reads agree.
        long h = mix(key.hashCode() * 0x9E3779B97F4A7C15L + minuteStart);
        return minuteStart + 60 + 60 + Math.floorMod(h, 121) + late;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package com.lambdarelease.sandbox.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * One metric's minute buckets, keyed by the minute's start in epoch seconds. All access is
 * synchronized on the series, so writers (HTTP threads, the simulator) and readers never see a
 * half-updated minute.
 */
final class MetricSeries {

    private final NavigableMap<Long, MinuteBucket> minutes = new TreeMap<>();
    /** Minute start (epoch s) to the epoch second its datapoint becomes readable. */
    private final LongUnaryOperator visibleAt;
    private String unit = "None";
    private boolean retired;

    MetricSeries(LongUnaryOperator visibleAt) {
        this.visibleAt = visibleAt;
    }

    /** The bucket for the minute holding {@code epochSecond}, or null if this series was pruned away. */
    private MinuteBucket bucket(long epochSecond) {
        if (retired) {
            return null;
        }
        long minute = Math.floorDiv(epochSecond, 60) * 60;
        return minutes.computeIfAbsent(minute, m -> new MinuteBucket(visibleAt.applyAsLong(m)));
    }

    /** Adds {@code count} samples of {@code value}; false if the series was retired meanwhile. */
    synchronized boolean add(long epochSecond, double value, long count, String unit) {
        MinuteBucket b = bucket(epochSecond);
        if (b == null) {
            return false;
        }
        b.add(value, count);
        this.unit = unit;
        return true;
    }

    synchronized boolean addStatisticSet(long epochSecond, double count, double sum, double min, double max,
                                         String unit) {
        MinuteBucket b = bucket(epochSecond);
        if (b == null) {
            return false;
        }
        b.addStatisticSet(count, sum, min, max);
        this.unit = unit;
        return true;
    }

    /** Adds one sample and returns the minute's new sum (for estimates derived from it). */
    synchronized OptionalDouble addAndSum(long epochSecond, double value, String unit) {
        MinuteBucket b = bucket(epochSecond);
        if (b == null) {
            return OptionalDouble.empty();
        }
        b.add(value, 1);
        this.unit = unit;
        return OptionalDouble.of(b.sum);
    }

    synchronized boolean raiseGauge(long epochSecond, double value, String unit) {
        MinuteBucket b = bucket(epochSecond);
        if (b == null) {
            return false;
        }
        b.raiseGauge(value);
        this.unit = unit;
        return true;
    }

    /**
     * Datapoints of the periods starting at {@code start} (a whole minute) and every
     * {@code periodSeconds} after, up to {@code endExclusive}; only periods with readable data.
     * Ascending by timestamp.
     */
    synchronized List<Datapoint> query(long start, long endExclusive, int periodSeconds, Statistic statistic,
                                       long nowEpochSecond) {
        List<Datapoint> out = new ArrayList<>();
        boolean wantSamples = statistic.needsRawValues();
        long currentPeriod = Long.MIN_VALUE;
        PeriodAggregate aggregate = new PeriodAggregate();
        for (Map.Entry<Long, MinuteBucket> e : minutes.subMap(start, true, endExclusive, false).entrySet()) {
            MinuteBucket bucket = e.getValue();
            if (bucket.visibleAtEpochSecond > nowEpochSecond) {
                continue;
            }
            long period = start + (e.getKey() - start) / periodSeconds * periodSeconds;
            if (period != currentPeriod) {
                emit(out, currentPeriod, aggregate, statistic);
                currentPeriod = period;
                aggregate = new PeriodAggregate();
            }
            aggregate.include(bucket, wantSamples);
        }
        emit(out, currentPeriod, aggregate, statistic);
        return out;
    }

    private static void emit(List<Datapoint> out, long period, PeriodAggregate aggregate, Statistic statistic) {
        aggregate.value(statistic).ifPresent(v -> out.add(new Datapoint(Instant.ofEpochSecond(period), v)));
    }

    synchronized String unit() {
        return unit;
    }

    /**
     * Drops minutes before {@code keepFrom} (epoch s). Returns true when nothing is left: the
     * series is then retired and must be forgotten.
     */
    synchronized boolean prune(long keepFrom) {
        minutes.headMap(keepFrom, false).clear();
        retired = minutes.isEmpty();
        return retired;
    }
}

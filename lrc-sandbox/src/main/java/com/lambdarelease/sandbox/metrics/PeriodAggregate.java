package com.lambdarelease.sandbox.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The minute buckets that fall in one period, combined. Percentiles use the nearest-rank method
 * on the raw values: pNN is the smallest value with at least NN% of the values at or below it.
 * Trimmed counts and percentile ranks count the raw values in a range (see {@link Statistic}).
 * Statistics on raw values answer nothing for a period with any minute that has none (a
 * statistic set, a negative value): CloudWatch "needs raw data points to calculate" them
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 */
final class PeriodAggregate {

    private double sampleCount;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final List<SampleSet> samples = new ArrayList<>();
    private boolean percentilesAvailable = true;
    private boolean empty = true;

    void include(MinuteBucket bucket, boolean wantSamples) {
        empty = false;
        sampleCount += bucket.sampleCount;
        sum += bucket.sum;
        min = Math.min(min, bucket.min);
        max = Math.max(max, bucket.max);
        if (bucket.samples == null) {
            percentilesAvailable = false;
        } else if (wantSamples) {
            samples.add(bucket.samples);
        }
    }

    boolean isEmpty() {
        return empty;
    }

    OptionalDouble value(Statistic statistic) {
        if (empty) {
            return OptionalDouble.empty();
        }
        return switch (statistic.kind()) {
            case SUM -> OptionalDouble.of(sum);
            case SAMPLE_COUNT -> OptionalDouble.of(sampleCount);
            case MINIMUM -> OptionalDouble.of(min);
            case MAXIMUM -> OptionalDouble.of(max);
            case AVERAGE -> sampleCount > 0 ? OptionalDouble.of(sum / sampleCount) : OptionalDouble.empty();
            case PERCENTILE -> percentile(statistic.percentile());
            case TRIMMED_COUNT -> trimmedCount(statistic.range());
            case PERCENTILE_RANK -> percentileRank(statistic.range());
        };
    }

    private OptionalDouble percentile(double p) {
        if (!percentilesAvailable) {
            return OptionalDouble.empty();
        }
        int n = samples.stream().mapToInt(SampleSet::size).sum();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        float[] values = new float[n];
        double[] weights = new double[n];
        int end = 0;
        for (SampleSet set : samples) {
            end = set.copyInto(values, weights, end);
        }
        return OptionalDouble.of(weightedNearestRank(values, weights, n, p));
    }

    /**
     * How many values lie in the range: 0 when the period has values but none in it (a count, not
     * a gap). Percentage bounds are read as ranks: {@code TC(10%:90%)} of 100 values is the 80
     * between the lowest 10 and the highest 10, whatever their values (how AWS treats ties across
     * a percentage bound is not documented).
     */
    private OptionalDouble trimmedCount(Statistic.Range range) {
        if (!percentilesAvailable) {
            return OptionalDouble.empty();
        }
        if (range.percentages()) {
            double total = samples.stream().mapToDouble(SampleSet::weight).sum();
            return OptionalDouble.of(Math.floor(range.upper() * total / 100) - Math.floor(range.lower() * total / 100));
        }
        return OptionalDouble.of(weightIn(range));
    }

    /** The percentage (0-100) of values in the range, bounds as a trimmed count's. */
    private OptionalDouble percentileRank(Statistic.Range range) {
        if (!percentilesAvailable) {
            return OptionalDouble.empty();
        }
        double total = samples.stream().mapToDouble(SampleSet::weight).sum();
        return total > 0 ? OptionalDouble.of(100 * weightIn(range) / total) : OptionalDouble.empty();
    }

    private double weightIn(Statistic.Range range) {
        return samples.stream().mapToDouble(set -> set.weightIn(range)).sum();
    }

    /** The smallest value whose cumulative weight reaches p% of the total weight (nearest rank, weighted). */
    private static double weightedNearestRank(float[] values, double[] weights, int n, double p) {
        long[] order = new long[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits(values[i]);
            order[i] = ((long) (bits ^ ((bits >> 31) & 0x7fffffff)) << 32) | i;
            total += weights[i];
        }
        Arrays.sort(order);
        double rank = Math.ceil(p / 100.0 * total);
        double seen = 0;
        for (long o : order) {
            int i = (int) o;
            seen += weights[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[(int) order[n - 1]];
    }
}

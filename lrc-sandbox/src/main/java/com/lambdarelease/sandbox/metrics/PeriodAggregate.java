package com.lambdarelease.sandbox.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The minute buckets that fall in one period, combined. Percentiles use the nearest-rank method
 * on the raw values: pNN is the smallest value with at least NN% of the values at or below it.
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

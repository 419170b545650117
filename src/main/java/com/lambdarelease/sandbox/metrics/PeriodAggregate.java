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
        float[] all = new float[n];
        int end = 0;
        for (SampleSet set : samples) {
            end = set.copyInto(all, end);
        }
        Arrays.sort(all);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return OptionalDouble.of(all[Math.max(0, Math.min(n - 1, rank - 1))]);
    }
}

package com.lambdarelease.sandbox.metrics;

import java.util.Arrays;

/**
 * The raw values of one minute bucket, each with a weight (how many samples it stands for), so
 * percentiles can be computed from them. Adding a value with a count costs the same whatever the
 * count: PutMetricData's Counts are weights, and {@code "Values":[5],"Counts":[3e10]} is one entry,
 * not thirty billion. A run of equal values (Invocations is always 1) stays one entry. Past
 * {@link #CAPACITY} entries the set is compacted: sorted, and neighbouring pairs merged into the
 * heavier of the two with their weights summed. So percentiles are exact up to 2,048 distinct
 * values a minute and a close estimate beyond, and memory and work per value stay bounded.
 * Not thread-safe: the owning {@link MetricSeries} locks.
 */
final class SampleSet {

    static final int CAPACITY = 2048;

    private float[] values = new float[4];
    private double[] weights = new double[4];
    private int held;

    void add(double value) {
        add(value, 1);
    }

    /** Adds {@code count} samples of {@code value}, in time independent of {@code count}. */
    void add(double value, double count) {
        if (!(count > 0)) {
            return;
        }
        float v = (float) value;
        if (held > 0 && values[held - 1] == v) {
            weights[held - 1] += count;
            return;
        }
        if (held == CAPACITY) {
            compact();
        }
        if (held == values.length) {
            int size = Math.min(CAPACITY, values.length * 2);
            values = Arrays.copyOf(values, size);
            weights = Arrays.copyOf(weights, size);
        }
        values[held] = v;
        weights[held] = count;
        held++;
    }

    /** Halves the entries: sorted by value, each neighbouring pair becomes the heavier one, weights summed. */
    private void compact() {
        sortByValue();
        int out = 0;
        for (int i = 0; i < held; i += 2) {
            if (i + 1 == held) {
                values[out] = values[i];
                weights[out++] = weights[i];
            } else {
                values[out] = weights[i] >= weights[i + 1] ? values[i] : values[i + 1];
                weights[out++] = weights[i] + weights[i + 1];
            }
        }
        held = out;
    }

    private void sortByValue() {
        long[] order = new long[held];
        for (int i = 0; i < held; i++) {
            // Sort indices by value: the float's sortable bits in the high word, the index in the low.
            int bits = Float.floatToIntBits(values[i]);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
            order[i] = ((long) sortable << 32) | i;
        }
        Arrays.sort(order);
        float[] v = new float[values.length];
        double[] w = new double[weights.length];
        for (int i = 0; i < held; i++) {
            int from = (int) order[i];
            v[i] = values[from];
            w[i] = weights[from];
        }
        values = v;
        weights = w;
    }

    /** How many samples the set stands for. */
    double weight() {
        double total = 0;
        for (int i = 0; i < held; i++) {
            total += weights[i];
        }
        return total;
    }

    /**
     * How many samples lie in the range (lower exclusive, upper inclusive). Values are held as
     * floats, so the bounds are compared as floats too: TC(250.3:) must not count a value put as
     * 250.3 because its float is a hair above the double.
     */
    double weightIn(Statistic.Range range) {
        double lower = range.lower() == Double.NEGATIVE_INFINITY ? range.lower() : (float) range.lower();
        double upper = range.upper() == Double.POSITIVE_INFINITY ? range.upper() : (float) range.upper();
        double in = 0;
        for (int i = 0; i < held; i++) {
            if (values[i] > lower && values[i] <= upper) {
                in += weights[i];
            }
        }
        return in;
    }

    /** Entries held (at most {@link #CAPACITY}), not samples. */
    int size() {
        return held;
    }

    /** Appends the held entries to the sinks starting at {@code from}; returns the new end. */
    int copyInto(float[] valueSink, double[] weightSink, int from) {
        System.arraycopy(values, 0, valueSink, from, held);
        System.arraycopy(weights, 0, weightSink, from, held);
        return from + held;
    }
}

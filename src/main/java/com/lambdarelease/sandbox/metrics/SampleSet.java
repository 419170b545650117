package com.lambdarelease.sandbox.metrics;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The raw values of one minute bucket, kept so percentiles can be computed exactly. Two
 * economies keep memory small: a run of equal values (Invocations is always 1) is held as a
 * count, not an array; and past {@link #CAPACITY} values the set becomes a uniform reservoir
 * sample, so percentiles are exact up to 2,048 values a minute and a close estimate beyond.
 * Not thread-safe: the owning {@link MetricSeries} locks.
 */
final class SampleSet {

    static final int CAPACITY = 2048;

    private float constant;
    private float[] values;   // null while every value so far equals {@code constant}
    private int held;         // values held (at most CAPACITY)
    private long offered;     // values ever added

    void add(double value) {
        float v = (float) value;
        offered++;
        if (values == null) {
            if (held == 0 || v == constant) {
                constant = v;
                held = (int) Math.min(offered, CAPACITY);
                return;
            }
            values = new float[Math.min(CAPACITY, Math.max(16, held * 2))];
            Arrays.fill(values, 0, held, constant);
        }
        if (held < CAPACITY) {
            if (held == values.length) {
                values = Arrays.copyOf(values, Math.min(CAPACITY, values.length * 2));
            }
            values[held++] = v;
            return;
        }
        long slot = ThreadLocalRandom.current().nextLong(offered);
        if (slot < CAPACITY) {
            values[(int) slot] = v;
        }
    }

    int size() {
        return held;
    }

    /** Appends the held values to {@code sink} starting at {@code from}; returns the new end. */
    int copyInto(float[] sink, int from) {
        if (values == null) {
            Arrays.fill(sink, from, from + held, constant);
        } else {
            System.arraycopy(values, 0, sink, from, held);
        }
        return from + held;
    }
}

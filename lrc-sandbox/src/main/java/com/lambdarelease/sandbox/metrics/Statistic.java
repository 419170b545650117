package com.lambdarelease.sandbox.metrics;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic as GetMetricData names it: {@code Sum}, {@code Average}, {@code Maximum},
 * {@code Minimum}, {@code SampleCount} or a percentile {@code pNN} / {@code pNN.NN}.
 *
 * @param kind       which statistic
 * @param percentile 0-100 for {@link Kind#PERCENTILE}, otherwise unused
 */
public record Statistic(Kind kind, double percentile) {

    public enum Kind { SUM, AVERAGE, MAXIMUM, MINIMUM, SAMPLE_COUNT, PERCENTILE }

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,10})?|100)");

    public static final Statistic SUM = new Statistic(Kind.SUM, 0);
    public static final Statistic AVERAGE = new Statistic(Kind.AVERAGE, 0);
    public static final Statistic MAXIMUM = new Statistic(Kind.MAXIMUM, 0);
    public static final Statistic MINIMUM = new Statistic(Kind.MINIMUM, 0);
    public static final Statistic SAMPLE_COUNT = new Statistic(Kind.SAMPLE_COUNT, 0);

    public static Statistic percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be 0-100, was " + p);
        }
        return new Statistic(Kind.PERCENTILE, p);
    }

    /** Parses a statistic name as AWS spells it; empty when AWS would reject it. */
    public static Optional<Statistic> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        switch (name) {
            case "Sum": return Optional.of(SUM);
            case "Average": return Optional.of(AVERAGE);
            case "Maximum": return Optional.of(MAXIMUM);
            case "Minimum": return Optional.of(MINIMUM);
            case "SampleCount": return Optional.of(SAMPLE_COUNT);
            default:
                Matcher m = PERCENTILE.matcher(name.toLowerCase(Locale.ROOT));
                return m.matches() ? Optional.of(percentile(Double.parseDouble(m.group(1)))) : Optional.empty();
        }
    }
}

package com.lambdarelease.sandbox.metrics;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic as GetMetricData names it: {@code Sum}, {@code Average}, {@code Maximum},
 * {@code Minimum}, {@code SampleCount}, a percentile {@code pNN} / {@code pNN.NN}, a trimmed count
 * ({@code TC(lower:upper)}, {@code tcNN}) or a percentile rank ({@code PR(lower:upper)}).
 * <p>
 * Trimmed count and percentile rank follow the CloudWatch user guide, "CloudWatch statistics
 * definitions" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html):
 * absolute bounds exclude values equal to the lower bound and include values equal to the upper
 * one ({@code TC(80:500)} counts 80 &lt; v &le; 500); a missing bound is open ({@code TC(:0.5)} counts
 * v &le; 0.5, {@code TC(250:)} counts v &gt; 250); percentages ({@code TC(10%:90%)}) lie between 0 and
 * 100; numbers have at most 10 decimal places; a range is written in upper case, and only the
 * one-number form ({@code tc90}, the same as {@code TC(:90%)}) in lower case.
 *
 * @param kind       which statistic
 * @param percentile 0-100 for {@link Kind#PERCENTILE}, otherwise unused
 * @param range      the bounds for {@link Kind#TRIMMED_COUNT} and {@link Kind#PERCENTILE_RANK}, otherwise
 *                   {@link Range#ALL}
 */
public record Statistic(Kind kind, double percentile, Range range) {

    public enum Kind { SUM, AVERAGE, MAXIMUM, MINIMUM, SAMPLE_COUNT, PERCENTILE, TRIMMED_COUNT, PERCENTILE_RANK }

    /**
     * The bounds of a trimmed count or percentile rank: values (or, with {@code percentages}, ranks
     * in percent) above {@code lower} and at most {@code upper}; an open bound is infinite.
     */
    public record Range(double lower, double upper, boolean percentages) {

        public static final Range ALL = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);

        public Range {
            if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
                throw new IllegalArgumentException("a range needs lower < upper, was " + lower + ":" + upper);
            }
        }

        /** Absolute bounds: lower exclusive, upper inclusive, as CloudWatch counts them. */
        public boolean contains(double value) {
            return value > lower && value <= upper;
        }
    }

    private static final String NUMBER = "\\d+(?:\\.\\d{1,10})?";
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,10})?|100)");
    private static final Pattern RANGE = Pattern.compile("(TC|PR)\\((" + NUMBER + "%?)?:(" + NUMBER + "%?)?\\)");
    private static final Pattern TRIMMED_COUNT_SHORT = Pattern.compile("tc(" + NUMBER + ")");

    public static final Statistic SUM = new Statistic(Kind.SUM, 0, Range.ALL);
    public static final Statistic AVERAGE = new Statistic(Kind.AVERAGE, 0, Range.ALL);
    public static final Statistic MAXIMUM = new Statistic(Kind.MAXIMUM, 0, Range.ALL);
    public static final Statistic MINIMUM = new Statistic(Kind.MINIMUM, 0, Range.ALL);
    public static final Statistic SAMPLE_COUNT = new Statistic(Kind.SAMPLE_COUNT, 0, Range.ALL);

    public static Statistic percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be 0-100, was " + p);
        }
        return new Statistic(Kind.PERCENTILE, p, Range.ALL);
    }

    public static Statistic trimmedCount(Range range) {
        return new Statistic(Kind.TRIMMED_COUNT, 0, range);
    }

    public static Statistic percentileRank(Range range) {
        if (range.percentages()) {
            throw new IllegalArgumentException("a percentile rank takes absolute bounds");
        }
        return new Statistic(Kind.PERCENTILE_RANK, 0, range);
    }

    /** Percentiles, trimmed counts and percentile ranks need the raw values, not just sum and count. */
    public boolean needsRawValues() {
        return kind == Kind.PERCENTILE || kind == Kind.TRIMMED_COUNT || kind == Kind.PERCENTILE_RANK;
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
                Matcher range = RANGE.matcher(name);
                if (range.matches()) {
                    return range(range.group(1), range.group(2), range.group(3));
                }
                Matcher tc = TRIMMED_COUNT_SHORT.matcher(name);
                if (tc.matches()) {
                    return range("TC", null, tc.group(1) + "%");
                }
                Matcher m = PERCENTILE.matcher(name.toLowerCase(Locale.ROOT));
                return m.matches() ? Optional.of(percentile(Double.parseDouble(m.group(1)))) : Optional.empty();
        }
    }

    /**
     * Both bounds absolute or both percentages, at least one given, lower below upper. The guide
     * shows no mixed form (TC(10%:500)) nor an inverted range; the sandbox refuses both rather
     * than guess.
     */
    private static Optional<Statistic> range(String kind, String lower, String upper) {
        if (lower == null && upper == null) {
            return Optional.empty();
        }
        boolean lowerPercent = lower != null && lower.endsWith("%");
        boolean upperPercent = upper != null && upper.endsWith("%");
        boolean percentages = lowerPercent || upperPercent;
        if ((lower != null && lowerPercent != percentages) || (upper != null && upperPercent != percentages)) {
            return Optional.empty();
        }
        if (percentages && kind.equals("PR")) {
            return Optional.empty(); // a percentile rank is "the percentage of values that meet a fixed threshold"
        }
        // An open percentage bound is the end of the data: TC(:95%) is TC(0%:95%).
        double lo = lower != null ? number(lower) : percentages ? 0 : Double.NEGATIVE_INFINITY;
        double hi = upper != null ? number(upper) : percentages ? 100 : Double.POSITIVE_INFINITY;
        if (percentages && (lo > 100 || hi > 100)) {
            return Optional.empty();
        }
        if (!(lo < hi)) {
            return Optional.empty();
        }
        Range r = new Range(lo, hi, percentages);
        return Optional.of(kind.equals("TC") ? trimmedCount(r) : percentileRank(r));
    }

    private static double number(String bound) {
        return Double.parseDouble(bound.endsWith("%") ? bound.substring(0, bound.length() - 1) : bound);
    }
}

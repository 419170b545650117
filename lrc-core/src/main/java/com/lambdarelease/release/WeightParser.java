package com.lambdarelease.release;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a canary weight as a person types it, in the Edit dialog, the canary editor and the
 * command line alike: {@code 10}, {@code 10%}, {@code 12.5}. Anything else is refused with one
 * message naming the accepted range; nothing is ever clamped or rounded into range.
 */
public final class WeightParser {

    /** The accepted range, said the same way wherever a weight is refused. */
    public static final String RANGE = "Type a percentage from 0 to 100 in steps of 0.1, e.g. 10, 10% or 12.5.";

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

    /** A typed weight: the percentage on the 0.1 % grid, or why the text is not one. */
    public record Parsed(Optional<Double> percent, String error) {
        public boolean valid() {
            return percent.isPresent();
        }

        /** The 0..1 weight to send to AWS; only for a valid parse. */
        public double awsWeight() {
            return Weight.toAws(percent.orElseThrow());
        }
    }

    private WeightParser() {
    }

    public static Parsed parse(String text) {
        String typed = text == null ? "" : text.strip();
        String t = typed.endsWith("%") ? typed.substring(0, typed.length() - 1).strip() : typed;
        if (t.isEmpty()) {
            return refused("No weight typed. " + RANGE);
        }
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1).strip() : t;
        if (!NUMBER.matcher(digits).matches()) {
            return refused("\"" + typed + "\" is not a weight. " + RANGE);
        }
        BigDecimal value = new BigDecimal(digits.endsWith(".") ? digits + "0" : digits);
        if (negative && value.signum() != 0) {
            return refused(typed + " is below 0%. " + RANGE);
        }
        if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return refused(typed + " is above 100%. " + RANGE);
        }
        if (value.stripTrailingZeros().scale() > 1) {
            return refused(typed + " is finer than 0.1%. " + RANGE);
        }
        return new Parsed(Optional.of(value.doubleValue()), "");
    }

    /** Why {@code text} is not a weight, or empty when it is one. */
    public static Optional<String> refusal(String text) {
        Parsed parsed = parse(text);
        return parsed.valid() ? Optional.empty() : Optional.of(parsed.error());
    }

    /**
     * The split an operator typed: everything to {@code primary} when no additional version is named,
     * else {@code additional} at the typed weight (the Edit dialog and {@code alias set --canary} alike).
     *
     * @throws InvalidInputException with the parser's or {@link TrafficSplit}'s message; nothing is repaired
     */
    public static TrafficSplit split(String primary, Optional<String> additional, String weightText) {
        Optional<String> extra = additional.map(String::strip).filter(v -> !v.isEmpty());
        if (extra.isEmpty()) {
            return TrafficSplit.allTo(primary);
        }
        Parsed weight = parse(weightText);
        if (!weight.valid()) {
            throw new InvalidInputException(weight.error());
        }
        return TrafficSplit.canary(primary, extra.get(), weight.awsWeight());
    }

    /** A percentage as the weight fields show it: 10 → "10", 12.5 → "12.5". */
    public static String format(double percent) {
        return Weight.percentNumber(percent);
    }

    private static Parsed refused(String message) {
        return new Parsed(Optional.empty(), message);
    }
}

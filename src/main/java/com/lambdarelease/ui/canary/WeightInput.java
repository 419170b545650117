package com.lambdarelease.ui.canary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Reads a canary weight typed as a percentage ("10", "2.5", "10 %"), in 0.1 % steps. Refuses
 * anything else with a sentence the operator can act on; never guesses.
 */
final class WeightInput {

    /** The percentage, or why the text is not one. */
    record Parsed(Optional<Double> percent, String error) {
        boolean valid() {
            return percent.isPresent();
        }
    }

    private WeightInput() {
    }

    static Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            return refused("Type the canary's share of traffic, from 0 to 100 (%).");
        }
        double value;
        try {
            value = Double.parseDouble(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            return refused("\"" + text.strip() + "\" is not a number. Type the canary's share from 0 to 100 (%), e.g. 10 or 2.5.");
        }
        if (!Double.isFinite(value) || t.matches(".*[a-zA-Z].*")) {
            return refused("\"" + text.strip() + "\" is not a number. Type the canary's share from 0 to 100 (%), e.g. 10 or 2.5.");
        }
        if (value < 0) {
            return refused(format(value) + "% is below 0%. The canary's share must be from 0 to 100%.");
        }
        if (value > 100) {
            return refused(format(value) + "% is above 100%. The canary's share must be from 0 to 100%.");
        }
        return new Parsed(Optional.of(round(value)), "");
    }

    /** Rounds to the 0.1 % step the editor works in. */
    static double round(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A percentage as the text field shows it: "10", "2.5". */
    static String format(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The 0..1 weight AWS takes for a percentage, exact to the 0.1 % step (10 → 0.1, not 0.1000000001). */
    static double toWeight(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).movePointLeft(2).doubleValue();
    }

    private static Parsed refused(String message) {
        return new Parsed(Optional.empty(), message);
    }
}

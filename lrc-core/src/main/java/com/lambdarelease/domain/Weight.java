package com.lambdarelease.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for a canary's share of traffic: whole tenths of a percent. AWS's model
 * types {@code AdditionalVersionWeights} values as a Double in 0.0..1.0 and stores the number it
 * was sent (GetAlias answers the same JSON number); it documents no step. The console works in
 * 0.1 % steps, so what it sends ({@link #toAws}), shows ({@link #percentText}) and compares
 * ({@link #tenths}) are the same value: 12.5 % is sent as 0.125 and read back as 0.125.
 */
public final class Weight {

    /** Tenths of a percent in 100 %. */
    public static final int FULL = 1000;

    private Weight() {
    }

    /** A percentage on the 0.1 % grid, as tenths (12.5 → 125); the caller has checked it is on the grid. */
    public static int tenthsOfPercent(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).movePointRight(1).intValueExact();
    }

    /** The 0..1 weight AWS takes for {@code tenths} tenths of a percent: 125 → 0.125, exactly as typed. */
    public static double toAws(int tenths) {
        return BigDecimal.valueOf(tenths).movePointLeft(3).doubleValue();
    }

    /** The 0..1 weight AWS takes for a percentage on the grid: 10 → 0.1, never 0.1000000001. */
    public static double toAws(double percent) {
        return toAws(tenthsOfPercent(percent));
    }

    /** A 0..1 weight (as AWS returns it) in tenths of a percent, to the nearest tenth. */
    public static int tenths(double awsWeight) {
        return BigDecimal.valueOf(awsWeight).movePointRight(3).setScale(0, RoundingMode.HALF_UP).intValue();
    }

    /** A 0..1 weight as a percentage on the grid: 0.125 → 12.5. */
    public static double percent(double awsWeight) {
        return tenths(awsWeight) / 10.0;
    }

    /** A percentage as a person types it, without the sign: 10 → "10", 12.5 → "12.5". */
    public static String percentNumber(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A 0..1 weight as shown everywhere: 0.1 → "10%", 0.025 → "2.5%". A weight set off the grid by
     * someone else is shown as it is (0.0005 → "0.05%"), never rounded onto the grid, to at most
     * three decimals of a percent.
     */
    public static String percentText(double awsWeight) {
        BigDecimal pct = BigDecimal.valueOf(awsWeight).movePointRight(2).stripTrailingZeros();
        if (pct.scale() > 3) {
            pct = pct.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return (pct.signum() == 0 ? "0" : pct.toPlainString()) + "%";
    }
}

package com.lambdarelease.rollout;

/**
 * Evidence before promotion: silence is not health. A step may end only once the canary's own
 * counts favour "healthy" over "failing at the worst acceptable rate {@code rMax}" strongly enough
 * that a canary failing at {@code rMax} (or worse) would be accepted at most {@link #BETA} = 10% of
 * the time, however often the rule is looked at.
 *
 * <p>The rule is a sequential probability ratio (Wald, 1945) with a fixed mixture of alternatives
 * (Robbins, 1970): with {@code k} errors in {@code n} invocations, for each healthy rate
 * {@code r0 = f * rMax}, {@code f} in {@link #HEALTHY_FRACTIONS}, chosen before any data is seen,
 * <pre>LR(r0) = (r0 / rMax)^k * ((1 - r0) / (1 - rMax))^(n - k)</pre>
 * and the rule accepts when {@code sum w * LR(r0) >= 1 / BETA} (equal weights {@code w}). Under any
 * rate {@code >= rMax} each {@code LR(r0)} with {@code r0 < rMax} is a non-negative supermartingale
 * with mean at most 1, and so is the mixture; by Ville's inequality (Ville, 1939) the chance it ever
 * reaches {@code 1 / BETA} is at most {@code BETA} at any number of looks (Johari, Koomen, Pekelis
 * and Walsh, Always valid inference, Operations Research 2022). A fixed-sample bound (Clopper and
 * Pearson, 1934) checked every minute does not have this property: it accepts the same canary far
 * more often the more it is looked at.
 *
 * <p>The price: with no errors the mixture needs 351 invocations for {@code rMax} = 1% (the
 * fixed-sample bound asked for 230; {@code r0 = rMax / 2} alone would need
 * {@code ln(10) / ln(0.995 / 0.99)}, about 458), one error raises that to 525 and two to 696. A
 * canary at {@code rMax / 2}, the worst healthy case the default {@code rMax} allows, is accepted
 * after a median of about 1,030 invocations: distinguishing 0.5% from 1% takes about that many.
 * Mixing {@code rMax / 4} in costs little there (a single {@code r0 = rMax / 2} needs a median of
 * about 1,150) and helps canaries that fail less often.
 */
public final class Evidence {

    /** The most often a canary failing at {@code rMax} may be accepted, over all looks. */
    public static final double BETA = 0.1;

    /** The healthy rates {@code r0}, as fractions of {@code rMax}, mixed with equal weights. */
    static final double[] HEALTHY_FRACTIONS = {0.25, 0.5};

    private static final double LOG_THRESHOLD = Math.log(1 / BETA);

    private Evidence() {
    }

    /**
     * True when {@code errors} in {@code invocations} is enough evidence that the canary fails less
     * often than {@code rMax}; any rate is acceptable when {@code rMax >= 1}.
     */
    public static boolean sufficient(long invocations, long errors, double rMax) {
        if (invocations <= 0) {
            return false;
        }
        if (rMax >= 1) {
            return true;
        }
        return logLikelihoodRatio(invocations, errors, rMax) >= LOG_THRESHOLD;
    }

    /**
     * How many more invocations, with no further error, until {@link #sufficient} holds (0 when it
     * does; {@link Long#MAX_VALUE} when no number would do).
     */
    public static long moreNeeded(long invocations, long errors, double rMax) {
        if (sufficient(invocations, errors, rMax)) {
            return 0;
        }
        // The ratio grows with every error-free invocation, so the first n that suffices is found by bisection.
        long hi = Math.max(1, invocations);
        while (!sufficient(hi, errors, rMax)) {
            hi *= 2;
            if (hi > 1L << 40) {
                return Long.MAX_VALUE;
            }
        }
        long lo = invocations;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (sufficient(mid, errors, rMax)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi - invocations;
    }

    /** ln of the equally weighted mixture of {@code LR(r0)}, in log-sum-exp form so long steps do not overflow. */
    static double logLikelihoodRatio(long invocations, long errors, double rMax) {
        long successes = Math.max(0, invocations - errors);
        double[] terms = new double[HEALTHY_FRACTIONS.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < terms.length; j++) {
            double r0 = HEALTHY_FRACTIONS[j] * rMax;
            terms[j] = Math.log(1.0 / terms.length) + errors * Math.log(r0 / rMax)
                    + successes * (Math.log1p(-r0) - Math.log1p(-rMax));
            max = Math.max(max, terms[j]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}

package com.lambdarelease.rollout;

/**
 * Evidence before promotion: silence is not health. A step may end only once the canary has run
 * enough invocations that, had its error rate been the worst acceptable {@code rMax}, it would have
 * shown more errors than it did with 90% probability: {@code P(X <= k | n, rMax) <= 0.1} for
 * {@code k} errors in {@code n} invocations (the one-sided 90% Clopper-Pearson bound on its rate
 * is below {@code rMax}). With no errors that is {@code n >= ln(0.1) / ln(1 - rMax)}, about 230
 * invocations for {@code rMax} = 1% (Clopper and Pearson, 1934).
 */
public final class Evidence {

    /** 1 - power: the chance a canary at {@code rMax} shows no more errors than this one did. */
    public static final double MISS = 0.1;

    private Evidence() {
    }

    /** True when {@code errors} in {@code invocations} is enough evidence that the rate is below {@code rMax}. */
    public static boolean sufficient(long invocations, long errors, double rMax) {
        return invocations > 0 && binomialCdf(errors, invocations, rMax) <= MISS;
    }

    /** How many more invocations, with no further error, until {@link #sufficient} holds (0 when it does). */
    public static long moreNeeded(long invocations, long errors, double rMax) {
        if (sufficient(invocations, errors, rMax)) {
            return 0;
        }
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

    /** P(X <= k) for X ~ Binomial(n, p), summed in logarithms. */
    static double binomialCdf(long k, long n, double p) {
        if (k >= n) {
            return 1;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        double logTerm = n * logQ; // i = 0
        for (long i = 0; i <= k; i++) {
            if (i > 0) {
                logTerm += Math.log((double) (n - i + 1) / i) + logP - logQ;
            }
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }
}

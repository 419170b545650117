package com.lambdarelease.rollout;

import java.util.List;

/**
 * The error gate: a mixture sequential probability ratio test on the canary's share of the errors,
 * after Wald's sequential probability ratio test (1945) with Robbins' mixtures over alternatives
 * (1970). If both versions fail at the same rate, each error
 * of a minute belongs to the canary with probability {@code pi = n_c / (n_c + n_p)}, its share of
 * that minute's invocations; if the canary fails {@code rho} times as often, with
 * {@code q = rho pi / (rho pi + 1 - pi)}. Each final minute multiplies the likelihood ratio of
 * "{@code rho} times worse" against "equal" by {@code (q/pi)^e_c ((1-q)/(1-pi))^e_p}; the
 * statistic is the mixture {@code Lambda = sum_j w_j prod_i LR_i(rho_j)} over fixed alternatives.
 *
 * <p>Under equal rates (or a better canary) {@code Lambda} is a non-negative supermartingale with
 * mean at most 1, so by Ville's inequality the chance it ever reaches {@code 1/alpha} is at most
 * {@code alpha}, however often it is looked at: the gate may be evaluated every minute and still
 * roll back a healthy canary at most {@code alpha} of the time. Silence (no errors) never moves it.
 *
 * <p>Sources: A. Wald, Sequential tests of statistical hypotheses, Ann. Math. Stat. 1945 (SPRT);
 * H. Robbins, Statistical methods related to the law of the iterated logarithm, 1970 (mixtures);
 * J. Ville, Etude critique de la notion de collectif, 1939 (the maximal inequality); R. Johari et
 * al., Always valid inference, Operations Research 2022; M. Lindon, C. Sanden, V. Shirikian, Rapid
 * regression detection in software deployments through sequential testing, KDD 2022
 * (arXiv 2205.14762).
 *
 * <p>Not thread-safe; each rollout owns one. Works in logarithms so long rollouts never overflow.
 */
public final class ErrorTest {

    /** The alternatives mixed over, chosen before any data is seen: "the canary fails rho times as often". */
    public static final List<Double> RHOS = List.of(1.5, 2.0, 3.0, 5.0, 10.0, 20.0);

    private final double alpha;
    private final double[] logProducts = new double[RHOS.size()];
    private int minutes;

    public ErrorTest(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        }
        this.alpha = alpha;
    }

    /** Feeds one final minute's counts; each minute must be fed exactly once. */
    public void add(double canaryInvocations, double canaryErrors, double primaryInvocations, double primaryErrors) {
        minutes++;
        if (canaryInvocations <= 0 || primaryInvocations <= 0) {
            return; // with only one version running, the errors say nothing about the difference
        }
        double pi = canaryInvocations / (canaryInvocations + primaryInvocations);
        for (int j = 0; j < logProducts.length; j++) {
            logProducts[j] += logRatio(RHOS.get(j), pi, canaryErrors, primaryErrors);
        }
    }

    private static double logRatio(double rho, double pi, double ec, double ep) {
        double q = rho * pi / (rho * pi + 1 - pi);
        return ec * Math.log(q / pi) + ep * Math.log((1 - q) / (1 - pi));
    }

    /** log Lambda: log-sum-exp of the alternatives' products with equal weights. */
    public double logStatistic() {
        return logMeanExp(logProducts);
    }

    /** log of the mean of exp(l) over {@code logs}, without overflow; -infinity when every term is. */
    static double logMeanExp(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logs) {
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum / logs.length);
    }

    /** log(1/alpha): the statistic's threshold. */
    public double logThreshold() {
        return Math.log(1 / alpha);
    }

    /** True once the canary is shown to fail more often than the primary. */
    public boolean rejected() {
        return logStatistic() >= logThreshold();
    }

    public int minutes() {
        return minutes;
    }

    public double alpha() {
        return alpha;
    }

    /**
     * What would change the verdict: how many more canary errors, with no primary error, at canary
     * share {@code pi}, would make the gate roll back (0 when it already would). A hint for the
     * operator, not part of the test.
     */
    public int canaryErrorsToReject(double pi) {
        if (rejected()) {
            return 0;
        }
        if (!(pi > 0 && pi < 1)) {
            return -1;
        }
        ErrorTest copy = copy();
        for (int k = 1; k <= 10_000; k++) {
            for (int j = 0; j < copy.logProducts.length; j++) {
                copy.logProducts[j] += logRatio(RHOS.get(j), pi, 1, 0);
            }
            if (copy.rejected()) {
                return k;
            }
        }
        return -1;
    }

    private ErrorTest copy() {
        ErrorTest c = new ErrorTest(alpha);
        System.arraycopy(logProducts, 0, c.logProducts, 0, logProducts.length);
        c.minutes = minutes;
        return c;
    }
}

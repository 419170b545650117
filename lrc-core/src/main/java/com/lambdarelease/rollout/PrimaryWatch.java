package com.lambdarelease.rollout;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Is the primary failing too? The error gate compares the canary with the primary, so an incident
 * that fails both alike (a dependency down) never rolls the canary back, and without this watch the
 * rollout would promote into it. The watch tests the primary against its own history: its errors
 * and invocations over the hour before the rollout give a rate {@code p0} (taken on the high side,
 * {@code (e + 1) / (n + 1)}, so a short or error-free hour does not make every error an alarm), and
 * each judged minute multiplies the likelihood ratio of "the primary fails {@code rho} times as
 * often as it did" against "as it did" by {@code rho^e ((1 - rho p0) / (1 - p0))^(n - e)}; mixed
 * over fixed alternatives and compared with {@code 1/alpha}, it raises a false alarm at most
 * {@code alpha} of the time however often it is looked at (Ville's inequality; Wald 1945, Robbins
 * 1970), the same guarantee as the error gate's.
 *
 * <p>Not thread-safe; each rollout's gates own one.
 */
final class PrimaryWatch {

    /** The alternatives mixed over: "the primary fails rho times as often as in the hour before". */
    static final List<Double> RHOS = List.of(2.0, 3.0, 5.0, 10.0, 20.0);

    private final double alpha;
    private Optional<Double> baseline = Optional.empty();
    private long historyInvocations;
    private long historyErrors;
    private double[] logProducts = new double[RHOS.size()];
    private long invocations;
    private long errors;

    PrimaryWatch(double alpha) {
        this.alpha = alpha;
    }

    /** The primary's counts over the hour before the rollout; with no invocations then, the watch stays off. */
    void history(long n, long e) {
        historyInvocations = n;
        historyErrors = e;
        baseline = n > 0 ? Optional.of((e + 1.0) / (n + 1.0)) : Optional.empty();
    }

    boolean hasHistory() {
        return baseline.isPresent();
    }

    /** Feeds one judged minute of the primary. */
    void add(double n, double e) {
        invocations += Math.round(n);
        errors += Math.round(e);
        if (baseline.isEmpty() || n <= 0) {
            return;
        }
        double p0 = baseline.get();
        for (int j = 0; j < RHOS.size(); j++) {
            double rho = RHOS.get(j);
            if (rho * p0 >= 1) {
                logProducts[j] = Double.NEGATIVE_INFINITY; // an alternative beyond certainty says nothing
                continue;
            }
            logProducts[j] += e * Math.log(rho) + (n - e) * Math.log((1 - rho * p0) / (1 - p0));
        }
    }

    /** The operator has seen the incident and lets the rollout go on: the watch starts again from now. */
    void restart() {
        logProducts = new double[RHOS.size()];
        invocations = 0;
        errors = 0;
    }

    double logStatistic() {
        return ErrorTest.logMeanExp(logProducts);
    }

    /** True once the primary is shown to fail far more often than in the hour before the rollout. */
    boolean failing() {
        return baseline.isPresent() && logStatistic() >= Math.log(1 / alpha);
    }

    /** "v3 failed 61 of 540 (11%) since the rollout began, against 3 of 36000 (0.0083%) in the hour before" */
    String describe(String primary) {
        if (baseline.isEmpty()) {
            return "no v" + primary + " invocations in the hour before the rollout to compare with";
        }
        return String.format(Locale.ROOT, "v%s failed %d of %d (%s) since the rollout began, against %d of %d (%s) in the"
                        + " hour before", primary, errors, invocations, percent(invocations == 0 ? 0 : (double) errors / invocations),
                historyErrors, historyInvocations, percent((double) historyErrors / historyInvocations));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2g%%", rate * 100);
    }
}

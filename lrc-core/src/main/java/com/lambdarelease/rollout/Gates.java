package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The health gates of one rollout, fed each minute of the alias's {@code ExecutedVersion} series
 * exactly once, in order, as soon as it is complete: once it has ended and all four series it needs
 * (Invocations and Errors of both versions) have a datapoint. A missing datapoint is "not yet",
 * never zero: Lambda writes Errors (0 or more) for every minute a version ran, so Invocations
 * without Errors is a series still on its way. Only a version with no datapoint at all, once the
 * data delay has passed after the minute, counts as not having run. The error test ({@link ErrorTest}), the duration ratio, the canary's throttles and the
 * evidence rule ({@link Evidence}). The error test runs over every minute since the first shift,
 * so its false-rollback bound holds for the whole rollout, not per step; the step's own counts are
 * reported beside it. Not thread-safe: the rollout calls it from its one sequence of evaluations.
 */
final class Gates {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** One final minute of both versions. */
    record Minute(Instant start, double canaryInvocations, double canaryErrors, double canaryThrottles,
                  double primaryInvocations, double primaryErrors, double canaryP99, double primaryP99,
                  double canaryAverage, double primaryAverage, double canarySlow, double primarySlow) {
    }

    private final RolloutSettings settings;
    private final String canary;
    private final String primary;
    private ErrorTest errorTest;
    private final PrimaryWatch primaryWatch;
    /**
     * The duration gate at any traffic: each version's invocations slower than the primary's p99 of
     * the hour before the rollout, per minute (CloudWatch's trimmed count), fed to the error test's
     * machinery as if they were errors: a canary no slower than the primary has the same share of the
     * slow invocations as of all invocations. Empty threshold: no history, the ratio gate judges alone.
     */
    private final ErrorTest slowTest;
    private Optional<Double> slowThresholdMs = Optional.empty();
    private long slowJudgedCanary;
    private Instant fedThrough;
    private final Instant start;
    private boolean historyRead;
    private final List<Minute> minutes = new ArrayList<>();
    private int slowMinutes;
    private Optional<Double> lastRatio = Optional.empty();
    /** The series the next minute waits for, after the latest judge; empty when nothing is awaited. */
    private Optional<String> waitingFor = Optional.empty();

    /** @param from the first minute to judge: the minute of the first shift */
    Gates(RolloutSettings settings, String canary, String primary, Instant from) {
        this.settings = settings;
        this.canary = canary;
        this.primary = primary;
        this.errorTest = new ErrorTest(settings.alpha());
        this.primaryWatch = new PrimaryWatch(settings.alpha());
        this.slowTest = new ErrorTest(settings.alpha());
        this.fedThrough = truncate(from);
        this.start = from;
    }

    /** The hour before the first shift, whose primary counts the primary watch compares with. */
    com.lambdarelease.domain.MetricWindow history() {
        Instant end = truncate(start);
        return new com.lambdarelease.domain.MetricWindow(end.minus(Duration.ofHours(1)), end, MINUTE);
    }

    /** The primary's counts over {@link #history()}, read once at the first judgement. */
    void history(AliasMetrics metrics) {
        Map<LambdaMetric, Map<Instant, Double>> p = byTime(metrics, primary);
        long n = Math.round(p.get(LambdaMetric.INVOCATIONS).values().stream().mapToDouble(Double::doubleValue).sum());
        long e = Math.round(p.get(LambdaMetric.ERRORS).values().stream().mapToDouble(Double::doubleValue).sum());
        primaryWatch.history(n, e);
        historyRead = true;
    }

    /** The hour before the first shift as one period: its p99 Duration of the primary is the slow threshold. */
    com.lambdarelease.domain.MetricWindow durationHistory() {
        Instant end = truncate(start);
        return new com.lambdarelease.domain.MetricWindow(end.minus(Duration.ofHours(1)), end, Duration.ofHours(1));
    }

    /**
     * The primary's p99 Duration over {@link #durationHistory()}: invocations slower than it count as slow
     * from now on (rounded up to a hundredth of a millisecond, as CloudWatch's bounds take at most 10
     * decimals). None (no traffic then): the slow count stays off.
     */
    void durationHistory(AliasMetrics metrics) {
        slowThresholdMs = metrics.series(primary, LambdaMetric.DURATION_P99).map(MetricSeries::points).orElse(List.of())
                .stream().map(MetricPoint::value).filter(v -> v > 0).reduce((a, b) -> b)
                .map(v -> java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.CEILING).doubleValue());
    }

    /** The slow threshold in ms, once known. */
    Optional<Double> slowThresholdMs() {
        return slowThresholdMs;
    }

    /** True until the history has been read. */
    boolean needsHistory() {
        return !historyRead;
    }

    /** The operator has seen the primary's incident and lets the step go on: the watch starts again. */
    void restartPrimaryWatch() {
        primaryWatch.restart();
    }

    /** The operator overrode a failing error gate: the test starts again on minutes after now. */
    void restartErrorTest(Instant now) {
        errorTest = new ErrorTest(settings.alpha());
        slowMinutes = 0;
        fedThrough = fedThrough.isAfter(truncate(now)) ? fedThrough : truncate(now);
    }

    Instant fedThrough() {
        return fedThrough;
    }

    /** The first minute of the metrics window the next evaluation needs. */
    Instant windowStart() {
        return fedThrough;
    }

    /** Feeds the minutes of {@code metrics} that became final by {@code now}, then judges. */
    Verdict judge(AliasMetrics metrics, Instant now, Instant stepStart) {
        Map<LambdaMetric, Map<Instant, Double>> c = byTime(metrics, canary);
        Map<LambdaMetric, Map<Instant, Double>> p = byTime(metrics, primary);
        Map<Instant, Double> cs = slowByTime(metrics, canary);
        Map<Instant, Double> ps = slowByTime(metrics, primary);
        boolean slowCounted = slowThresholdMs.isPresent();
        waitingFor = Optional.empty();
        while (!fedThrough.plus(MINUTE).isAfter(now)) {
            Instant t = fedThrough;
            boolean late = !t.plus(MINUTE).plus(settings.dataDelay()).isAfter(now);
            Optional<String> missing = missing(c, canary, t, late).or(() -> missing(p, primary, t, late))
                    .or(() -> slowCounted ? slowMissing(c, cs, canary, t).or(() -> slowMissing(p, ps, primary, t))
                            : Optional.empty());
            if (missing.isPresent()) {
                waitingFor = Optional.of(missing.get() + " of the minute from " + seconds(t));
                break;
            }
            Minute m = new Minute(t, v(c, LambdaMetric.INVOCATIONS, t), v(c, LambdaMetric.ERRORS, t),
                    v(c, LambdaMetric.THROTTLES, t), v(p, LambdaMetric.INVOCATIONS, t), v(p, LambdaMetric.ERRORS, t),
                    g(c, LambdaMetric.DURATION_P99, t), g(p, LambdaMetric.DURATION_P99, t),
                    g(c, LambdaMetric.DURATION_AVERAGE, t), g(p, LambdaMetric.DURATION_AVERAGE, t),
                    cs.getOrDefault(t, 0.0), ps.getOrDefault(t, 0.0));
            feed(m, slowCounted);
            fedThrough = t.plus(MINUTE);
        }
        return verdict(truncate(stepStart));
    }

    /**
     * What of {@code version}'s minute {@code t} has not arrived: Errors without Invocations or the
     * reverse (a series on its way), or both before the data delay has passed; empty when the minute
     * is complete for it (both there, or neither once it is {@code late}: the version did not run).
     */
    private static Optional<String> missing(Map<LambdaMetric, Map<Instant, Double>> series, String version, Instant t,
                                            boolean late) {
        boolean invocations = series.get(LambdaMetric.INVOCATIONS).containsKey(t);
        boolean errors = series.get(LambdaMetric.ERRORS).containsKey(t);
        if (invocations && errors || !invocations && !errors && late) {
            return Optional.empty();
        }
        if (invocations) {
            return Optional.of("v" + version + "'s Errors");
        }
        return Optional.of(errors ? "v" + version + "'s Invocations" : "v" + version + "'s Invocations and Errors");
    }

    /** A version that ran in minute {@code t} has its slow count too (a Duration series arrives on its own). */
    private static Optional<String> slowMissing(Map<LambdaMetric, Map<Instant, Double>> series, Map<Instant, Double> slow,
                                                String version, Instant t) {
        boolean ran = series.get(LambdaMetric.INVOCATIONS).getOrDefault(t, 0.0) > 0;
        return ran && !slow.containsKey(t) ? Optional.of("v" + version + "'s slow-invocation count") : Optional.empty();
    }

    private static Map<Instant, Double> slowByTime(AliasMetrics metrics, String version) {
        Map<Instant, Double> out = new HashMap<>();
        metrics.slowInvocations(version).ifPresent(s -> s.points().forEach(pt -> out.put(pt.time(), pt.value())));
        return out;
    }

    private void feed(Minute m, boolean slowCounted) {
        minutes.add(m);
        if (slowCounted) {
            slowTest.add(m.canaryInvocations(), m.canarySlow(), m.primaryInvocations(), m.primarySlow());
            slowJudgedCanary += Math.round(m.canaryInvocations());
        }
        errorTest.add(m.canaryInvocations(), m.canaryErrors(), m.primaryInvocations(), m.primaryErrors());
        primaryWatch.add(m.primaryInvocations(), m.primaryErrors());
        boolean compared = m.canaryInvocations() >= settings.durationMinInvocations()
                && m.primaryInvocations() >= settings.durationMinInvocations()
                && m.primaryP99() > 0 && m.primaryAverage() > 0 && !Double.isNaN(m.canaryP99())
                && !Double.isNaN(m.canaryAverage());
        if (compared) {
            double ratio = Math.max(m.canaryP99() / m.primaryP99(), m.canaryAverage() / m.primaryAverage());
            lastRatio = Optional.of(ratio);
            slowMinutes = ratio > settings.maxDurationRatio() ? slowMinutes + 1 : 0;
        }
    }

    private Verdict verdict(Instant stepStart) {
        Verdict.Counts all = counts(minutes);
        Verdict.Counts step = counts(minutes.stream().filter(m -> !m.start().isBefore(stepStart)).toList());
        double rMax = settings.worstAcceptable(all.primaryRate());
        long more = Evidence.moreNeeded(all.canaryInvocations(), all.canaryErrors(), rMax);
        List<Minute> recent = minutes.stream().filter(m -> !m.start().isBefore(stepStart)).toList();
        recent = recent.subList(Math.max(0, recent.size() - 5), recent.size());
        double perMinute = recent.stream().mapToDouble(Minute::canaryInvocations).sum() / Math.max(1, recent.size());
        Optional<Double> eta = more == 0 ? Optional.of(0.0)
                : perMinute > 0 && more != Long.MAX_VALUE ? Optional.of(more / perMinute) : Optional.empty();
        double pi = all.canaryInvocations() + all.primaryInvocations() == 0 ? 0
                : (double) step.canaryInvocations() / Math.max(1, step.canaryInvocations() + step.primaryInvocations());
        int toFail = errorTest.canaryErrorsToReject(pi);
        boolean throttled = all.canaryThrottles() >= 5 && all.canaryThrottles()
                > settings.maxThrottleShare() * (all.canaryInvocations() + all.canaryThrottles());

        List<Verdict.Reason> reasons = new ArrayList<>();
        Verdict.Result result;
        String test = String.format(Locale.ROOT, "Error test: Λ = %.3g against 1/α = %.3g (%s since the first shift)",
                Math.exp(errorTest.logStatistic()), Math.exp(errorTest.logThreshold()), all.describe());
        if (errorTest.rejected()) {
            result = Verdict.Result.FAILING_ERRORS;
            reasons.add(reason(Verdict.Reason.Kind.ERROR_TEST, test + ": v" + canary + " fails more often than v" + primary + "."));
        } else if (slowTest.rejected()) {
            result = Verdict.Result.FAILING_DURATION;
            reasons.add(reason(Verdict.Reason.Kind.DURATION, String.format(Locale.ROOT,
                    "Duration: v%s runs slower than v%s: %s of its invocations took longer than v%s's p99 of the hour"
                            + " before (%.2f ms), against %s of v%s's; slow test Λ = %.3g against 1/α = %.3g.",
                    canary, primary, slowShare(true), primary, slowThresholdMs.orElse(0.0), slowShare(false), primary,
                    Math.exp(slowTest.logStatistic()), Math.exp(slowTest.logThreshold()))));
        } else if (slowMinutes >= settings.durationMinutes()) {
            result = Verdict.Result.FAILING_DURATION;
            reasons.add(reason(Verdict.Reason.Kind.DURATION, String.format(Locale.ROOT, "Duration: v%s ran %.2fx v%s's p99/average for %d compared minutes in a row (limit %.2fx).",
                    canary, lastRatio.orElse(0.0), primary, slowMinutes, settings.maxDurationRatio())));
        } else if (throttled) {
            result = Verdict.Result.FAILING_THROTTLES;
            reasons.add(reason(Verdict.Reason.Kind.THROTTLES, "Throttles: v" + canary + " was throttled " + all.canaryThrottles() + " times."));
        } else {
            result = more == 0 ? Verdict.Result.HEALTHY : Verdict.Result.INCONCLUSIVE;
            reasons.add(reason(Verdict.Reason.Kind.ERROR_TEST, test + (toFail > 0 ? "; " + toFail + " more canary errors would fail it." : ".")));
            if (more > 0) {
                reasons.add(reason(Verdict.Reason.Kind.EVIDENCE, String.format(Locale.ROOT, "Evidence: %d more v%s invocations needed, with no error%s, to accept it: a canary failing at %s is accepted at most %s of the time, however often it is looked at.",
                        more, canary, eta.map(m -> String.format(Locale.ROOT, " (about %.0f min at the current %.1f/min)",
                                Math.ceil(m), perMinute)).orElse(" (v" + canary + " gets no traffic now)"), percent(rMax), percent(Evidence.BETA))));
            } else {
                reasons.add(reason(Verdict.Reason.Kind.EVIDENCE, "Evidence: " + all.canaryErrors() + " errors in " + all.canaryInvocations()
                        + " v" + canary + " invocations are enough: a canary failing at " + percent(rMax) + " is accepted at most "
                        + percent(Evidence.BETA) + " of the time, however often it is looked at."));
            }
        }
        if (result != Verdict.Result.FAILING_DURATION) {
            String slowText = slowThresholdMs.map(ms -> String.format(Locale.ROOT,
                    " Slow (over v%s's p99 of the hour before, %.2f ms): v%s %s, v%s %s; Λ = %.3g against %.3g%s.",
                    primary, ms, canary, slowShare(true), primary, slowShare(false), Math.exp(slowTest.logStatistic()),
                    Math.exp(slowTest.logThreshold()), durationJudged() ? "" : "; not yet " + settings.durationMinInvocations()
                            + " canary invocations compared")).orElse(" No slow count: v" + primary
                    + " had no invocations in the hour before to take a p99 from.");
            reasons.add(reason(Verdict.Reason.Kind.DURATION, lastRatio.map(r -> String.format(Locale.ROOT,
                    "Duration: latest compared minute %.2fx (limit %.2fx, %d slow in a row).", r, settings.maxDurationRatio(),
                    slowMinutes)).orElse("Duration: no minute yet with " + settings.durationMinInvocations()
                    + "+ invocations of both versions.") + slowText));
        }
        boolean primaryFailing = primaryWatch.failing();
        reasons.add(reason(Verdict.Reason.Kind.PRIMARY, primaryFailing
                ? "Primary: v" + primary + " is failing too: an incident, not the canary (" + primaryWatch.describe(primary) + ")."
                : "Primary: no sign of an incident (" + primaryWatch.describe(primary) + ")."));
        Optional<Instant> through = minutes.isEmpty() ? Optional.empty() : Optional.of(fedThrough);
        String awaited = waitingFor.map(w -> "; waiting for " + w).orElse("");
        reasons.add(reason(Verdict.Reason.Kind.DATA, through.map(t -> "Data complete through " + seconds(t)
                + " (a minute is judged once all four of its series have arrived" + awaited + ").")
                .orElse("No complete minute yet" + awaited + ".")));
        return new Verdict(result, through, all, step, errorTest.logStatistic(), errorTest.logThreshold(), toFail,
                lastRatio, slowMinutes, rMax, more, eta, reasons, waitingFor, primaryFailing, durationJudged());
    }

    /** "12/40" slow of the canary's (or the primary's) judged invocations. */
    private String slowShare(boolean ofCanary) {
        long slow = 0, all = 0;
        for (Minute m : minutes) {
            slow += Math.round(ofCanary ? m.canarySlow() : m.primarySlow());
            all += Math.round(ofCanary ? m.canaryInvocations() : m.primaryInvocations());
        }
        return slow + "/" + all;
    }

    /**
     * A duration judgement exists: with a slow threshold, once the slow test has compared at least
     * {@code durationMinInvocations} canary invocations; without one, once the ratio gate compared a minute.
     */
    private boolean durationJudged() {
        return slowThresholdMs.isPresent() ? slowJudgedCanary >= settings.durationMinInvocations() : lastRatio.isPresent();
    }

    private static Verdict.Reason reason(Verdict.Reason.Kind kind, String text) {
        return new Verdict.Reason(kind, text);
    }

    private Verdict.Counts counts(List<Minute> span) {
        long ci = 0, ce = 0, ct = 0, pinv = 0, pe = 0;
        for (Minute m : span) {
            ci += Math.round(m.canaryInvocations());
            ce += Math.round(m.canaryErrors());
            ct += Math.round(m.canaryThrottles());
            pinv += Math.round(m.primaryInvocations());
            pe += Math.round(m.primaryErrors());
        }
        return new Verdict.Counts(canary, ci, ce, ct, primary, pinv, pe);
    }

    private static Map<LambdaMetric, Map<Instant, Double>> byTime(AliasMetrics metrics, String version) {
        Map<LambdaMetric, Map<Instant, Double>> out = new HashMap<>();
        for (LambdaMetric metric : LambdaMetric.values()) {
            Map<Instant, Double> points = new HashMap<>();
            metrics.series(version, metric).map(MetricSeries::points).orElse(List.of())
                    .forEach((MetricPoint pt) -> points.put(pt.time(), pt.value()));
            out.put(metric, points);
        }
        return out;
    }

    private static double v(Map<LambdaMetric, Map<Instant, Double>> m, LambdaMetric metric, Instant t) {
        return m.get(metric).getOrDefault(t, 0.0);
    }

    private static double g(Map<LambdaMetric, Map<Instant, Double>> m, LambdaMetric metric, Instant t) {
        return m.get(metric).getOrDefault(t, Double.NaN);
    }

    static Instant truncate(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 60) * 60);
    }

    /** An instant as operators read it in a line of text: to the second, in UTC. */
    static String seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2g%%", rate * 100);
    }
}

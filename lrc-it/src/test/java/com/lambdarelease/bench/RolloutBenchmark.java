package com.lambdarelease.bench;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricSeries;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.rollout.ErrorTest;
import com.lambdarelease.rollout.Evidence;
import com.lambdarelease.rollout.RolloutSettings;
import com.lambdarelease.rollout.Verdict;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The rollout engine's error gate judged by simulation (not a test: it prints figures, never fails).
 *
 * <p>Model: a shift to 10% at minute 0 (on a minute boundary); 120 invocations a minute on the alias,
 * each going to the canary with probability 0.1 (binomial), errors binomial per minute per version,
 * primary at 0.5%. AWS's metric delay, as the sandbox models it and as AWS documents it: each series
 * (Invocations and Errors of each version) of each minute becomes readable whole, 1-3 minutes after
 * the minute ends (uniform, independently per series), so a minute's four series arrive at different
 * times. The engine evaluates every 15 s; horizon 30 minutes after the shift. Seeded {@link Random}.
 *
 * <p>Three judges on the same data:
 * <ul>
 *   <li>engine: the rollout's own {@code Gates} (error test, duration, throttles, evidence rule) called
 *       through reflection (it is package-private) with the {@link AliasMetrics} answer GetMetricData
 *       would give at each 15 s evaluation, as {@code Decider.judge} receives it;</li>
 *   <li>bare test, the bound: {@link ErrorTest} fed each minute the instant its last series arrives
 *       (in the order minutes complete), with no cadence and no ordering: data as it arrives;</li>
 *   <li>a CodeDeploy-style alarm: canary errors/invocations of one 60 s datapoint above T, evaluated
 *       once both canary series of that minute have arrived (a minute with no canary invocation is
 *       missing data: not breaching).</li>
 * </ul>
 * Not simulated here: the sandbox's HTTP endpoint, the alias writes, and the state machine around
 * {@code Gates} (the low-traffic scenario replays {@code Decider.decide}'s step-end rule by hand).
 *
 * <p>Run: {@code ./mvnw -q -B install -DskipTests} once, then {@code ./mvnw -q -B -pl lrc-it test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.lambdarelease.bench.RolloutBenchmark}
 */
public final class RolloutBenchmark {

    private static final int ALIAS_PER_MINUTE = 120;
    private static final double WEIGHT = 0.10;
    private static final double PRIMARY_RATE = 0.005;
    private static final int HORIZON = 30;
    /** Each series of a minute arrives 60-180 s after the minute ends. */
    private static final int MIN_DELAY_S = 60;
    private static final int MAX_DELAY_S = 180;
    /** The drivers' cadence: every 15 s of the connection's clock. */
    private static final int CADENCE_S = 15;
    private static final double[] THRESHOLDS = {0.01, 0.02, 0.05, 0.10, 0.20};
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final String CANARY = "4";
    private static final String PRIMARY = "3";
    private static final RolloutSettings SETTINGS = RolloutSettings.defaults();

    private static Constructor<?> gatesNew;
    private static Method gatesJudge;
    private static Method gatesWindowStart;

    /**
     * One run's per-minute counts and, per minute, when each series becomes readable (seconds from
     * the shift): arrival[0..3] = canary Invocations, canary Errors, primary Invocations, primary Errors.
     */
    private record Run(int[] nc, int[] ec, int[] np, int[] ep, int[][] arrival) {
        /** When minute i is complete: its last series arrived. */
        int complete(int i) {
            return Math.max(Math.max(arrival[0][i], arrival[1][i]), Math.max(arrival[2][i], arrival[3][i]));
        }
    }

    /** Decision time in minutes (from the shift) per judge, or -1 when not within the horizon. */
    private record Outcome(double engine, double bare, double[] alarm, double logs) {
    }

    /** How soon after a minute ends its START and error lines are readable in CloudWatch Logs (seconds). */
    private static final int LOG_DELAY_S = 10;

    public static void main(String[] args) throws Exception {
        long wall = System.nanoTime();
        long cpu0 = cpuNanos();
        Class<?> gates = Class.forName("com.lambdarelease.rollout.Gates");
        gatesNew = gates.getDeclaredConstructor(RolloutSettings.class, String.class, String.class, Instant.class);
        gatesNew.setAccessible(true);
        gatesJudge = gates.getDeclaredMethod("judge", AliasMetrics.class, Instant.class, Instant.class);
        gatesJudge.setAccessible(true);
        gatesWindowStart = gates.getDeclaredMethod("windowStart");
        gatesWindowStart.setAccessible(true);

        System.out.printf(Locale.ROOT, "RolloutBenchmark: 10%% weight, %d invocations/min on the alias, primary %.1f%% errors,"
                + " %d-min horizon, each series of a minute readable %d-%d s after it ends, evaluated every %d s; alpha = %.2f%n",
                ALIAS_PER_MINUTE, PRIMARY_RATE * 100, HORIZON, MIN_DELAY_S, MAX_DELAY_S, CADENCE_S, SETTINGS.alpha());

        System.out.println();
        System.out.println("Bad canaries, 200 runs each (times in minutes from the shift to the roll-back decision, over detected runs)");
        System.out.println("(bare test: ErrorTest fed each minute the instant its last series arrives: the bound)");
        System.out.printf(Locale.ROOT, "%-8s %-11s %9s %7s %5s%n", "canary", "judge", "detected", "median", "p90");
        double[] bad = {0.02, 0.05, 0.15};
        List<double[]> badDetected = new ArrayList<>();
        List<double[]> badMedian = new ArrayList<>();
        for (int b = 0; b < bad.length; b++) {
            Random r = new Random(1000 + b);
            List<Outcome> outs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                outs.add(judgeAll(simulate(r, ALIAS_PER_MINUTE, bad[b], HORIZON)));
            }
            double[] det = new double[2 + THRESHOLDS.length];
            double[] med = new double[2 + THRESHOLDS.length];
            for (int j = 0; j < det.length; j++) {
                final int jj = j;
                double[] times = outs.stream().mapToDouble(o -> jj == 0 ? o.engine() : jj == 1 ? o.bare() : o.alarm()[jj - 2]).toArray();
                String name = j == 0 ? "engine" : j == 1 ? "bare test" : "alarm " + pct(THRESHOLDS[j - 2]);
                double[] hit = Arrays.stream(times).filter(t -> t > 0).sorted().toArray();
                det[j] = (double) hit.length / times.length;
                med[j] = hit.length == 0 ? Double.NaN : quantile(hit, 0.5);
                System.out.printf(Locale.ROOT, "%-8s %-11s %8.1f%% %7s %5s%n", pct(bad[b]), name,
                        det[j] * 100, fmt(med[j]), hit.length == 0 ? "-" : fmt(quantile(hit, 0.9)));
            }
            badDetected.add(det);
            badMedian.add(med);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Early evidence from the log streams, at best (each minute judged %d s after it ends, "
                + "not 1-3 min): median minutes to the roll-back%n", LOG_DELAY_S);
        for (int b = 0; b < bad.length; b++) {
            Random r = new Random(1000 + b); // the same runs as above
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                double x = judgeAll(simulate(r, ALIAS_PER_MINUTE, bad[b], HORIZON)).logs();
                if (x > 0) {
                    t.add(x);
                }
            }
            double[] sorted = t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %s: detected %.1f%%, median %s (metrics bound %s)%n", pct(bad[b]),
                    100.0 * sorted.length / 200, sorted.length == 0 ? "-" : fmt(quantile(sorted, 0.5)), fmt(badMedian.get(b)[1]));
        }

        System.out.println();
        System.out.println("Healthy canary (0.5%, equal rates), 1,000 runs: false roll-backs within 30 min, 95% Wilson interval");
        Random healthyRandom = new Random(2000);
        int n = 1000;
        int[] falses = new int[2 + THRESHOLDS.length];
        for (int i = 0; i < n; i++) {
            Outcome o = judgeAll(simulate(healthyRandom, ALIAS_PER_MINUTE, PRIMARY_RATE, HORIZON));
            falses[0] += o.engine() > 0 ? 1 : 0;
            falses[1] += o.bare() > 0 ? 1 : 0;
            for (int t = 0; t < THRESHOLDS.length; t++) {
                falses[2 + t] += o.alarm()[t] > 0 ? 1 : 0;
            }
        }
        for (int j = 0; j < falses.length; j++) {
            String name = j == 0 ? "engine" : j == 1 ? "bare test" : "alarm " + pct(THRESHOLDS[j - 2]);
            double[] w = wilson(falses[j], n);
            System.out.printf(Locale.ROOT, "%-11s %4d/%d = %5.1f%%  [%.2f%%, %.2f%%]%n", name, falses[j], n,
                    100.0 * falses[j] / n, w[0] * 100, w[1] * 100);
        }

        System.out.println();
        lowTraffic();

        System.out.println();
        System.out.println("GetMetricData requests per evaluation: 1 by construction (Rollout.judge makes one"
                + " MetricsService.aliasMetrics call; SdkMetricsService sends it as one request). Shown by"
                + " MetricsServiceTest.invocationsThroughACanaryAreCountedPerExecutedVersionInOneRequest"
                + " (requests(\"GetMetricData\") delta == 1). Not measured here: no HTTP in this benchmark;"
                + " control-plane requests per rollout not measured.");

        System.out.println();
        System.out.println("Against issue 22's acceptance (this synthetic setup):");
        StringBuilder eligible = new StringBuilder();
        for (int t = 0; t < THRESHOLDS.length; t++) {
            if (falses[2 + t] <= SETTINGS.alpha() * n) {
                eligible.append(' ').append(pct(THRESHOLDS[t]));
            }
        }
        System.out.println("  alarm thresholds with <= alpha false roll-backs over 1,000 healthy runs:"
                + (eligible.length() == 0 ? " none (so the alarm comparison below holds vacuously)" : eligible));
        for (int b = 0; b < bad.length; b++) {
            double[] det = badDetected.get(b);
            double[] med = badMedian.get(b);
            boolean within = !Double.isNaN(med[0]) && !Double.isNaN(med[1]) && med[0] <= 1.2 * med[1];
            StringBuilder beats = new StringBuilder();
            for (int t = 0; t < THRESHOLDS.length; t++) {
                if (falses[2 + t] <= SETTINGS.alpha() * n) {
                    boolean more = det[2 + t] > det[0];
                    boolean sooner = !Double.isNaN(med[2 + t]) && (Double.isNaN(med[0]) || med[2 + t] < med[0] - 1);
                    if (more || sooner) {
                        beats.append(" alarm ").append(pct(THRESHOLDS[t])).append(more ? " detects more" : "")
                                .append(sooner ? " is >1 min sooner" : "").append(';');
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  %s: engine median %s vs bare %s -> within 1.2x: %s; alarms with <= alpha false roll-backs that beat it:%s%n",
                    pct(bad[b]), fmt(med[0]), fmt(med[1]), within ? "yes" : "NO", beats.length() == 0 ? " none" : beats);
        }
        System.out.printf(Locale.ROOT, "  healthy: engine false roll-backs %d/%d (alpha %.0f%% = %d) -> %s%n", falses[0], n,
                SETTINGS.alpha() * 100, (int) (SETTINGS.alpha() * n), falses[0] <= SETTINGS.alpha() * n ? "at most alpha" : "ABOVE alpha");

        long cpu = cpuNanos() - cpu0;
        System.out.printf(Locale.ROOT, "%nTook %.1f s wall, %.1f s CPU (this JVM's threads), %d cores available.%n",
                (System.nanoTime() - wall) / 1e9, cpu / 1e9, Runtime.getRuntime().availableProcessors());
    }

    // ---- scenarios -----------------------------------------------------------------------------

    private static Run simulate(Random r, int aliasPerMinute, double canaryRate, int minutes) {
        int[] nc = new int[minutes], ec = new int[minutes], np = new int[minutes], ep = new int[minutes];
        for (int i = 0; i < minutes; i++) {
            nc[i] = binomial(r, aliasPerMinute, WEIGHT);
            np[i] = aliasPerMinute - nc[i];
            ec[i] = binomial(r, nc[i], canaryRate);
            ep[i] = binomial(r, np[i], PRIMARY_RATE);
        }
        int[][] arrival = new int[4][minutes];
        for (int[] series : arrival) {
            for (int i = 0; i < minutes; i++) {
                series[i] = (i + 1) * 60 + MIN_DELAY_S + r.nextInt(MAX_DELAY_S - MIN_DELAY_S + 1);
            }
        }
        return new Run(nc, ec, np, ep, arrival);
    }

    /** Engine (Gates), bare ErrorTest and the alarms on one run; decision times within the horizon. */
    private static Outcome judgeAll(Run run) throws Exception {
        double engine = -1;
        Object gates = gatesNew.newInstance(SETTINGS, CANARY, PRIMARY, T0);
        for (int t = CADENCE_S; t <= HORIZON * 60; t += CADENCE_S) {
            Verdict v = judge(gates, run, t);
            if (v.result().failing()) {
                engine = t / 60.0;
                break;
            }
        }
        double bare = -1;
        ErrorTest test = new ErrorTest(SETTINGS.alpha());
        Integer[] byCompletion = new Integer[run.nc().length];
        for (int i = 0; i < byCompletion.length; i++) {
            byCompletion[i] = i;
        }
        Arrays.sort(byCompletion, java.util.Comparator.comparingInt(run::complete));
        for (int i : byCompletion) {
            if (run.complete(i) > HORIZON * 60) {
                break;
            }
            test.add(run.nc()[i], run.ec()[i], run.np()[i], run.ep()[i]);
            if (test.rejected()) {
                bare = run.complete(i) / 60.0;
                break;
            }
        }
        double[] alarm = new double[THRESHOLDS.length];
        for (int t = 0; t < THRESHOLDS.length; t++) {
            alarm[t] = -1;
            for (int i = 0; i < run.nc().length; i++) {
                int known = Math.max(run.arrival()[0][i], run.arrival()[1][i]);
                if (known <= HORIZON * 60 && run.nc()[i] > 0 && (double) run.ec()[i] / run.nc()[i] > THRESHOLDS[t]) {
                    alarm[t] = alarm[t] < 0 ? known / 60.0 : Math.min(alarm[t], known / 60.0);
                }
            }
        }
        // What per-version counts from the log streams could give at best: each minute fed LOG_DELAY_S after it ends.
        double logs = -1;
        ErrorTest fromLogs = new ErrorTest(SETTINGS.alpha());
        for (int i = 0; (i + 1) * 60 + LOG_DELAY_S <= HORIZON * 60 && i < run.nc().length; i++) {
            fromLogs.add(run.nc()[i], run.ec()[i], run.np()[i], run.ep()[i]);
            if (fromLogs.rejected()) {
                logs = ((i + 1) * 60 + LOG_DELAY_S) / 60.0;
                break;
            }
        }
        return new Outcome(engine, bare, alarm, logs);
    }

    /**
     * Low traffic: 2 invocations/min on the alias, healthy canary, plan Canary10Percent5Minutes (one 10%
     * step, 5-minute bake), replaying Decider.decide's rule: the step ends only when baked, data in
     * through the bake's end and the verdict HEALTHY (evidence); otherwise it holds, and asks the
     * operator as soon as the projected wait for the evidence would take the hold past maxHold (30 min).
     */
    private static void lowTraffic() throws Exception {
        int runs = 1000;
        int horizon = 90;
        int bake = 5;
        Random r = new Random(3000);
        int promoted = 0, blind = 0, rolledBack = 0, asked = 0;
        List<Integer> askTimes = new ArrayList<>();
        List<Long> moreAtAsk = new ArrayList<>();
        List<Double> etaAtAsk = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run run = simulate(r, 2, PRIMARY_RATE, horizon);
            Object gates = gatesNew.newInstance(SETTINGS, CANARY, PRIMARY, T0);
            Integer holdingSince = null;
            for (int k = 1; k <= horizon; k++) {
                Verdict v = judge(gates, run, k * 60);
                if (v.result().failing()) {
                    rolledBack++;
                    break;
                }
                boolean baked = k >= bake;
                boolean dataIn = v.dataCompleteThrough().filter(d -> !d.isBefore(T0.plus(Duration.ofMinutes(bake)))).isPresent();
                if (baked && dataIn && v.result() == Verdict.Result.HEALTHY) {
                    promoted++;
                    Verdict.Counts c = v.sinceShift();
                    if (!Evidence.sufficient(c.canaryInvocations(), c.canaryErrors(), v.worstAcceptableRate())) {
                        blind++;
                    }
                    break;
                }
                if (baked && dataIn) {
                    if (holdingSince == null) {
                        holdingSince = k;
                    }
                    // Decider.hopeless: asked once the hold lasted maxHold, or as soon as the projected wait exceeds it.
                    double projected = (k - holdingSince) + v.minutesToEvidence().orElse(Double.POSITIVE_INFINITY);
                    if (Duration.ofMinutes(k - holdingSince).compareTo(SETTINGS.maxHold()) > 0
                            || projected > SETTINGS.maxHold().toMinutes()) {
                        asked++;
                        askTimes.add(k);
                        moreAtAsk.add(v.moreInvocationsNeeded());
                        v.minutesToEvidence().ifPresent(etaAtAsk::add);
                        break;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Low traffic (2 invocations/min on the alias, healthy canary, Canary10Percent5Minutes), %d runs, %d-min horizon:%n",
                runs, horizon);
        System.out.printf(Locale.ROOT, "  promoted: %d, of which without evidence: %d; rolled back: %d; asked the operator: %d%n",
                promoted, blind, rolledBack, asked);
        if (!askTimes.isEmpty()) {
            int[] a = askTimes.stream().mapToInt(Integer::intValue).sorted().toArray();
            long[] m = moreAtAsk.stream().mapToLong(Long::longValue).sorted().toArray();
            double[] e = etaAtAsk.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  asks the operator at minute %d-%d after the shift (median %s);"
                            + " then still needs a median %d more canary invocations (about %s min at the current rate)%n",
                    a[0], a[a.length - 1], fmt(quantile(a, 0.5)), m[m.length / 2],
                    e.length == 0 ? "unknown" : String.format(Locale.ROOT, "%.0f", e[e.length / 2]));
        }
    }

    // ---- the engine's input --------------------------------------------------------------------

    /** One evaluation {@code t} seconds after the shift: the answer GetMetricData would give, judged by Gates. */
    private static Verdict judge(Object gates, Run run, int t) throws Exception {
        Instant now = T0.plusSeconds(t);
        Instant from = (Instant) gatesWindowStart.invoke(gates);
        int first = (int) Duration.between(T0, from).toMinutes();
        List<MetricPoint> ci = new ArrayList<>(), ce = new ArrayList<>(), pi = new ArrayList<>(), pe = new ArrayList<>();
        List<MetricPoint> cz = new ArrayList<>(), pz = new ArrayList<>(), cd = new ArrayList<>(), pd = new ArrayList<>();
        for (int i = Math.max(0, first); (i + 1) * 60 <= t && i < run.nc().length; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            int[][] a = run.arrival();
            if (a[0][i] <= t) { // throttles and durations travel with the version's invocations
                ci.add(new MetricPoint(at, run.nc()[i]));
                cz.add(new MetricPoint(at, 0));
                cd.add(new MetricPoint(at, 100));
            }
            if (a[1][i] <= t) {
                ce.add(new MetricPoint(at, run.ec()[i]));
            }
            if (a[2][i] <= t) {
                pi.add(new MetricPoint(at, run.np()[i]));
                pz.add(new MetricPoint(at, 0));
                pd.add(new MetricPoint(at, 100));
            }
            if (a[3][i] <= t) {
                pe.add(new MetricPoint(at, run.ep()[i]));
            }
        }
        List<MetricSeries> series = List.of(
                new MetricSeries(CANARY, LambdaMetric.INVOCATIONS, ci), new MetricSeries(CANARY, LambdaMetric.ERRORS, ce),
                new MetricSeries(CANARY, LambdaMetric.THROTTLES, cz), new MetricSeries(CANARY, LambdaMetric.DURATION_P99, cd),
                new MetricSeries(CANARY, LambdaMetric.DURATION_AVERAGE, cd),
                new MetricSeries(PRIMARY, LambdaMetric.INVOCATIONS, pi), new MetricSeries(PRIMARY, LambdaMetric.ERRORS, pe),
                new MetricSeries(PRIMARY, LambdaMetric.THROTTLES, pz), new MetricSeries(PRIMARY, LambdaMetric.DURATION_P99, pd),
                new MetricSeries(PRIMARY, LambdaMetric.DURATION_AVERAGE, pd));
        Instant start = from.isBefore(now) ? from : now.minus(Duration.ofMinutes(1));
        AliasMetricsQuery query = new AliasMetricsQuery("MyLambdaFunction", "prod", List.of(PRIMARY, CANARY),
                EnumSet.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS, LambdaMetric.THROTTLES,
                        LambdaMetric.DURATION_AVERAGE, LambdaMetric.DURATION_P99),
                new MetricWindow(start, now, Duration.ofMinutes(1)));
        try {
            return (Verdict) gatesJudge.invoke(gates, new AliasMetrics(query, series, now), now, T0);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    private static int binomial(Random r, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** Nearest-rank quantile of sorted values. */
    private static double quantile(double[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** Nearest-rank quantile of sorted values. */
    private static double quantile(int[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double[] wilson(int k, int n) {
        double z = 1.959964;
        double p = (double) k / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%s%%", new java.math.BigDecimal(rate * 100).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static long cpuNanos() {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    private RolloutBenchmark() {
    }
}

package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.sandbox.SandboxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rollout engine on the sandbox's real HTTP endpoint (not a test: it prints figures, never fails).
 *
 * <p>Set-up: the seeded sandbox on a manual clock with AWS's 1-3 minute metric delay on and simulated
 * traffic scaled to 120 invocations/min on {@code MyLambdaFunction:prod} (the sandbox's ±20% wave
 * included; every other alias deleted), primary version 3 at 0.5% errors. Each run publishes a
 * canary with the scenario's error rate and starts a rollout through {@link RolloutEngine} on a
 * one-step plan (10% for 30 minutes) at the default settings, except that a failing gate pauses
 * instead of rolling back, so the canary keeps its traffic and every judge sees all 30 minutes. The
 * clock then moves a minute at a time, each minute's traffic is generated and the rollout evaluates
 * (one GetAlias and one GetMetricData over HTTP, a journal line). The decision time is from the
 * shift to the evaluation whose gate failed. Then the rollout is aborted (the alias restored) and,
 * four minutes later, one GetMetricData on a session of its own reads the run's per-minute counts.
 *
 * <p>On those counts, outside the engine: the bound is {@link ErrorTest} fed minute i (from i to
 * i+1 after the shift) the moment it is final, at i+1+3 (the rule the engine uses: CloudWatch marks no
 * datapoint final, and AWS documents a delay of up to 3 minutes; the sandbox's own delay is 1-3);
 * a CodeDeploy-style alarm on the canary's error rate fires at i+1+3 on the first minute above T (a
 * minute without canary invocations is missing data, not breaching). Horizon: decisions within 30
 * minutes of the shift.
 *
 * <p>Low traffic: 2 invocations/min on the alias, a healthy canary, {@code Canary10Percent5Minutes},
 * run until the rollout finishes or asks for an operator.
 *
 * <p>Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lambdarelease.rollout.RolloutSandboxBenchmark [-Dexec.args="BAD_RUNS HEALTHY_RUNS LOW_RUNS"]}
 * (defaults 200 1000 200).
 */
public final class RolloutSandboxBenchmark {

    private static final double ALIAS_PER_MINUTE = 120;
    private static final int HORIZON = 30;
    private static final int FINAL_AFTER = 3;
    private static final double[] THRESHOLDS = {0.01, 0.02, 0.05, 0.10, 0.20};
    private static final RolloutPlan ONE_STEP = new RolloutPlan("bench-10-percent-30-minutes",
            List.of(RolloutPlan.Step.shift(10, Duration.ofMinutes(HORIZON))));
    private static final RolloutSettings SETTINGS = RolloutSettings.defaults().withRollbackOnFailure(false);
    private static final double SEEDED_PROD_PER_MINUTE = 600;

    /** Minutes from the shift to each judge's decision, -1 for none within the horizon. */
    private record Outcome(int engine, int bound, int[] alarm, long evaluations, long getMetricData, long controlPlane) {
    }

    private final RolloutSandbox box;
    private final ReleaseSession session;
    private final ReleaseSession reader;
    private final RolloutEngine engine;

    private RolloutSandboxBenchmark(RolloutSandbox box) {
        this.box = box;
        this.session = box.session();
        this.reader = box.session();
        this.engine = box.engine(session);
    }

    public static void main(String[] args) throws Exception {
        int badRuns = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int healthyRuns = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int lowRuns = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long wall = System.nanoTime();
        Path shm = Path.of("/dev/shm");
        Path dir = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                "rollout-bench");
        System.out.printf(Locale.ROOT, "RolloutSandboxBenchmark: sandbox over HTTP, manual clock, metric delay on; %s invocations/min"
                + " on prod, 10%% canary, primary 0.5%%; alpha %.2f; horizon %d min; journal in %s%n",
                fmt(ALIAS_PER_MINUTE), SETTINGS.alpha(), HORIZON, dir);
        SandboxOptions busy = SandboxOptions.builderForTests().metricsDelay(true)
                .trafficScale(ALIAS_PER_MINUTE / SEEDED_PROD_PER_MINUTE).build();
        List<Outcome> healthy;
        List<List<Outcome>> bad = new ArrayList<>();
        double[] rates = {0.02, 0.05, 0.15};
        try (RolloutSandbox box = new RolloutSandbox(dir.resolve("busy"), busy)) {
            RolloutSandboxBenchmark bench = new RolloutSandboxBenchmark(box);
            System.out.printf(Locale.ROOT, "%nBad canaries, %d runs each: detected, median / p90 minutes from the shift to the decision%n", badRuns);
            System.out.printf(Locale.ROOT, "%-7s %-10s %9s %7s %5s %9s%n", "canary", "judge", "detected", "median", "p90", "vs bound");
            for (double rate : rates) {
                List<Outcome> runs = bench.runs(rate, badRuns);
                bad.add(runs);
                report(pct(rate), runs);
            }
            healthy = bench.runs(0.005, healthyRuns);
            System.out.printf(Locale.ROOT, "%nHealthy canary (0.5%%), %d runs: false roll-back decisions within %d min%n", healthyRuns, HORIZON);
            falseAlarms(healthy);
            List<Outcome> all = new ArrayList<>(healthy);
            bad.forEach(all::addAll);
            System.out.printf(Locale.ROOT, "%nRequests: GetMetricData per evaluation %.3f (%d over %d evaluations);"
                    + " control-plane requests per rollout %.1f (start, shifts, reads, abort)%n",
                    all.stream().mapToLong(Outcome::getMetricData).sum() / (double) all.stream().mapToLong(Outcome::evaluations).sum(),
                    all.stream().mapToLong(Outcome::getMetricData).sum(), all.stream().mapToLong(Outcome::evaluations).sum(),
                    all.stream().mapToLong(Outcome::controlPlane).average().orElse(0));
            System.out.printf(Locale.ROOT, "Engine time per evaluation (GetAlias + GetMetricData over HTTP + journal): %.1f ms;"
                    + " traffic generation per minute %.1f ms%n",
                    box.evaluateNanos / 1e6 / all.stream().mapToLong(Outcome::evaluations).sum(),
                    box.trafficNanos / 1e6 / all.stream().mapToLong(Outcome::evaluations).sum());
            int rollouts = all.size();
            StringBuilder perOp = new StringBuilder("Requests per rollout by operation:");
            bench.session.services().activity().counts().forEach((op, n) -> perOp.append(String.format(Locale.ROOT,
                    " %s %.1f;", op, n / (double) rollouts)));
            System.out.println(perOp);
            verdict(bad, healthy, rates);
        }
        SandboxOptions quiet = SandboxOptions.builderForTests().metricsDelay(true)
                .trafficScale(2 / SEEDED_PROD_PER_MINUTE).build();
        try (RolloutSandbox box = new RolloutSandbox(dir.resolve("quiet"), quiet)) {
            new RolloutSandboxBenchmark(box).lowTraffic(lowRuns);
        }
        System.out.printf(Locale.ROOT, "%nWall time %.0f s%n", (System.nanoTime() - wall) / 1e9);
        System.exit(0);
    }

    private List<Outcome> runs(double errorRate, int n) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(run(errorRate));
        }
        return out;
    }

    private Outcome run(double errorRate) {
        String canary = box.publishVersion(errorRate, "canary " + errorRate);
        long metricsBefore = session.services().activity().requests("GetMetricData");
        long allBefore = session.services().activity().totalRequests();
        Rollout rollout = engine.start(new RolloutEngine.Request(RolloutSandbox.FN, "prod", canary, ONE_STEP, SETTINGS)).join();
        RolloutSnapshot s = rollout.evaluate().join(); // the shift
        Instant shift = box.clock.instant();
        int engineMinute = -1;
        long evaluations = 0;
        for (int m = 1; m <= HORIZON; m++) {
            s = box.minute(rollout);
            evaluations++;
            if (engineMinute < 0 && s.state() == RolloutState.PAUSED) {
                engineMinute = m;
            }
        }
        long metrics = session.services().activity().requests("GetMetricData") - metricsBefore;
        rollout.abort("benchmark run over").join();
        long control = session.services().activity().totalRequests() - allBefore - metrics;
        box.clock.advance(Duration.ofMinutes(FINAL_AFTER + 1)); // every minute of the run readable
        box.sandbox.generateTrafficToNow();
        int[][] counts = perMinute(canary, shift);
        return judgeOffline(counts, engineMinute, evaluations, metrics, control);
    }

    /** The run's per-minute counts {canary invocations, canary errors, primary invocations, primary errors}. */
    private int[][] perMinute(String canary, Instant shift) {
        AliasMetricsQuery q = new AliasMetricsQuery(RolloutSandbox.FN, "prod", List.of("3", canary),
                Set.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS),
                new MetricWindow(shift, shift.plus(Duration.ofMinutes(HORIZON)), Duration.ofMinutes(1)));
        AliasMetrics m = reader.services().metrics().aliasMetrics(q).join();
        int[][] c = new int[HORIZON][4];
        fill(c, 0, m, canary, LambdaMetric.INVOCATIONS, shift);
        fill(c, 1, m, canary, LambdaMetric.ERRORS, shift);
        fill(c, 2, m, "3", LambdaMetric.INVOCATIONS, shift);
        fill(c, 3, m, "3", LambdaMetric.ERRORS, shift);
        return c;
    }

    private static void fill(int[][] c, int column, AliasMetrics m, String version, LambdaMetric metric, Instant shift) {
        Map<Instant, Double> byTime = new HashMap<>();
        m.series(version, metric).ifPresent(s -> s.points().forEach((MetricPoint p) -> byTime.put(p.time(), p.value())));
        for (int i = 0; i < HORIZON; i++) {
            c[i][column] = (int) Math.round(byTime.getOrDefault(shift.plus(Duration.ofMinutes(i)), 0.0));
        }
    }

    private static Outcome judgeOffline(int[][] c, int engine, long evaluations, long metrics, long control) {
        ErrorTest test = new ErrorTest(SETTINGS.alpha());
        int bound = -1;
        int[] alarm = new int[THRESHOLDS.length];
        Arrays.fill(alarm, -1);
        for (int i = 0; i + 1 + FINAL_AFTER <= HORIZON; i++) {
            int at = i + 1 + FINAL_AFTER;
            test.add(c[i][0], c[i][1], c[i][2], c[i][3]);
            if (bound < 0 && test.rejected()) {
                bound = at;
            }
            for (int t = 0; t < THRESHOLDS.length; t++) {
                if (alarm[t] < 0 && c[i][0] > 0 && (double) c[i][1] / c[i][0] > THRESHOLDS[t]) {
                    alarm[t] = at;
                }
            }
        }
        return new Outcome(engine, bound, alarm, evaluations, metrics, control);
    }

    private void lowTraffic(int n) {
        int promotedBlind = 0;
        int rolledBack = 0;
        List<Integer> asks = new ArrayList<>();
        List<Long> short_ = new ArrayList<>();
        RolloutPlan plan = RolloutPlan.predefined("Canary10Percent5Minutes").orElseThrow();
        for (int i = 0; i < n; i++) {
            String canary = box.publishVersion(0.005, "quiet canary");
            Rollout rollout = engine.start(new RolloutEngine.Request(RolloutSandbox.FN, "prod", canary, plan,
                    RolloutSettings.defaults())).join();
            RolloutSnapshot s = rollout.evaluate().join();
            int minute = 0;
            while (!s.finished() && !s.needsOperator() && minute < 90) {
                s = box.minute(rollout);
                minute++;
            }
            if (s.state() == RolloutState.PROMOTED) {
                promotedBlind += s.verdict() == null || s.verdict().moreInvocationsNeeded() > 0 ? 1 : 0;
            } else if (s.state() == RolloutState.ROLLED_BACK) {
                rolledBack++;
            } else if (s.needsOperator()) {
                asks.add(minute);
                if (s.verdict() != null) {
                    short_.add(s.verdict().moreInvocationsNeeded());
                }
            }
            if (!s.finished()) {
                rollout.abort("benchmark run over").join();
            }
            box.clock.advance(Duration.ofMinutes(FINAL_AFTER + 1));
            box.sandbox.generateTrafficToNow();
        }
        int[] a = asks.stream().mapToInt(Integer::intValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nLow traffic (2 invocations/min on the alias, healthy canary, Canary10Percent5Minutes), %d runs:"
                + " promoted without evidence %d, rolled back %d, asked the operator %d (median at minute %s, range %s-%s;"
                + " median %s canary invocations still short)%n", n, promotedBlind, rolledBack, a.length,
                a.length == 0 ? "-" : fmt(quantile(a, 0.5)), a.length == 0 ? "-" : a[0], a.length == 0 ? "-" : a[a.length - 1],
                short_.isEmpty() ? "-" : fmt(quantile(short_.stream().mapToInt(Long::intValue).sorted().toArray(), 0.5)));
    }

    private static void report(String canary, List<Outcome> runs) {
        double boundMedian = median(runs, -1);
        for (int j = -2; j < THRESHOLDS.length; j++) {
            int[] hit = times(runs, j);
            String name = j == -2 ? "engine" : j == -1 ? "bound" : "alarm " + pct(THRESHOLDS[j]);
            double med = hit.length == 0 ? Double.NaN : quantile(hit, 0.5);
            System.out.printf(Locale.ROOT, "%-7s %-10s %8.1f%% %7s %5s %9s%n", canary, name, 100.0 * hit.length / runs.size(),
                    fmt(med), hit.length == 0 ? "-" : fmt(quantile(hit, 0.9)),
                    j == -2 && boundMedian > 0 ? String.format(Locale.ROOT, "%.2fx", med / boundMedian) : "");
        }
    }

    private static void falseAlarms(List<Outcome> healthy) {
        for (int j = -2; j < THRESHOLDS.length; j++) {
            int k = times(healthy, j).length;
            double[] w = wilson(k, healthy.size());
            String name = j == -2 ? "engine" : j == -1 ? "bound" : "alarm " + pct(THRESHOLDS[j]);
            System.out.printf(Locale.ROOT, "%-10s %4d of %d = %5.1f%% [95%%: %.2f%%, %.2f%%]%n", name, k, healthy.size(),
                    100.0 * k / healthy.size(), 100 * w[0], 100 * w[1]);
        }
    }

    /** The acceptance rule, checked on these figures. */
    private static void verdict(List<List<Outcome>> bad, List<Outcome> healthy, double[] rates) {
        System.out.println();
        double engineFalse = times(healthy, -2).length / (double) healthy.size();
        System.out.printf(Locale.ROOT, "Engine false roll-backs %.2f%% (alpha %.0f%%): %s%n", 100 * engineFalse, 100 * SETTINGS.alpha(),
                engineFalse <= SETTINGS.alpha() ? "at most alpha" : "ABOVE ALPHA");
        for (int b = 0; b < rates.length; b++) {
            double ratio = median(bad.get(b), -2) / median(bad.get(b), -1);
            System.out.printf(Locale.ROOT, "%s canary: engine median %.2fx the bound's (limit 1.2x)%n", pct(rates[b]), ratio);
        }
        for (int t = 0; t < THRESHOLDS.length; t++) {
            double fr = times(healthy, t).length / (double) healthy.size();
            if (fr > SETTINGS.alpha()) {
                System.out.printf(Locale.ROOT, "alarm %s: false roll-backs %.1f%% > alpha: not a qualifying setting%n", pct(THRESHOLDS[t]), 100 * fr);
                continue;
            }
            for (int b = 0; b < rates.length; b++) {
                double share = times(bad.get(b), t).length / (double) bad.get(b).size();
                double engineShare = times(bad.get(b), -2).length / (double) bad.get(b).size();
                double sooner = median(bad.get(b), -2) - median(bad.get(b), t);
                System.out.printf(Locale.ROOT, "alarm %s on %s: detects %.1f%% vs engine %.1f%%, median %.1f min sooner: %s%n",
                        pct(THRESHOLDS[t]), pct(rates[b]), 100 * share, 100 * engineShare, sooner,
                        share <= engineShare && !(sooner > 1) ? "no better" : "BETTER THAN THE ENGINE");
            }
        }
    }

    /** Decision minutes of the runs that decided: judge -2 engine, -1 bound, else alarm index. */
    private static int[] times(List<Outcome> runs, int judge) {
        return runs.stream().mapToInt(o -> judge == -2 ? o.engine() : judge == -1 ? o.bound() : o.alarm()[judge])
                .filter(t -> t > 0).sorted().toArray();
    }

    private static double median(List<Outcome> runs, int judge) {
        int[] t = times(runs, judge);
        return t.length == 0 ? Double.NaN : quantile(t, 0.5);
    }

    private static double quantile(int[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Wilson score interval for k of n at 95%. */
    private static double[] wilson(int k, int n) {
        double z = 1.96;
        double p = (double) k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static String pct(double r) {
        return String.format(Locale.ROOT, "%s%%", fmt(r * 100));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

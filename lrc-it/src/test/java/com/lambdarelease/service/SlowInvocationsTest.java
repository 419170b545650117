package com.lambdarelease.service;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.SlowInvocations;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each version's invocations slower than a threshold, per minute, counted by CloudWatch's trimmed
 * count TC(threshold:) in the same GetMetricData request as the other series, against the sandbox
 * over HTTP.
 */
class SlowInvocationsTest {

    private static final String FN = "MyLambdaFunction";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Pattern VERSION = Pattern.compile("START RequestId: \\S+ Version: (\\S+)");
    private static final Pattern DURATION = Pattern.compile("REPORT RequestId: \\S+\\tDuration: ([0-9.]+) ms");

    private SandboxServices env;

    @AfterEach
    void stop() {
        env.close();
    }

    private AliasMetrics read(AliasMetricsQuery query) throws Exception {
        return env.metrics.aliasMetrics(query).get(30, TimeUnit.SECONDS);
    }

    private void split(String primary, String canary, double weight) throws Exception {
        AliasRoute prod = env.lambda.getAlias(FN, "prod").get(10, TimeUnit.SECONDS);
        env.lambda.updateAlias(prod, TrafficSplit.canary(primary, canary, weight), "canary").get(10, TimeUnit.SECONDS);
    }

    /** One run as the caller saw it in the log tail: the version that ran and its REPORT duration (2 decimals). */
    private record Run(int minute, String version, BigDecimal durationMs) {
    }

    private static Run run(int minute, InvokeResponse response) {
        String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        Matcher v = VERSION.matcher(tail);
        Matcher d = DURATION.matcher(tail);
        assertThat(v.find() && d.find()).as(tail).isTrue();
        return new Run(minute, v.group(1), new BigDecimal(d.group(1)));
    }

    /**
     * A threshold no run's true duration can sit on: halfway between two neighbouring reported
     * durations at least 0.03 ms apart, near the given share of the runs (a reported 2-decimal
     * duration is within 0.005 ms of the true one).
     */
    private static BigDecimal thresholdBetweenKnownValues(List<Run> runs, double share) {
        List<BigDecimal> sorted = runs.stream().map(Run::durationMs).distinct().sorted().toList();
        for (int i = (int) (share * sorted.size()); i + 1 < sorted.size(); i++) {
            BigDecimal a = sorted.get(i);
            BigDecimal b = sorted.get(i + 1);
            if (b.subtract(a).compareTo(new BigDecimal("0.03")) >= 0) {
                return a.add(b).divide(BigDecimal.valueOf(2));
            }
        }
        throw new AssertionError("no gap in " + sorted);
    }

    @Test
    void givenInvocationsWithKnownDurations_whenSlowOnesAreCounted_thenEachMinuteAndVersionCountsExactlyThoseAbove()
            throws Exception {
        env = new SandboxServices(SandboxOptions.forTests());
        Instant start = env.clock.instant();
        split("3", "4", 0.5);
        LambdaClient lambda = env.clients.lambda();
        List<Run> runs = new ArrayList<>();
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 60; i++) {
                runs.add(run(minute, lambda.invoke(r -> r.functionName(FN).qualifier("prod").logType(LogType.TAIL)
                        .payload(SdkBytes.fromUtf8String("{}")))));
            }
            env.clock.advance(MINUTE);
        }
        MetricWindow window = new MetricWindow(start, start.plus(Duration.ofMinutes(3)), MINUTE);

        for (double share : new double[] {0.5, 0.9}) {
            BigDecimal threshold = thresholdBetweenKnownValues(runs, share);
            long before = env.clients.activity().requests("GetMetricData");
            AliasMetrics metrics = read(new AliasMetricsQuery(FN, "prod", List.of("3", "4"),
                    EnumSet.of(LambdaMetric.INVOCATIONS), window).slowerThan(threshold.doubleValue()));

            assertThat(env.clients.activity().requests("GetMetricData") - before).as("one request").isEqualTo(1);
            for (String version : List.of("3", "4")) {
                List<Double> expected = new ArrayList<>();
                for (int minute = 0; minute < 3; minute++) {
                    int m = minute;
                    expected.add((double) runs.stream().filter(r -> r.minute() == m && r.version().equals(version)
                            && r.durationMs().compareTo(threshold) > 0).count());
                }
                SlowInvocations slow = metrics.slowInvocations(version).orElseThrow();
                assertThat(slow.thresholdMs()).isEqualTo(threshold.doubleValue());
                assertThat(slow.densePoints(window).stream().map(MetricPoint::value).toList())
                        .as("v%s runs above %s ms per minute, from the log tails", version, threshold)
                        .isEqualTo(expected);
                assertThat(metrics.invocations(version))
                        .isEqualTo((double) runs.stream().filter(r -> r.version().equals(version)).count());
            }
        }
    }

    @Test
    void givenTheHourBeforeARollout_whenThePrimarysP99IsRead_thenOnePeriodAnswersItAndTrimmedCountsAgreeWithIt()
            throws Exception {
        env = withAnHourOfTraffic();
        Instant start = env.clock.instant();
        MetricWindow hourBefore = new MetricWindow(start.minus(Duration.ofHours(1)), start, Duration.ofHours(1));

        double p99 = p99OfTheHourBefore(start);
        // A p99 read back is a float widened to a double (more than 10 decimals): round it to what CloudWatch takes.
        double above = BigDecimal.valueOf(p99).setScale(2, RoundingMode.CEILING).doubleValue();
        double below = BigDecimal.valueOf(p99).setScale(2, RoundingMode.FLOOR).subtract(new BigDecimal("0.01"))
                .doubleValue();
        AliasMetrics over = read(new AliasMetricsQuery(FN, "prod", List.of("3"), EnumSet.of(LambdaMetric.INVOCATIONS),
                hourBefore).slowerThan(above));
        AliasMetrics under = read(new AliasMetricsQuery(FN, "prod", List.of("3"), EnumSet.of(LambdaMetric.INVOCATIONS),
                hourBefore).slowerThan(below));

        // Nearest rank: p99 is the smallest value with at least 99% of the values at or below it.
        double n = over.invocations("3");
        double outsideTop = n - Math.ceil(0.99 * n);
        assertThat(n).as("an hour of prod's traffic").isGreaterThan(10_000);
        assertThat(over.slowInvocations("3").orElseThrow().sum()).isLessThanOrEqualTo(outsideTop);
        assertThat(under.slowInvocations("3").orElseThrow().sum()).isGreaterThanOrEqualTo(outsideTop + 1);
    }

    @Test
    void givenASlowCanaryAtTenPercent_whenCountedAgainstThePrimarysP99_thenItsSlowCountsAreFarAboveThePrimarys()
            throws Exception {
        env = withAnHourOfTraffic();
        Instant start = env.clock.instant();
        double threshold = BigDecimal.valueOf(p99OfTheHourBefore(start)).setScale(2, RoundingMode.CEILING).doubleValue();
        LambdaClient lambda = env.clients.lambda();
        lambda.updateFunctionConfiguration(b -> b.functionName(FN).environment(e -> e.variables(
                Map.of("SANDBOX_ERROR_RATE", "0.005", "SANDBOX_LATENCY_MS", "200"))));
        String slow = lambda.publishVersion(b -> b.functionName(FN).description("slower")).version();
        split("3", slow, 0.1);
        for (int i = 0; i < 10; i++) {
            env.clock.advance(MINUTE);
            env.sandbox.generateTrafficToNow();
        }
        MetricWindow window = new MetricWindow(start, start.plus(Duration.ofMinutes(10)), MINUTE);

        AliasMetrics metrics = read(new AliasMetricsQuery(FN, "prod", List.of("3", slow),
                EnumSet.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS), window).slowerThan(threshold));

        Map<Instant, Double> primary = byMinute(metrics.slowInvocations("3").orElseThrow().densePoints(window));
        Map<Instant, Double> canary = byMinute(metrics.slowInvocations(slow).orElseThrow().densePoints(window));
        assertThat(canary.keySet()).hasSize(10);
        canary.forEach((minute, count) -> assertThat(count).as("slow at %s", minute).isGreaterThan(3 * primary.get(minute)));
        assertThat(metrics.slowInvocations(slow).orElseThrow().sum() / metrics.invocations(slow))
                .as("200 ms more than the primary's p99: nearly every run is slow").isGreaterThan(0.95);
        assertThat(metrics.slowInvocations("3").orElseThrow().sum() / metrics.invocations("3"))
                .as("the primary stays about as slow as in the hour before").isLessThan(0.03);
        assertThat(metrics.series(slow, LambdaMetric.ERRORS)).as("the other series still arrive").isPresent();
    }

    private static Map<Instant, Double> byMinute(List<MetricPoint> points) {
        Map<Instant, Double> out = new HashMap<>();
        points.forEach(p -> out.put(p.time(), p.value()));
        return out;
    }

    /** Version 3's p99 Duration through prod over the hour before {@code start}: DURATION_P99 with a one-hour period. */
    private double p99OfTheHourBefore(Instant start) throws Exception {
        MetricWindow hourBefore = new MetricWindow(start.minus(Duration.ofHours(1)), start, Duration.ofHours(1));
        AliasMetrics m = read(new AliasMetricsQuery(FN, "prod", List.of("3"), EnumSet.of(LambdaMetric.DURATION_P99),
                hourBefore));
        List<MetricPoint> points = m.series("3", LambdaMetric.DURATION_P99).orElseThrow().points();
        assertThat(points).as("one period, the whole hour").hasSize(1);
        assertThat(points.get(0).time()).isEqualTo(hourBefore.start());
        return points.get(0).value();
    }

    /** Simulated traffic, an hour of it already behind the (whole-hour) clock, prod on version 3 alone. */
    private static SandboxServices withAnHourOfTraffic() throws Exception {
        return new SandboxServices(SandboxOptions.builderForTests().traffic(true).backfill(Duration.ofHours(1)).build());
    }
}

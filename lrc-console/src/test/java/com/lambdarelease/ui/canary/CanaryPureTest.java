package com.lambdarelease.ui.canary;

import com.lambdarelease.testing.FakeMetricsService;
import com.lambdarelease.testing.FakeLambdaService;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.WeightParser;

import static org.assertj.core.api.Assertions.assertThat;

/** Weight parsing, version comparison, gaps and CSV: no toolkit needed. */
class CanaryPureTest {

    @Test
    void weightsAreTenthsOfAPercentAndAwsWeightsAreExact() {
        assertThat(WeightParser.parse("10").percent()).contains(10.0);
        assertThat(WeightParser.parse(" 2.5 % ").percent()).contains(2.5);
        assertThat(Weight.toAws(10.0)).isEqualTo(0.1);
        assertThat(Weight.toAws(0.1)).isEqualTo(0.001);
        assertThat(WeightParser.parse("150").error()).isEqualTo("150 is above 100%. " + WeightParser.RANGE);
        assertThat(WeightParser.parse("-1").error()).isEqualTo("-1 is below 0%. " + WeightParser.RANGE);
        assertThat(WeightParser.parse("abc").error()).isEqualTo("\"abc\" is not a weight. " + WeightParser.RANGE);
        assertThat(WeightParser.parse("1e2").valid()).isFalse();
    }

    @Test
    void comparisonHidesEnvironmentValuesAndFlagsBlockingDifferences() {
        var a = FakeLambdaService.config("3", FakeLambdaService.ROLE);
        var b = new com.lambdarelease.domain.FunctionConfig(a.functionName(), a.functionArn(), "4", "", "python3.13",
                a.handler(), 256, 3, a.role(), "sha-4", 1, Instant.EPOCH, "r", List.of("arn:layer:1"),
                Map.of("TABLE", "x", "DEBUG", "1"), Optional.of("arn:aws:sqs:us-east-1:123456789012:dlq"));
        VersionComparison c = VersionComparison.of(a, b);
        assertThat(c.rows()).filteredOn(VersionComparison.Row::differs).extracting(VersionComparison.Row::field)
                .containsExactly("Runtime", "Memory", "Dead-letter queue", "Layers", "Environment (names)",
                        "Environment (values)", "Code SHA-256");
        assertThat(c.rows()).filteredOn(r -> r.field().equals("Environment (names)")).singleElement()
                .satisfies(r -> assertThat(r.canary()).isEqualTo("DEBUG, TABLE").doesNotContain("x"));
        assertThat(c.rows()).filteredOn(r -> r.field().equals("Environment (values)")).singleElement()
                .satisfies(r -> assertThat(r.canary()).startsWith("differ: ").contains("DEBUG", "TABLE").doesNotContain("x"));
        assertThat(c.blockers()).singleElement().asString().contains("dead-letter queues differ");
    }

    @Test
    void gapsSplitLinesAndCsvLeavesThemEmpty() {
        Instant t0 = Instant.parse("2026-03-02T14:00:00Z");
        List<MetricPoint> points = List.of(new MetricPoint(t0, 1), new MetricPoint(t0.plusSeconds(60), Double.NaN),
                new MetricPoint(t0.plusSeconds(120), 3), new MetricPoint(t0.plusSeconds(180), 4));
        assertThat(MetricChartView.segments(points)).hasSize(2);
        ChartModel model = new ChartModel(ChartKind.DURATION, List.of(new ChartModel.Line("3", "", points),
                new ChartModel.Line("3", "p99", points)));
        assertThat(ChartExport.toCsv(model)).isEqualTo("""
                time,v3,v3 p99
                2026-03-02T14:00:00Z,1,1
                2026-03-02T14:01:00Z,,
                2026-03-02T14:02:00Z,3,3
                2026-03-02T14:03:00Z,4,4
                """);
    }

    @Test
    void countsWithoutDatapointsAreZeroAndTheRateIsPerMinute() {
        Instant now = Instant.parse("2026-03-02T14:00:30Z");
        MetricWindow window = MetricWindow.last(Duration.ofMinutes(15), Duration.ofMinutes(1), now);
        var query = new AliasMetricsQuery("fn", "prod", List.of("3"), EnumSet.allOf(LambdaMetric.class), window);
        var metrics = FakeMetricsService.answer(query, now);
        MetricsSnapshot snap = MetricsSnapshot.of(metrics, TrafficSplit.allTo("3"), List.of());
        List<MetricPoint> invocations = snap.chart(ChartKind.INVOCATIONS).lines().get(0).points();
        assertThat(invocations).hasSize(15);
        assertThat(invocations.get(13).value()).as("not reported yet: a gap, not a fake drop to zero").isNaN();
        assertThat(snap.chart(ChartKind.THROTTLES).lines().get(0).points().get(0).value())
                .as("a reported minute without throttles is a zero").isZero();
        assertThat(snap.ratePerMinute()).isEqualTo(100.0);
    }
}

package com.lambdarelease.service;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.InvocationResult;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-version metrics of a weighted alias, read back through the service after real invocations. */
class MetricsServiceTest {

    private SandboxServices env;

    @BeforeEach
    void start() throws Exception {
        env = new SandboxServices(SandboxOptions.forTests());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    @Test
    void invocationsThroughACanaryAreCountedPerExecutedVersionInOneRequest() throws Exception {
        AliasRoute prod = env.lambda.getAlias("MyLambdaFunction", "prod").get(10, TimeUnit.SECONDS);
        env.lambda.updateAlias(prod, TrafficSplit.canary("3", "4", 0.3), "canary").get(10, TimeUnit.SECONDS);

        Map<String, Integer> ran = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            InvocationResult r = env.lambda.invoke("MyLambdaFunction", "prod", "{}").get(10, TimeUnit.SECONDS);
            ran.merge(r.executedVersion(), 1, Integer::sum);
            if (i % 50 == 49) {
                env.clock.advance(Duration.ofMinutes(1));
            }
        }
        long before = env.clients.activity().requests("GetMetricData");

        AliasMetrics metrics = env.metrics.aliasMetrics(new AliasMetricsQuery("MyLambdaFunction", "prod", List.of("3", "4"),
                EnumSet.allOf(LambdaMetric.class),
                MetricWindow.last(Duration.ofMinutes(15), Duration.ofMinutes(1), env.clock.instant()))).get(10, TimeUnit.SECONDS);

        assertThat(env.clients.activity().requests("GetMetricData") - before).isEqualTo(1);
        assertThat(metrics.series()).hasSize(2 * LambdaMetric.values().length);
        assertThat(metrics.invocations("3")).isEqualTo(ran.get("3").doubleValue());
        assertThat(metrics.invocations("4")).isEqualTo(ran.get("4").doubleValue());
        assertThat(metrics.observedShare("4")).isBetween(0.15, 0.45);
        assertThat(metrics.series("4", LambdaMetric.DURATION_P99).orElseThrow().points()).isNotEmpty();
        assertThat(metrics.dataThrough()).isPresent();
        assertThat(metrics.series("3", LambdaMetric.INVOCATIONS).orElseThrow().points())
                .as("one datapoint per minute with invocations").hasSizeBetween(4, 5);
        assertThat(metrics.series("3", LambdaMetric.CONCURRENT_EXECUTIONS).orElseThrow().points())
                .as("AWS records concurrency per alias only; each version carries the alias's value")
                .isNotEmpty().isEqualTo(metrics.series("4", LambdaMetric.CONCURRENT_EXECUTIONS).orElseThrow().points());
    }

    @Test
    void anAliasWithoutTrafficHasEmptySeriesNotAnError() throws Exception {
        AliasMetrics metrics = env.metrics.aliasMetrics(new AliasMetricsQuery("MyLambdaFunction", "dev", List.of("1"),
                EnumSet.of(LambdaMetric.INVOCATIONS, LambdaMetric.DURATION_AVERAGE),
                MetricWindow.last(Duration.ofHours(1), Duration.ofMinutes(1), env.clock.instant()))).get(10, TimeUnit.SECONDS);

        assertThat(metrics.invocations("1")).isZero();
        var window = metrics.query().window();
        assertThat(metrics.series("1", LambdaMetric.INVOCATIONS).orElseThrow().densePoints(window))
                .as("a count reads missing minutes as zero").hasSize(60).allMatch(p -> p.value() == 0);
        assertThat(metrics.series("1", LambdaMetric.DURATION_AVERAGE).orElseThrow().densePoints(window))
                .as("a duration leaves a gap").isEmpty();
    }
}

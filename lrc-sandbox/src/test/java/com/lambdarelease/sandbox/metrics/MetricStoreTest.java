package com.lambdarelease.sandbox.metrics;

import com.lambdarelease.sandbox.SandboxClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MetricStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant MINUTE = NOW.minus(Duration.ofMinutes(5));
    private final SandboxClock.ManualClock clock = SandboxClock.manual(NOW);
    private final MetricStore store = new MetricStore(clock, false);

    private static MetricKey lambda(String metric, Dimension... dims) {
        return MetricKey.of("AWS/Lambda", metric, dims);
    }

    private static final Dimension FN = new Dimension("FunctionName", "checkout");

    private List<Double> values(MetricStore s, MetricKey key, Statistic stat) {
        return s.query(new MetricQuery(key, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), 60, stat,
                Optional.empty(), true)).stream().map(Datapoint::value).toList();
    }

    private static Invocation call(Optional<String> qualifier, boolean viaAlias, String version, double ms,
                                   boolean error, boolean throttled) {
        return new Invocation("checkout", qualifier, viaAlias, version, MINUTE.plusSeconds(10), ms, error, throttled);
    }

    @Test
    void givenAnUnqualifiedCall_whenRecorded_thenOnlyTheFunctionNameDimensionSetGetsData() {
        store.record(call(Optional.empty(), false, "$LATEST", 40, false, false));

        assertThat(store.metrics(k -> true)).extracting(k -> k.dimensions().size()).containsOnly(1);
        assertThat(values(store, lambda("Invocations", FN), Statistic.SUM)).containsExactly(1.0);
    }

    @Test
    void givenACallToAVersion_whenRecorded_thenResourceIsNameColonVersionAndThereIsNoExecutedVersion() {
        store.record(call(Optional.of("4"), false, "4", 40, false, false));

        Dimension resource = new Dimension("Resource", "checkout:4");
        assertThat(values(store, lambda("Duration", FN, resource), Statistic.MAXIMUM)).containsExactly(40.0);
        assertThat(store.metrics(k -> k.dimensions().size() == 3)).isEmpty();
    }

    @Test
    void givenSuccessfulCalls_whenRecorded_thenErrorsAndThrottlesCountZeroSoTheirSeriesHaveNoGaps() {
        store.record(call(Optional.empty(), false, "1", 40, false, false));
        store.record(call(Optional.empty(), false, "1", 40, true, false));

        assertThat(values(store, lambda("Errors", FN), Statistic.SUM)).containsExactly(1.0);
        assertThat(values(store, lambda("Errors", FN), Statistic.SAMPLE_COUNT)).containsExactly(2.0);
        assertThat(values(store, lambda("Throttles", FN), Statistic.SUM)).containsExactly(0.0);
    }

    @Test
    void givenAThrottledCall_whenRecorded_thenItCountsAsAThrottleAndNotAsAnInvocation() {
        store.record(call(Optional.empty(), false, "1", 0, false, true));

        assertThat(values(store, lambda("Throttles", FN), Statistic.SUM)).containsExactly(1.0);
        assertThat(values(store, lambda("Invocations", FN), Statistic.SUM)).isEmpty();
        assertThat(values(store, lambda("Duration", FN), Statistic.SUM)).isEmpty();
    }

    @Test
    void givenBusyMinutes_whenRecorded_thenConcurrentExecutionsIsBusyTimeOverSixtySecondsRoundedUp() {
        for (int i = 0; i < 100; i++) {
            store.record(call(Optional.empty(), false, "1", 1500, false, false)); // 150 s busy in one minute
        }

        assertThat(values(store, lambda("ConcurrentExecutions", FN), Statistic.MAXIMUM)).containsExactly(3.0);
        assertThat(values(store, lambda("ConcurrentExecutions", FN), Statistic.SAMPLE_COUNT)).containsExactly(1.0);
    }

    @Test
    void givenManyValuesInAMinute_whenAskedForPercentiles_thenNearestRankIsAnsweredAndStaysCloseBeyondTheReservoir() {
        MetricKey key = MetricKey.of("Shop", "Latency");
        for (int i = 1; i <= 10_000; i++) {
            store.put(key, MINUTE, i, 1, "Milliseconds");
        }

        double p50 = values(store, key, Statistic.percentile(50)).get(0);
        double p99 = values(store, key, Statistic.percentile(99)).get(0);

        assertThat(values(store, key, Statistic.SUM)).containsExactly(50_005_000.0);
        assertThat(p50).isBetween(4_500.0, 5_500.0);
        assertThat(p99).isBetween(9_700.0, 10_000.0);
    }

    @Test
    void givenAwsDelay_whenAMinuteHasJustEnded_thenItsDatapointAppearsOneToThreeMinutesLater() {
        MetricStore delayed = new MetricStore(clock, true);
        MetricKey key = MetricKey.of("Shop", "Orders");
        Instant minuteEnd = NOW.plusSeconds(60);
        delayed.put(key, NOW.plusSeconds(5), 1, 1, "Count");

        clock.set(minuteEnd.plusSeconds(59));
        assertThat(values(delayed, key, Statistic.SUM)).as("under a minute after the minute ended").isEmpty();
        clock.set(minuteEnd.plusSeconds(180));
        assertThat(values(delayed, key, Statistic.SUM)).as("three minutes after").containsExactly(1.0);
    }

    @Test
    void givenNoDelay_whenWritten_thenReadableAtOnce() {
        MetricKey key = MetricKey.of("Shop", "Orders");
        store.put(key, NOW, 1, 1, "Count");

        assertThat(values(store, key, Statistic.SUM)).containsExactly(1.0);
    }

    @Test
    void givenDataOlderThanTheRetention_whenTheClockMovesOn_thenItIsDroppedAndTheMetricForgotten() {
        MetricStore shortMemory = new MetricStore(clock, false, Duration.ofHours(1));
        MetricKey old = MetricKey.of("Shop", "Old");
        MetricKey fresh = MetricKey.of("Shop", "Fresh");
        shortMemory.put(old, NOW.minus(Duration.ofMinutes(50)), 1, 1, "Count");

        clock.advance(Duration.ofMinutes(30));
        shortMemory.put(fresh, clock.instant(), 1, 1, "Count");
        shortMemory.put(fresh, NOW.minus(Duration.ofHours(2)), 1, 1, "Count"); // already out of retention

        assertThat(shortMemory.metrics(k -> true)).containsExactly(fresh);
        assertThat(values(shortMemory, fresh, Statistic.SAMPLE_COUNT)).containsExactly(1.0);
    }

    @Test
    void givenManyThreadsRecordingAtOnce_whenAllAreDone_thenNoInvocationIsLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < 5_000; i++) {
                    store.record(call(Optional.of("live"), true, i % 2 == 0 ? "1" : "2", 10, false, false));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(values(store, lambda("Invocations", FN), Statistic.SUM)).containsExactly(40_000.0);
        assertThat(values(store, lambda("Invocations", FN, new Dimension("Resource", "checkout:live"),
                new Dimension("ExecutedVersion", "2")), Statistic.SUM)).containsExactly(20_000.0);
    }

    @Test
    void givenPeriodsWithData_whenAskedDescending_thenNewestComesFirst() {
        MetricKey key = MetricKey.of("Shop", "Orders");
        store.put(key, MINUTE, 1, 1, "Count");
        store.put(key, MINUTE.plusSeconds(120), 2, 1, "Count");

        List<Datapoint> points = store.query(new MetricQuery(key, MINUTE, NOW, 60, Statistic.SUM, Optional.empty(),
                false));

        assertThat(points).containsExactly(new Datapoint(MINUTE.plusSeconds(120), 2), new Datapoint(MINUTE, 1));
    }
}

package com.lambdarelease.sandbox.traffic;

import com.lambdarelease.sandbox.FunctionRuntime;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.metrics.Datapoint;
import com.lambdarelease.sandbox.metrics.Dimension;
import com.lambdarelease.sandbox.metrics.Invocation;
import com.lambdarelease.sandbox.metrics.MetricKey;
import com.lambdarelease.sandbox.metrics.MetricQuery;
import com.lambdarelease.sandbox.metrics.MetricStore;
import com.lambdarelease.sandbox.metrics.Statistic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private final SandboxClock.ManualClock clock = SandboxClock.manual(NOW);

    /** A Lambda side that only counts: which alias was called, and when. */
    private static final class CountingRuntime implements FunctionRuntime {
        final List<TrafficTarget> targets = new CopyOnWriteArrayList<>();
        final List<Call> calls = new ArrayList<>();
        Consumer<Call> onCall = c -> { };

        @Override
        public List<TrafficTarget> trafficTargets() {
            return List.copyOf(targets);
        }

        @Override
        public synchronized void invokeSimulated(String functionName, String qualifier, Instant at) {
            Call call = new Call(functionName, qualifier, at);
            calls.add(call);
            onCall.accept(call);
        }

        synchronized long count(String alias) {
            return calls.stream().filter(c -> c.alias.equals(alias)).count();
        }
    }

    private record Call(String function, String alias, Instant at) {
    }

    private TrafficSimulator simulator(CountingRuntime runtime, SandboxOptions options, long seed) {
        return new TrafficSimulator(runtime, clock, options.traffic(), new SplittableRandom(seed));
    }

    @Test
    void givenAnAliasAtSixtyPerMinute_whenAnHourIsGenerated_thenTheCountIsWithinAStatisticalBound() {
        CountingRuntime runtime = new CountingRuntime();
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 60));
        TrafficSimulator simulator = simulator(runtime, SandboxOptions.forTests(), 7);
        simulator.advanceTo(NOW);

        long made = simulator.advanceTo(NOW.plus(Duration.ofHours(1)));

        // Expected 3,600 (the wave averages out over 1.5 of its periods to within a few %); Poisson sd is 60.
        assertThat(made).isEqualTo(runtime.count("live")).isBetween(3_300L, 3_900L);
        assertThat(runtime.calls).allSatisfy(c -> assertThat(c.at).isBetween(NOW, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void givenATrafficScale_whenGenerated_thenTheRateIsMultiplied() {
        CountingRuntime runtime = new CountingRuntime();
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 60));
        TrafficSimulator simulator = simulator(runtime, SandboxOptions.builderForTests().trafficScale(3).build(), 7);
        simulator.advanceTo(NOW);

        simulator.advanceTo(NOW.plus(Duration.ofHours(1)));

        assertThat(runtime.count("live")).isBetween(10_000L, 11_600L);
    }

    @Test
    void givenABackfill_whenStarted_thenHistoryEndsAtNowAndSpansTheBackfill() {
        CountingRuntime runtime = new CountingRuntime();
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 30));
        TrafficSimulator simulator = simulator(runtime,
                SandboxOptions.builderForTests().backfill(Duration.ofHours(2)).build(), 3);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            simulator.start(scheduler);
        } finally {
            scheduler.shutdownNow();
        }

        Instant first = runtime.calls.stream().map(Call::at).min(Instant::compareTo).orElseThrow();
        Instant last = runtime.calls.stream().map(Call::at).max(Instant::compareTo).orElseThrow();
        assertThat(first).isBetween(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(115)));
        assertThat(last).isBetween(NOW.minus(Duration.ofMinutes(5)), NOW);
        assertThat(simulator.generatedUntil()).hasValue(NOW);
    }

    @Test
    void givenTheSameSeed_whenAdvancedTheSameWay_thenTheSameInvocationsHappen() {
        List<List<Call>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            CountingRuntime runtime = new CountingRuntime();
            runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 100));
            runtime.targets.add(new FunctionRuntime.TrafficTarget("billing", "prod", 20));
            TrafficSimulator simulator = simulator(runtime, SandboxOptions.forTests(), 99);
            simulator.advanceTo(NOW);
            simulator.advanceTo(NOW.plusSeconds(90));
            simulator.advanceTo(NOW.plusSeconds(600));
            runs.add(runtime.calls);
        }

        assertThat(runs.get(0)).isNotEmpty().isEqualTo(runs.get(1));
    }

    @Test
    void givenTheSameInstantTwice_whenAdvanced_thenNothingIsGeneratedTwice() {
        CountingRuntime runtime = new CountingRuntime();
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 600));
        TrafficSimulator simulator = simulator(runtime, SandboxOptions.forTests(), 1);
        simulator.advanceTo(NOW);
        simulator.advanceTo(NOW.plusSeconds(60));

        long again = simulator.advanceTo(NOW.plusSeconds(60));
        long backwards = simulator.advanceTo(NOW.plusSeconds(30));

        assertThat(again).isZero();
        assertThat(backwards).isZero();
    }

    @Test
    void givenAnAliasDeletedBetweenTicks_whenAdvanced_thenItGetsNoMoreTraffic() {
        CountingRuntime runtime = new CountingRuntime();
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 120));
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "beta", 120));
        TrafficSimulator simulator = simulator(runtime, SandboxOptions.forTests(), 5);
        simulator.advanceTo(NOW);
        simulator.advanceTo(NOW.plusSeconds(300));
        long betaBefore = runtime.count("beta");

        runtime.targets.removeIf(t -> t.alias().equals("beta"));
        simulator.advanceTo(NOW.plusSeconds(600));

        assertThat(betaBefore).isPositive();
        assertThat(runtime.count("beta")).isEqualTo(betaBefore);
        assertThat(runtime.calls.stream().filter(c -> c.at.isAfter(NOW.plusSeconds(300))).count()).isPositive();
    }

    @Test
    void givenARuntimeThatFails_whenAdvanced_thenTheSimulatorKeepsGoing() {
        CountingRuntime runtime = new CountingRuntime();
        runtime.targets.add(new FunctionRuntime.TrafficTarget("checkout", "live", 600));
        runtime.onCall = c -> {
            throw new IllegalStateException("boom");
        };
        TrafficSimulator simulator = simulator(runtime, SandboxOptions.forTests(), 5);
        simulator.advanceTo(NOW);

        simulator.advanceTo(NOW.plusSeconds(120));
        runtime.onCall = c -> { };
        simulator.advanceTo(NOW.plusSeconds(240));

        assertThat(runtime.calls.stream().filter(c -> c.at.isAfter(NOW.plusSeconds(120))).count()).isPositive();
    }

    @Test
    void givenAThreeHourBackfillOfFiveBusyAliases_whenRecordedIntoTheStore_thenItTakesAtMostAFewSeconds() {
        MetricStore store = new MetricStore(clock, false);
        CountingRuntime runtime = new CountingRuntime();
        for (int i = 0; i < 5; i++) {
            runtime.targets.add(new FunctionRuntime.TrafficTarget("fn" + i, "live", 100));
        }
        SplittableRandom routing = new SplittableRandom(1);
        runtime.onCall = c -> store.record(new Invocation(c.function, Optional.of(c.alias), true,
                routing.nextDouble() < 0.1 ? "2" : "1", c.at, 50 + routing.nextDouble(200), false, false));
        TrafficSimulator simulator = simulator(runtime,
                SandboxOptions.builderForTests().backfill(Duration.ofHours(3)).build(), 11);

        long made = simulator.backfill();

        assertThat(made).isBetween(80_000L, 100_000L);
        List<Datapoint> perMinute = store.query(new MetricQuery(MetricKey.of("AWS/Lambda", "Invocations",
                new Dimension("FunctionName", "fn0")), NOW.minus(Duration.ofHours(3)), NOW, 60, Statistic.SUM,
                Optional.empty(), true));
        assertThat(perMinute).hasSizeBetween(179, 180);
    }
}

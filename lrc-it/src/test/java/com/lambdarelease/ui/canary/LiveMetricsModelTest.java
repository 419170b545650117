package com.lambdarelease.ui.canary;

import com.lambdarelease.testing.FakeMetricsService;
import com.lambdarelease.testing.FakeLambdaService;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.VersionHealth;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.SandboxClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class LiveMetricsModelTest {
    private final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-03-02T14:00:30Z"));
    private final FakeMetricsService metrics = new FakeMetricsService(clock);
    private final FakeLambdaService lambda = new FakeLambdaService();
    private final com.lambdarelease.release.ReleaseJournal log = com.lambdarelease.release.ReleaseJournal.inMemory();
    private ScheduledThreadPoolExecutor scheduler;
    private LiveMetricsModel model;
    private AliasRoute canary;

    @BeforeEach
    void setUp() {
        scheduler = Recorders.scheduler();
        model = new LiveMetricsModel(metrics, Recorders.inline(scheduler, clock, new Recorders.Dialogs(),
                new Recorders.Notes()), clock, log);
        canary = lambda.putAlias("prod", TrafficSplit.canary("3", "4", 0.1));
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void attachingRefreshesOnceWithOneRequestForEverySeries() {
        model.show(canary);
        assertThat(metrics.queries).as("nothing is read while hidden").isEmpty();
        model.attach();
        assertThat(metrics.queries).singleElement().satisfies(q -> {
            assertThat(q.versions()).containsExactly("3", "4");
            assertThat(q.metrics()).hasSize(6);
        });
        assertThat(model.snapshotProperty().get()).isPresent();
        assertThat(model.isPolling()).isTrue();
    }

    @Test
    void aRefreshIsDueEveryIntervalOfTheClock() {
        model.show(canary);
        model.attach();
        clock.advance(Duration.ofSeconds(59));
        model.tick();
        assertThat(metrics.queries).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        model.tick();
        model.tick();
        assertThat(metrics.queries).hasSize(2);
        model.refreshIntervalProperty().set(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        model.tick();
        assertThat(metrics.queries).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        model.tick();
        assertThat(metrics.queries).hasSize(3);
    }

    @Test
    void pausedMeansNoRequestsUntilResumed() {
        model.show(canary);
        model.attach();
        model.pausedProperty().set(true);
        clock.advance(Duration.ofMinutes(10));
        model.tick();
        assertThat(metrics.queries).hasSize(1);
        model.refreshNow();
        assertThat(metrics.queries).as("the operator's Refresh works while paused").hasSize(2);
        model.pausedProperty().set(false);
        assertThat(metrics.queries).hasSize(3);
    }

    @Test
    void changingTheRangeRefreshesWithTheCoarserPeriod() {
        model.show(canary);
        model.attach();
        model.rangeProperty().set(Duration.ofHours(24));
        assertThat(metrics.queries).hasSize(2);
        assertThat(metrics.queries.get(1).window().period()).isEqualTo(Duration.ofMinutes(10));
        assertThat(metrics.queries.get(1).window().periods()).isEqualTo(144);
    }

    @Test
    void onlyOneRequestIsInFlightAtATime() {
        metrics.hold = true;
        model.show(canary);
        model.attach();
        clock.advance(Duration.ofMinutes(3));
        model.tick();
        model.refreshNow();
        assertThat(metrics.queries).hasSize(1);
        assertThat(model.loadingProperty().get()).isTrue();
        metrics.hold = false;
        metrics.release();
        assertThat(metrics.queries).as("the refresh asked for meanwhile follows").hasSize(2);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void theSnapshotHasZerosForCountsGapsForDurationAndTheErrorRate() {
        model.show(canary);
        model.attach();
        MetricsSnapshot snap = model.snapshotProperty().get().orElseThrow();
        ChartModel throttles = snap.chart(ChartKind.THROTTLES);
        assertThat(throttles.lines()).hasSize(2);
        assertThat(throttles.lines().get(0).points()).hasSize(60);
        assertThat(throttles.lines().get(0).points().subList(0, 58)).allMatch(p -> p.value() == 0);
        assertThat(throttles.lines().get(0).points().subList(58, 60)).as("not reported yet").allMatch(p -> Double.isNaN(p.value()));
        ChartModel duration = snap.chart(ChartKind.DURATION);
        assertThat(duration.lines()).extracting(ChartModel.Line::label).containsExactly("v3", "v3 p99", "v4", "v4 p99");
        assertThat(duration.lines().get(0).points()).anyMatch(p -> Double.isNaN(p.value()));
        ChartModel rate = snap.chart(ChartKind.ERROR_RATE);
        assertThat(rate.lines().get(1).points().get(0).value()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rate.lines().get(1).points().get(59).value()).as("no invocations yet: a gap").isNaN();
        assertThat(snap.shares()).extracting(VersionHealth::configured).containsExactly(0.9, 0.1);
        assertThat(snap.shares().get(1).observed()).isCloseTo(10 / 110.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(snap.ratePerMinute()).isEqualTo(110.0);
        assertThat(model.freshnessProperty().get()).isEqualTo("Data through 13:59; Lambda metrics arrive 1-3 minutes late.");
    }

    @Test
    void aRoutingChangeFromThisConsoleIsMarkedAndItsOldVersionStaysCharted() {
        model.show(canary);
        model.attach();
        log.append(new com.lambdarelease.release.JournalEntry(clock.instant(), "test", "123456789012", "us-east-1",
                "sandbox", FakeLambdaService.FN, "prod", "update", java.util.Optional.of(TrafficSplit.canary("3", "2", 0.05)),
                java.util.Optional.of(canary.split()), "r1", "r2", "applied", ""));
        assertThat(metrics.queries).hasSize(2);
        MetricsSnapshot snap = model.snapshotProperty().get().orElseThrow();
        assertThat(snap.markers()).hasSize(1);
        assertThat(snap.versions()).containsExactly("3", "4", "2");
    }

    @Test
    void aVersionKeepsItsColourWhenAPromoteChangesItsRoleAndSharesCountFromTheSplit() {
        model.show(canary); // 90% v3 · 10% v4
        model.attach();
        MetricsSnapshot before = model.snapshotProperty().get().orElseThrow();
        int v3 = before.colourOf("3");
        int v4 = before.colourOf("4");
        assertThat(v3).isNotEqualTo(v4);
        assertThat(before.sharesSince()).isEqualTo(before.window().start());

        AliasRoute promoted = lambda.putAlias("prod", TrafficSplit.allTo("4"));
        log.append(new com.lambdarelease.release.JournalEntry(clock.instant().minusSeconds(600), "test", "123456789012",
                "us-east-1", "sandbox", FakeLambdaService.FN, "prod", "promote", java.util.Optional.of(canary.split()),
                java.util.Optional.of(promoted.split()), "r1", "r2", "applied", ""));
        model.show(promoted);

        MetricsSnapshot after = model.snapshotProperty().get().orElseThrow();
        assertThat(after.versions()).as("the old primary stays charted").containsExactly("4", "3");
        assertThat(after.colourOf("4")).as("v4 keeps its colour as the new primary").isEqualTo(v4);
        assertThat(after.colourOf("3")).isEqualTo(v3);
        assertThat(after.sharesSince()).as("observed since the promote, not over the whole hour")
                .isEqualTo(clock.instant().minusSeconds(600));
    }

    @Test
    void detachStopsThePollerAndDropsAnAnswerStillOnItsWay() {
        metrics.hold = true;
        model.show(canary);
        model.attach();
        model.detach();
        metrics.release();
        assertThat(model.snapshotProperty().get()).isEmpty();
        assertThat(model.isPolling()).isFalse();
        assertThat(scheduler.getQueue()).isEmpty();
        clock.advance(Duration.ofHours(1));
        model.tick();
        assertThat(metrics.queries).hasSize(1);
    }

    @Test
    void openingFiftyAliasesOneAfterAnotherLeavesNoPollerNoListenerNoRequest() {
        for (int i = 0; i < 50; i++) {
            AliasRoute alias = lambda.putAlias("alias-" + i, TrafficSplit.canary("3", "4", 0.1));
            model.show(alias);
            model.attach();
            model.detach();
        }
        assertThat(metrics.queries).hasSize(50);
        assertThat(scheduler.getQueue()).as("scheduled timers").isEmpty();
        assertThat(model.isPolling()).isFalse();
        assertThat(log.listenerCount()).isZero();
        clock.advance(Duration.ofHours(1));
        model.tick();
        assertThat(metrics.queries).as("GetMetricData after detach").hasSize(50);
    }
}

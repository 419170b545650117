package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.rollout.RolloutJournal;
import com.lambdarelease.service.MetricsService;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Live per-version metrics of one alias. While attached and not paused, a refresh is due every
 * {@link #refreshIntervalProperty() interval} of the UI clock; each refresh is ONE GetMetricData
 * call for every series. A light timer on the background scheduler only asks "is a refresh due?",
 * so with a manual clock a test advances time and calls {@link #tick()} instead of waiting.
 * All state lives on the FX thread; answers for an alias no longer shown are dropped.
 */
public final class LiveMetricsModel {

    public static final List<Duration> RANGES = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(12), Duration.ofHours(24));
    public static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5));
    static final Duration TICK = Duration.ofSeconds(1);
    private static final Set<LambdaMetric> ALL_METRICS = EnumSet.allOf(LambdaMetric.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final MetricsService metrics;
    private final UiContext ui;
    private final Clock dataClock;
    private final ReleaseJournal log;
    /** Each version keeps its colour for the life of this model, whatever its role. */
    private final VersionColors colours = new VersionColors();

    private final ObjectProperty<Duration> range = new SimpleObjectProperty<>(this, "range", Duration.ofHours(1));
    private final ObjectProperty<Duration> refreshInterval = new SimpleObjectProperty<>(this, "refreshInterval", Duration.ofMinutes(1));
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final ReadOnlyObjectWrapper<Optional<MetricsSnapshot>> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", Optional.empty());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    private AliasRoute alias;
    private boolean attached;
    private ScheduledFuture<?> timer;
    private Instant nextDue = Instant.MIN;
    private long generation;
    private boolean refreshAgain;
    private Runnable unsubscribeLog = () -> { };

    /**
     * @param dataClock the connection's clock: metric windows and markers are in its time (the
     *                  sandbox's clock may run faster than the wall); the refresh interval runs on {@code ui.clock()}
     */
    public LiveMetricsModel(MetricsService metrics, UiContext ui, Clock dataClock, ReleaseJournal log) {
        this.metrics = metrics;
        this.ui = ui;
        this.dataClock = dataClock;
        this.log = log;
        range.addListener((obs, old, now) -> refreshNow());
        refreshInterval.addListener((obs, old, now) -> nextDue = ui.clock().instant().plus(now));
        paused.addListener((obs, was, now) -> {
            if (!now) {
                refreshNow();
            }
        });
    }

    /** No alias: the charts empty and nothing is polled until {@link #show} is called again. */
    public void clear() {
        alias = null;
        forgetAnswers();
    }

    /** Drops what the charts show and any answer still on its way. */
    private void forgetAnswers() {
        generation++;
        snapshot.set(Optional.empty());
        freshness.set("");
        problem.set("");
        loading.set(false);
        refreshAgain = false;
    }

    /** Shows {@code route}'s metrics from now on; refreshes at once when attached. */
    public void show(AliasRoute route) {
        boolean sameAlias = alias != null && alias.functionName().equals(route.functionName())
                && alias.name().equals(route.name());
        alias = route;
        if (!sameAlias) {
            forgetAnswers();
        }
        refreshNow();
    }

    /** Starts polling (the view is visible). Safe to call twice. */
    public void attach() {
        if (attached) {
            return;
        }
        attached = true;
        unsubscribeLog = log.subscribe(change -> ui.fx().execute(this::refreshNow));
        long ms = TICK.toMillis();
        timer = ui.background().scheduleWithFixedDelay(() -> ui.fx().execute(this::tick), ms, ms, TimeUnit.MILLISECONDS);
        refreshNow();
    }

    /** Stops polling and drops any answer still on its way (the view is hidden or gone). */
    public void detach() {
        if (!attached) {
            return;
        }
        attached = false;
        generation++;
        loading.set(false);
        refreshAgain = false;
        unsubscribeLog.run();
        unsubscribeLog = () -> { };
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    public boolean isPolling() {
        return timer != null && !timer.isDone();
    }

    /** Refreshes when one is due: attached, not paused, nothing in flight, interval elapsed. */
    public void tick() {
        if (attached && !paused.get() && !loading.get() && !ui.clock().instant().isBefore(nextDue)) {
            refresh();
        }
    }

    /**
     * Refreshes at once when attached (new alias, new range, operator's "Refresh"), paused or not:
     * pause only stops the automatic refresh.
     */
    public void refreshNow() {
        nextDue = Instant.MIN;
        if (loading.get()) {
            refreshAgain = true; // one request at a time: ask again once the answer in flight is in
            return;
        }
        if (attached) {
            refresh();
        }
    }

    private void refresh() {
        if (alias == null) {
            return;
        }
        AliasRoute route = alias;
        long gen = ++generation;
        Duration r = range.get();
        MetricWindow window = MetricWindow.last(r, MetricWindow.periodFor(r), dataClock.instant());
        List<String> versions = versionsFor(route, window);
        TrafficSplit configured = route.split();
        loading.set(true);
        CompletableFuture<MetricsSnapshot> answer;
        try {
            AliasMetricsQuery query = new AliasMetricsQuery(route.functionName(), route.name(), versions, ALL_METRICS, window);
            answer = metrics.aliasMetrics(query).thenApply(m -> MetricsSnapshot.of(m, configured,
                    log.routingChanges(route.functionName(), route.name(), window.start(), window.end()),
                    new RolloutJournal(log).marks(route.functionName(), route.name(), window.start(), window.end()),
                    colours));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((snap, error) -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            boolean again = refreshAgain;
            refreshAgain = false;
            nextDue = ui.clock().instant().plus(refreshInterval.get());
            if (error != null) {
                problem.set("Could not read metrics: " + ErrorText.describe(error));
            } else {
                problem.set("");
                snapshot.set(Optional.of(snap));
                freshness.set(freshnessText(snap));
            }
            if (again) {
                refreshNow();
            }
        }, ui.fx());
    }

    /** The alias's versions now, plus any version it routed to within the window through this console. */
    private List<String> versionsFor(AliasRoute route, MetricWindow window) {
        Set<String> versions = new LinkedHashSet<>();
        versions.add(route.split().primaryVersion());
        route.split().canaryVersion().ifPresent(versions::add);
        log.routingChanges(route.functionName(), route.name(), window.start(), window.end()).forEach(c -> {
            c.before().ifPresent(before -> {
                versions.add(before.primaryVersion());
                before.canaryVersion().ifPresent(versions::add);
            });
        });
        return List.copyOf(versions);
    }

    private String freshnessText(MetricsSnapshot snap) {
        ZoneId zone = ui.clock().getZone();
        String through = snap.dataThrough()
                .map(t -> "Data through " + HH_MM.format(t.plus(snap.window().period()).atZone(zone)))
                .orElse("No datapoints in this range yet");
        return through + "; Lambda metrics arrive 1-3 minutes late.";
    }

    /** The versions' colours, shared with the logs beside the charts. */
    VersionColors colours() {
        return colours;
    }

    public ObjectProperty<Duration> rangeProperty() {
        return range;
    }

    public ObjectProperty<Duration> refreshIntervalProperty() {
        return refreshInterval;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyObjectProperty<Optional<MetricsSnapshot>> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    /** Why the last refresh failed, in plain words with AWS's message; empty when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

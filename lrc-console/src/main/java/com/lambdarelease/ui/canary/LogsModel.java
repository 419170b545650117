package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.logs.ErrorCounter;
import com.lambdarelease.logs.ErrorGroup;
import com.lambdarelease.logs.ErrorGrouper;
import com.lambdarelease.logs.ErrorLines;
import com.lambdarelease.logs.ErrorSignature;
import com.lambdarelease.logs.EventBuffer;
import com.lambdarelease.logs.LogFollower;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.logs.ReadEvent;
import com.lambdarelease.logs.RunStats;
import com.lambdarelease.service.LogsService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The alias's versions' CloudWatch Logs, live: a bounded buffer of the newest events (following
 * with FilterLogEvents every {@link #POLL} while attached and not paused), the errors over the
 * chart's range grouped by signature with a count per version, and the REPORT figures per version.
 * Network work and reading the lines run off the FX thread; all state lives on it. What the event
 * list shows is one of: the live buffer, one signature's events, or one minute's errors of one version.
 */
public final class LogsModel {

    static final Duration POLL = Duration.ofSeconds(2);
    static final Duration ERRORS_REFRESH = Duration.ofSeconds(30);
    /** How far back following starts when an alias is shown. */
    static final Duration BACKLOG = Duration.ofMinutes(5);
    public static final int DEFAULT_BUFFER = 20_000;
    /** Events the live list holds: more than anyone scrolls through while following. */
    static final int LIVE_ROWS = 2_000;
    static final int MAX_ERRORS = 20_000;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final LogsService logs;
    private final UiContext ui;
    private final Clock dataClock;
    private final EventBuffer buffer;
    private final ObservableList<ReadEvent> shown = FXCollections.observableArrayList();
    private final ObservableList<ErrorGroup> groups = FXCollections.observableArrayList();
    // One read-only view each: a wrapper listens weakly, so a new one per call could lose its listeners.
    private final ObservableList<ReadEvent> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ObservableList<ErrorGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ErrorGrouper grouper = new ErrorGrouper();
    private final ArrayDeque<ReadEvent> errors = new ArrayDeque<>();
    private final Set<String> errorIds = new HashSet<>();
    private final ObjectProperty<Duration> range = new SimpleObjectProperty<>(this, "range", Duration.ofHours(1));
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
    private final ReadOnlyObjectWrapper<Map<String, RunStats>> stats = new ReadOnlyObjectWrapper<>(this, "stats", Map.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper showing = new ReadOnlyStringWrapper(this, "showing", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<String> filter = new ReadOnlyObjectWrapper<>(this, "filter", "");
    private final ReadOnlyStringWrapper errorsCounted = new ReadOnlyStringWrapper(this, "errorsCounted", "");

    private String function;
    private List<String> versions = List.of();
    private LogFollower follower;
    private boolean attached;
    private boolean polling;
    private boolean liveShown = true;
    private long generation;
    private Instant nextErrors = Instant.MIN;
    private ScheduledFuture<?> timer;
    private Instant followingSince = Instant.EPOCH;
    /**
     * What the groups count: every error of {@code [countedFrom, countedThrough)} when whole, and
     * then the live errors after it; null before the first count of a range came back.
     */
    private Instant countedFrom;
    private Instant countedThrough;
    private Instant countedEnd;
    private boolean countsWhole;

    public LogsModel(LogsService logs, UiContext ui, Clock dataClock, int bufferSize) {
        this.logs = logs;
        this.ui = ui;
        this.dataClock = dataClock;
        this.buffer = new EventBuffer(bufferSize);
        range.addListener((obs, was, now) -> reloadErrors());
        following.addListener((obs, was, now) -> updateStatus());
    }

    /** Shows {@code route}'s versions (primary first): the buffer and the groups start over. */
    public void show(AliasRoute route) {
        List<String> vs = new ArrayList<>();
        vs.add(route.split().primaryVersion());
        route.split().canaryVersion().ifPresent(vs::add);
        if (route.functionName().equals(function) && vs.equals(versions)) {
            return;
        }
        function = route.functionName();
        versions = List.copyOf(vs);
        restart();
    }

    public void clear() {
        function = null;
        versions = List.of();
        generation++;
        follower = null;
        resetLive();
        resetErrors();
        problem.set("");
    }

    /**
     * Follows only events matching {@code pattern} (CloudWatch's filter-pattern syntax) from now on.
     * A pattern longer than FilterLogEvents takes is refused here, and nothing is sent.
     */
    public void applyFilter(String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.length() > LogQuery.MAX_PATTERN) {
            problem.set("A filter pattern is at most " + LogQuery.MAX_PATTERN + " characters; this one has " + p.length()
                    + ". Nothing was sent.");
            return;
        }
        filter.set(p);
        if (function != null) {
            generation++;
            polling = false;
            resetLive();
            follower = newFollower();
            problem.set("");
            poll();
        }
    }

    public void attach() {
        if (attached) {
            return;
        }
        attached = true;
        long ms = POLL.toMillis();
        timer = ui.background().scheduleWithFixedDelay(() -> ui.fx().execute(this::tick), ms, ms, TimeUnit.MILLISECONDS);
        tick();
    }

    public void detach() {
        if (!attached) {
            return;
        }
        attached = false;
        generation++;
        polling = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** One step of the timer: poll when following, reload the error groups when due. */
    public void tick() {
        if (!attached || function == null) {
            return;
        }
        if (!ui.clock().instant().isBefore(nextErrors)) {
            reloadErrors();
        }
        if (following.get()) {
            poll();
        }
    }

    private void restart() {
        generation++;
        polling = false;
        resetLive();
        resetErrors();
        problem.set("");
        follower = newFollower();
        if (attached) {
            reloadErrors();
            poll();
        }
    }

    private LogFollower newFollower() {
        Instant now = dataClock.instant();
        followingSince = now.minus(BACKLOG);
        return new LogFollower(logs, dataClock, new LogQuery(function, versions, followingSince, now.plusSeconds(1),
                filter.get(), buffer.capacity()));
    }

    private void poll() {
        if (polling || follower == null) {
            return;
        }
        polling = true;
        long gen = generation;
        Async.start(follower::poll).thenApply(ReadEvent::all).whenCompleteAsync((batch, error) -> {
            if (gen != generation) {
                return;
            }
            polling = false;
            if (error != null) {
                problem.set("Could not read logs: " + ErrorText.describe(error));
                return;
            }
            problem.set("");
            receive(batch);
        }, ui.fx());
    }

    /**
     * Files a batch of new events, read off the FX thread (FX thread): the buffer, the live list,
     * the stats, the error groups. Each poll ends here; the benchmark feeds it directly.
     */
    public void receive(List<ReadEvent> batch) {
        if (batch.isEmpty()) {
            updateStatus();
            return;
        }
        buffer.addAll(batch);
        if (liveShown) {
            // The list shows the newest LIVE_ROWS; the buffer behind it keeps more for the counts and selections.
            List<ReadEvent> tail = batch.size() > LIVE_ROWS ? batch.subList(batch.size() - LIVE_ROWS, batch.size()) : batch;
            int over = shown.size() + tail.size() - LIVE_ROWS;
            if (over > 0) {
                shown.remove(0, over);
            }
            shown.addAll(tail);
        }
        Map<String, RunStats> next = null;
        List<ReadEvent> newErrors = new ArrayList<>();
        for (ReadEvent e : batch) {
            if (e.report().isPresent()) {
                next = next == null ? new LinkedHashMap<>(stats.get()) : next;
                next.merge(e.event().version(), RunStats.NONE.plus(e.report().get()), (a, b) -> a.plus(e.report().get()));
            }
            if (e.isError()) {
                newErrors.add(e);
            }
        }
        if (next != null) {
            stats.set(Map.copyOf(next));
        }
        // Live errors extend a whole count; after a partial one they would leave a gap, so the next count takes them.
        if (!newErrors.isEmpty() && countedFrom != null && countsWhole) {
            addErrors(newErrors);
        }
        updateStatus();
    }

    private void reloadErrors() {
        nextErrors = ui.clock().instant().plus(ERRORS_REFRESH);
        if (function == null || !attached) {
            return;
        }
        long gen = generation;
        Instant now = dataClock.instant();
        LogQuery q = new LogQuery(function, versions, now.minus(range.get()), now.plusSeconds(1), ErrorLines.FILTER_PATTERN,
                MAX_ERRORS);
        if (countedFrom == null) {
            errorsCounted.set("Errors by message · counting " + span(q.start(), q.end()) + "…");
        }
        // Every error line of the range, paged to its end (not the newest MAX_ERRORS), or as far as the limit let it.
        Async.start(() -> logs.scan(q, ErrorCounter.MAX_REQUESTS)).whenCompleteAsync((scan, error) -> {
            if (gen != generation) {
                return;
            }
            if (error != null) {
                problem.set("Could not read the errors: " + ErrorText.describe(error));
                return;
            }
            // The pattern's terms can appear in a function's own output; only the runtimes' error lines count.
            List<ReadEvent> all = ReadEvent.all(scan.events()).stream().filter(ReadEvent::isError).toList();
            resetErrors();
            countedFrom = q.start();
            countedThrough = scan.completeThrough();
            countedEnd = q.end();
            countsWhole = scan.complete();
            addErrors(all);
        }, ui.fx());
    }

    private String span(Instant from, Instant to) {
        ZoneId zone = ui.clock().getZone();
        return HH_MM.format(from.atZone(zone)) + "–" + HH_MM.format(to.atZone(zone));
    }

    /** The errors title: the range the groups count, and whether they count all of it. */
    private void updateCounted() {
        if (countedFrom == null) {
            return;
        }
        errorsCounted.set(countsWhole
                ? "Errors by message · " + span(countedFrom, dataClock.instant()) + ", all counted"
                : "Errors by message · through " + HH_MM.format(countedThrough.atZone(ui.clock().getZone())) + " of "
                + span(countedFrom, countedEnd) + " only (read limit); counting again in "
                + ERRORS_REFRESH.toSeconds() + " s");
    }

    private void addErrors(List<ReadEvent> more) {
        for (ReadEvent e : more) {
            if (errorIds.add(e.event().eventId())) {
                errors.addLast(e);
                grouper.add(e.event(), e.signature().get());
            }
        }
        Instant oldest = dataClock.instant().minus(range.get());
        while (!errors.isEmpty() && (errors.size() > MAX_ERRORS || errors.peekFirst().event().timestamp().isBefore(oldest))) {
            ReadEvent gone = errors.pollFirst();
            errorIds.remove(gone.event().eventId());
            grouper.remove(gone.event(), gone.signature().get());
            // What is counted now starts after the one dropped (the range moved on, or the bound was reached).
            Instant after = gone.event().timestamp().plusMillis(1);
            countedFrom = countedFrom == null || after.isAfter(countedFrom) ? after : countedFrom;
        }
        if (countedFrom != null && oldest.isAfter(countedFrom)) {
            countedFrom = oldest;
        }
        updateCounted();
        List<ErrorGroup> now = grouper.groups(versions);
        // The table changes only when what it shows does (a signature's counts, its mark), not its last-seen time.
        if (!shownKey(now).equals(shownKey(groups))) {
            groups.setAll(now);
        }
    }

    private static List<Object> shownKey(List<ErrorGroup> list) {
        List<Object> key = new ArrayList<>(list.size() * 3);
        for (ErrorGroup g : list) {
            key.add(g.signature());
            key.add(g.counts());
            key.add(g.onlyIn());
        }
        return key;
    }

    /** Lists the events of one signature over the range (the operator picked it in the table). */
    public void showSignature(ErrorSignature signature) {
        liveShown = false;
        List<ReadEvent> of = errors.stream().filter(e -> e.signature().get().equals(signature)).toList();
        shown.setAll(of);
        showing.set(signature.text() + " · " + of.size() + " event" + (of.size() == 1 ? "" : "s") + " in the last "
                + MetricsView.label(range.get()));
    }

    /**
     * Lists {@code version}'s error events of the chart period starting at {@code minute} (picked on
     * the errors chart; a minute up to 3 h ranges, longer periods beyond).
     */
    public CompletableFuture<Void> showMinute(String version, Instant minute, Duration period) {
        if (function == null) {
            return CompletableFuture.completedFuture(null);
        }
        long gen = generation;
        liveShown = false;
        shown.clear();
        String when = HH_MM.format(minute.atZone(ui.clock().getZone()));
        String span = period.equals(Duration.ofMinutes(1)) ? "the minute " : MetricsView.label(period) + " from ";
        showing.set("Errors of v" + version + " in " + span + when + ": loading…");
        LogQuery q = new LogQuery(function, List.of(version), minute, minute.plus(period),
                ErrorLines.FILTER_PATTERN, MAX_ERRORS);
        return Async.start(() -> logs.events(q)).thenApply(ReadEvent::all).handleAsync((events, error) -> {
            if (gen != generation || liveShown) {
                return null;
            }
            if (error != null) {
                showing.set("Errors of v" + version + " in " + span + when + ": could not read them");
                problem.set("Could not read the errors: " + ErrorText.describe(error));
            } else {
                shown.setAll(events);
                showing.set("Errors of v" + version + " in " + span + when + " · " + events.size() + " event"
                        + (events.size() == 1 ? "" : "s"));
            }
            return null;
        }, ui.fx());
    }

    /** Back to the live buffer. */
    public void showLive() {
        liveShown = true;
        List<ReadEvent> all = new ArrayList<>(buffer.size());
        buffer.forEach(all::add);
        shown.setAll(all.subList(Math.max(0, all.size() - LIVE_ROWS), all.size()));
        updateStatus();
    }

    private void resetLive() {
        buffer.clear();
        stats.set(Map.of());
        liveShown = true;
        shown.clear();
        updateStatus();
    }

    private void resetErrors() {
        countedFrom = null;
        countedThrough = null;
        countedEnd = null;
        countsWhole = false;
        errorsCounted.set("");
        errors.clear();
        errorIds.clear();
        grouper.clear();
        groups.clear();
    }

    private void updateStatus() {
        if (liveShown) {
            showing.set("Newest events" + (filter.get().isEmpty() ? "" : " matching " + filter.get())
                    + " · click a minute on the Errors chart for its errors");
        }
        status.set(String.format(java.util.Locale.ROOT, "%s · %,d of %,d buffered", following.get() ? "Following" : "Paused",
                buffer.size(), buffer.capacity()));
        // (the list shows the newest LIVE_ROWS of them)
    }

    public ObservableList<ReadEvent> shownEvents() {
        return shownView;
    }

    public ObservableList<ErrorGroup> errorGroups() {
        return groupsView;
    }

    public List<String> versions() {
        return versions;
    }

    public ObjectProperty<Duration> rangeProperty() {
        return range;
    }

    public BooleanProperty followingProperty() {
        return following;
    }

    public ReadOnlyObjectProperty<Map<String, RunStats>> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * The error groups' title: the range they count and whether every error of it is counted
     * ("… 12:00–13:00, all counted") or how far the read got ("through 12:45 of 12:00–13:00 only").
     */
    public ReadOnlyStringProperty errorsCountedProperty() {
        return errorsCounted.getReadOnlyProperty();
    }

    /** What the event list shows, in words. */
    public ReadOnlyStringProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Since when the REPORT figures count. */
    public Instant followingSince() {
        return followingSince;
    }

    ZoneId zone() {
        return ui.clock().getZone();
    }

    public boolean isPolling() {
        return timer != null && !timer.isDone();
    }

    /** True while the list shows the live buffer (not a signature's or a minute's events). */
    public boolean isLiveShown() {
        return liveShown;
    }
}

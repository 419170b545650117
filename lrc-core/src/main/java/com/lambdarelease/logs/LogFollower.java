package com.lambdarelease.logs;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.service.LogsService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Follows a function's versions live: each {@link #poll()} reads from a little before the newest
 * event seen (events of runs still going land behind it) to now, and hands over only events not
 * handed over before. One poll at a time; a poll asked for while one is out returns nothing.
 */
public final class LogFollower {

    /** How far behind the newest event a poll reads again: a run's END and REPORT come after later runs' START. */
    public static final Duration OVERLAP = Duration.ofSeconds(30);

    private final LogsService logs;
    private final Clock clock;
    private final LogQuery query;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private Instant cursor;
    private boolean polling;

    /** Follows {@code query}'s versions and pattern from {@code query.start()} on (its end is ignored). */
    public LogFollower(LogsService logs, Clock clock, LogQuery query) {
        this.logs = logs;
        this.clock = clock;
        this.query = query;
        this.cursor = query.start();
    }

    /** The events that arrived since the last poll, oldest first; fails through the future as {@link LogsService} does. */
    public CompletableFuture<List<FunctionLogEvent>> poll() {
        Instant from;
        synchronized (this) {
            if (polling) {
                return CompletableFuture.completedFuture(List.of());
            }
            polling = true;
            from = cursor;
        }
        Instant now = clock.instant().plusMillis(1);
        CompletableFuture<List<FunctionLogEvent>> read = from.isBefore(now)
                ? logs.events(query.withWindow(from, now)) : CompletableFuture.completedFuture(List.of());
        return read.handle((events, error) -> {
            synchronized (this) {
                polling = false;
                if (error != null) {
                    throw error instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(error);
                }
                return fresh(events);
            }
        });
    }

    private List<FunctionLogEvent> fresh(List<FunctionLogEvent> events) {
        List<FunctionLogEvent> out = new ArrayList<>();
        Instant newest = cursor.plus(OVERLAP);
        for (FunctionLogEvent e : events) {
            if (seen.putIfAbsent(e.eventId(), e.timestamp()) == null) {
                out.add(e);
            }
            newest = e.timestamp().isAfter(newest) ? e.timestamp() : newest;
        }
        cursor = newest.minus(OVERLAP);
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(cursor)) {
                it.remove();
            }
        }
        return out;
    }
}

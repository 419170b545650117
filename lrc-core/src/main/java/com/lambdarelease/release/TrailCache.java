package com.lambdarelease.release;

import com.lambdarelease.domain.TrailEvent;
import com.lambdarelease.service.TrailService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CloudTrail's Lambda events of one connection, read once and kept: a second look at the same
 * history costs no lookup, a later one reads only what is new (from a little before the last read:
 * CloudTrail delivers an event within about 5 minutes on average, so one may appear behind the last
 * read; https://docs.aws.amazon.com/awscloudtrail/latest/userguide/how-cloudtrail-works.html).
 * Bounded: at most {@link #MAX_EVENTS} events per event name, the newest kept.
 */
public final class TrailCache {

    /** CloudTrail's event history reaches back 90 days. */
    public static final Duration RETENTION = Duration.ofDays(90);
    /** How far behind the last read a new read starts again. */
    static final Duration LATE = Duration.ofMinutes(15);
    /** A read younger than this is answered from memory. */
    static final Duration FRESH = Duration.ofSeconds(30);
    static final int MAX_EVENTS = 5_000;
    /** Pages (of 50) per event name and read: 2 a second, so a first read of a busy account costs at most 10 s. */
    static final int MAX_PAGES = 20;

    private final TrailService trail;
    private final Clock clock;
    private final Map<String, Kept> kept = new HashMap<>();

    private static final class Kept {
        Instant from;
        Instant to;
        boolean complete = true;
        final Map<String, TrailEvent> events = new LinkedHashMap<>();
        CompletableFuture<Void> reading;
    }

    public TrailCache(TrailService trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * What a read found: the events, newest first, and whether the whole range was read.
     *
     * @param readBackTo how far back the events are complete (the range's start when complete)
     */
    public record Found(List<TrailEvent> events, boolean complete, Instant readBackTo) {
    }

    /** Events named {@code eventNames} since {@code since}, newest first; reads what it has not got yet. */
    public CompletableFuture<Found> events(List<String> eventNames, Instant since) {
        Instant now = clock.instant().plusSeconds(1); // CloudTrail's EndTime is inclusive; a call made this second counts
        Instant start = since.isBefore(now.minus(RETENTION)) ? now.minus(RETENTION) : since;
        List<CompletableFuture<Void>> reads = eventNames.stream().map(n -> read(n, start, now)).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> collect(eventNames, start));
    }

    private synchronized Found collect(List<String> eventNames, Instant start) {
        List<TrailEvent> all = new ArrayList<>();
        boolean complete = true;
        Instant back = start;
        for (String n : eventNames) {
            Kept k = kept.get(n);
            if (k == null) {
                continue;
            }
            k.events.values().stream().filter(e -> !e.at().isBefore(start)).forEach(all::add);
            if (!k.complete) {
                complete = false;
                back = k.from.isAfter(back) ? k.from : back;
            }
        }
        all.sort(Comparator.comparing(TrailEvent::at).reversed());
        return new Found(all, complete, back);
    }

    private synchronized CompletableFuture<Void> read(String eventName, Instant start, Instant now) {
        Kept k = kept.computeIfAbsent(eventName, n -> new Kept());
        if (k.reading != null && !k.reading.isDone()) {
            return k.reading;
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        if (k.from == null) {
            parts.add(fetch(k, eventName, start, now));
        } else {
            if (start.isBefore(k.from)) {
                parts.add(fetch(k, eventName, start, k.from));
            }
            if (Duration.between(k.to, now).compareTo(FRESH) > 0) {
                parts.add(fetch(k, eventName, k.to.minus(LATE), now));
            }
        }
        k.reading = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
        return k.reading;
    }

    private CompletableFuture<Void> fetch(Kept k, String eventName, Instant start, Instant end) {
        return trail.lambdaEvents(eventName, start, end, MAX_PAGES).thenAccept(r -> {
            synchronized (this) {
                r.events().forEach(e -> k.events.put(e.eventId(), e));
                k.from = k.from == null || start.isBefore(k.from) ? (r.complete() ? start : r.readBackTo()) : k.from;
                k.to = k.to == null || end.isAfter(k.to) ? end : k.to;
                k.complete = k.complete && r.complete();
                if (k.events.size() > MAX_EVENTS) {
                    List<TrailEvent> newest = k.events.values().stream()
                            .sorted(Comparator.comparing(TrailEvent::at).reversed()).limit(MAX_EVENTS).toList();
                    k.events.clear();
                    newest.forEach(e -> k.events.put(e.eventId(), e));
                    k.from = newest.get(newest.size() - 1).at();
                    k.complete = false;
                }
            }
        });
    }
}

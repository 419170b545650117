package com.lambdarelease.sandbox.cloudtrail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The management events of each account and region, newest first. Events become visible {@code delay}
 * after they happened (AWS delivers "within an average of about 5 minutes",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/how-cloudtrail-works.html) and are kept for
 * 90 days on the sandbox clock, as Event history is. Bounded: at most {@code maxEvents} per account and
 * region, the oldest dropped first (AWS keeps all; the sandbox keeps its memory bounded). In memory only.
 */
final class Trail {

    static final Duration RETENTION = Duration.ofDays(90);

    /** Where in the newest-first order an event stands. */
    record Position(Instant time, long sequence) {
        static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::time).reversed()
                .thenComparing(Comparator.comparingLong(Position::sequence).reversed());
    }

    private record Scope(String account, String region) {
    }

    private final Map<Scope, ConcurrentSkipListMap<Position, TrailEvent>> scopes = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;
    private final Duration delay;
    private final int maxEvents;

    Trail(Clock clock, Duration delay, int maxEvents) {
        this.clock = clock;
        this.delay = delay;
        this.maxEvents = maxEvents;
    }

    /** The next number to order an event by. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(String account, String region, TrailEvent event) {
        ConcurrentSkipListMap<Position, TrailEvent> events = events(account, region);
        events.put(new Position(event.eventTime(), event.sequence()), event);
        Instant oldest = clock.instant().minus(RETENTION);
        while (events.size() > maxEvents || (!events.isEmpty() && events.lastKey().time().isBefore(oldest))) {
            events.pollLastEntry();
        }
    }

    /**
     * Up to {@code max} visible events after {@code after} (exclusive; null from the newest) that
     * {@code filter} accepts, newest first.
     */
    List<TrailEvent> page(String account, String region, Position after, int max, Predicate<TrailEvent> filter) {
        Instant now = clock.instant();
        Instant newestVisible = now.minus(delay);
        Instant oldest = now.minus(RETENTION);
        ConcurrentSkipListMap<Position, TrailEvent> events = events(account, region);
        Map<Position, TrailEvent> from = after == null ? events : events.tailMap(after, false);
        List<TrailEvent> out = new ArrayList<>(Math.min(max, 64));
        for (TrailEvent e : from.values()) {
            if (e.eventTime().isBefore(oldest) || out.size() == max) {
                break;
            }
            if (!e.eventTime().isAfter(newestVisible) && filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** How many events one account and region holds now, visible or not (the memory bound's tests read it). */
    int size(String account, String region) {
        return events(account, region).size();
    }

    private ConcurrentSkipListMap<Position, TrailEvent> events(String account, String region) {
        return scopes.computeIfAbsent(new Scope(account, region), s -> new ConcurrentSkipListMap<>(Position.NEWEST_FIRST));
    }
}

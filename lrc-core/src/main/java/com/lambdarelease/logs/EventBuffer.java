package com.lambdarelease.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The newest {@code capacity} events received, oldest first: adding past the capacity hands back
 * the events that fell out, so whoever counts them (the error grouper) can uncount them. Memory
 * stays bounded however long the view follows. Not thread-safe: one owner.
 */
public final class EventBuffer implements Iterable<ReadEvent> {

    private final int capacity;
    private final ArrayDeque<ReadEvent> events;

    public EventBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    /** Adds {@code batch} (oldest first); returns what was dropped to make room, oldest first. */
    public List<ReadEvent> addAll(List<ReadEvent> batch) {
        events.addAll(batch);
        if (events.size() <= capacity) {
            return List.of();
        }
        List<ReadEvent> dropped = new ArrayList<>(events.size() - capacity);
        while (events.size() > capacity) {
            dropped.add(events.pollFirst());
        }
        return dropped;
    }

    public int size() {
        return events.size();
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        events.clear();
    }

    @Override
    public Iterator<ReadEvent> iterator() {
        return events.iterator();
    }
}

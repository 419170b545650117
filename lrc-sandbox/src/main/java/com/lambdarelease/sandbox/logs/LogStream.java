package com.lambdarelease.sandbox.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * One log stream's events in timestamp order. Appending in order (the usual case) is O(1); a late
 * event is inserted in place. The oldest events can be dropped from the front. Guarded by its
 * {@link LogStore}'s lock.
 */
final class LogStream {

    final String name;
    final long creationTime;
    private final List<LogEvent> events = new ArrayList<>();
    private int head;
    private long lastIngestionTime;

    LogStream(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    void add(LogEvent e) {
        int n = events.size();
        if (n == head || events.get(n - 1).timestamp() <= e.timestamp()) {
            events.add(e);
        } else {
            events.add(insertionPoint(e.timestamp(), e.seq()), e);
        }
        lastIngestionTime = Math.max(lastIngestionTime, e.ingestionTime());
    }

    /** Drops the oldest event; true when the stream is then empty. */
    boolean dropOldest() {
        if (head < events.size()) {
            events.set(head++, null);
        }
        if (head > 1024 && head > events.size() / 2) {
            events.subList(0, head).clear();
            head = 0;
        }
        return isEmpty();
    }

    boolean isEmpty() {
        return head >= events.size();
    }

    int size() {
        return events.size() - head;
    }

    /** The i-th event, oldest first. */
    LogEvent get(int i) {
        return events.get(head + i);
    }

    long firstEventTimestamp() {
        return isEmpty() ? 0 : get(0).timestamp();
    }

    long lastEventTimestamp() {
        return isEmpty() ? 0 : get(size() - 1).timestamp();
    }

    long lastIngestionTime() {
        return lastIngestionTime;
    }

    /** Index of the first event after position {@code (ts, seq)}. */
    int firstAfter(long ts, long seq) {
        return insertionPoint(ts, seq) - head;
    }

    /** Index of the first event at or after {@code ts}. */
    int firstAtOrAfter(long ts) {
        return insertionPoint(ts, Long.MIN_VALUE) - head;
    }

    private int insertionPoint(long ts, long seq) {
        int lo = head;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            LogEvent m = events.get(mid);
            if (m.timestamp() < ts || (m.timestamp() == ts && m.seq() <= seq)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

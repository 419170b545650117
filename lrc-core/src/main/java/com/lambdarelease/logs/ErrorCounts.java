package com.lambdarelease.logs;

import java.time.Instant;
import java.util.List;

/**
 * The errors of every version compared, each counted once, over {@code [start, completeThrough)}:
 * the whole range {@code [start, end)} when {@code complete}, else as far as the read got before a
 * limit stopped it. Never a part of the range presented as the whole.
 *
 * @param groups most frequent first, as {@link ErrorGrouper#groups} orders them
 */
public record ErrorCounts(Instant start, Instant end, Instant completeThrough, List<ErrorGroup> groups) {

    public ErrorCounts {
        groups = List.copyOf(groups);
        if (!start.isBefore(end) || completeThrough.isBefore(start) || completeThrough.isAfter(end)) {
            throw new IllegalArgumentException("completeThrough " + completeThrough + " must lie in " + start + " to " + end);
        }
    }

    /** True when every error of the range is counted. */
    public boolean complete() {
        return completeThrough.equals(end);
    }

    /** All the errors counted for {@code version}. */
    public int total(String version) {
        return groups.stream().mapToInt(g -> g.count(version)).sum();
    }
}

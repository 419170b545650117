package com.lambdarelease.domain;

import java.time.Instant;
import java.util.List;

/**
 * Every event of a {@link LogQuery}'s window that matches its pattern, or, when a limit stopped the
 * read, every one before {@code completeThrough}: nothing at or after it is held, so what is held
 * is whole for {@code [query.start(), completeThrough)}.
 *
 * @param events          oldest first
 * @param completeThrough the query's end when the read reached it; else how far every stream prefix was read
 */
public record LogScan(LogQuery query, List<FunctionLogEvent> events, Instant completeThrough) {

    public LogScan {
        events = List.copyOf(events);
        if (completeThrough.isBefore(query.start()) || completeThrough.isAfter(query.end())) {
            throw new IllegalArgumentException("completeThrough " + completeThrough + " is outside the window "
                    + query.start() + " to " + query.end());
        }
    }

    /** True when the read reached the window's end. */
    public boolean complete() {
        return completeThrough.equals(query.end());
    }
}

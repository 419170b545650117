package com.lambdarelease.service;

import com.lambdarelease.domain.TrailEvent;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** CloudTrail's record of Lambda's management calls. Fails only through the future. */
public interface TrailService {

    /**
     * What a read of the trail found, newest first.
     *
     * @param complete true when every page of the range was read; false when the page limit stopped it, and then the
     *                 events reach back only to {@code readBackTo}
     */
    record Read(List<TrailEvent> events, boolean complete, Instant readBackTo) {
        public Read {
            events = List.copyOf(events);
        }
    }

    /**
     * Lambda's events named {@code eventName} (with its API suffix, {@code UpdateAlias20150331}) in
     * [{@code start}, {@code end}), paged, at most {@code maxPages} pages of 50.
     */
    CompletableFuture<Read> lambdaEvents(String eventName, Instant start, Instant end, int maxPages);

    /** The trail of a connection that has none: every read fails, saying so. */
    TrailService NONE = (name, start, end, pages) -> CompletableFuture.failedFuture(
            new UnsupportedOperationException("This connection has no CloudTrail."));
}

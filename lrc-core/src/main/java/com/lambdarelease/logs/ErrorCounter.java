package com.lambdarelease.logs;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.service.LogsService;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Counts a range's errors per version from the error lines alone: FilterLogEvents with
 * {@link ErrorLines#FILTER_PATTERN} through each version's stream prefixes, paged to the end of the
 * range, so the counts do not depend on how many START/END/REPORT lines the traffic wrote, and
 * the account's 5 FilterLogEvents a second
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html) are not
 * spent on lines nobody counts.
 */
public final class ErrorCounter {

    /** Requests one count may make: 15 s of the 4-a-second budget, each page up to 10,000 errors. */
    public static final int MAX_REQUESTS = 60;
    /** Errors one count may hold; past it the count says how far it got. */
    public static final int MAX_ERRORS = 200_000;

    private final LogsService logs;
    private final int maxRequests;

    public ErrorCounter(LogsService logs) {
        this(logs, MAX_REQUESTS);
    }

    /** @param maxRequests FilterLogEvents requests one count may make before it stops and says how far it got */
    public ErrorCounter(LogsService logs, int maxRequests) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1, was " + maxRequests);
        }
        this.logs = logs;
        this.maxRequests = maxRequests;
    }

    /**
     * The errors of {@code versions} (primary first) of {@code functionName} over {@code [start, end)},
     * grouped by signature. Fails through the future as {@link LogsService#scan} does.
     */
    public CompletableFuture<ErrorCounts> count(String functionName, List<String> versions, Instant start, Instant end) {
        try {
            LogQuery query = new LogQuery(functionName, versions, start, end, ErrorLines.FILTER_PATTERN, MAX_ERRORS);
            return logs.scan(query, maxRequests).thenApply(scan -> {
                ErrorGrouper grouper = new ErrorGrouper();
                // The pattern's terms can appear in a function's own output too; only the runtime's error lines count.
                for (FunctionLogEvent e : scan.events()) {
                    grouper.add(e);
                }
                return new ErrorCounts(start, end, scan.completeThrough(), grouper.groups(query.versions()));
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

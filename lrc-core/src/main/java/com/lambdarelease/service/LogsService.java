package com.lambdarelease.service;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.domain.LogScan;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A function's CloudWatch Logs, read per executed version. */
public interface LogsService {

    /**
     * The events of {@code query}'s versions in its window that match its filter pattern, oldest
     * first, at most {@code query.maxEvents()} (the newest kept). Reads FilterLogEvents with each
     * version's stream prefix ({@code YYYY/MM/DD/[v]}) for every date an environment writing in
     * the window may have started on, following {@code nextToken} to the end, each request within
     * the connection's Logs request budget. Fails through the future with the typed errors of
     * {@code service.errors} (a missing log group is a NotFoundException).
     */
    CompletableFuture<List<FunctionLogEvent>> events(LogQuery query);

    /**
     * Every event of {@code query}'s versions in its window that matches its filter pattern, read
     * the same way as {@link #events} but never trimmed: when {@code maxRequests} FilterLogEvents
     * requests or {@code query.maxEvents()} events were not enough, the read stops and says how far
     * it got ({@link LogScan#completeThrough()}), holding only the events before that instant.
     */
    CompletableFuture<LogScan> scan(LogQuery query, int maxRequests);
}

package com.lambdarelease.service;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.domain.LogScan;
import com.lambdarelease.service.errors.AwsErrors;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link LogsService} over FilterLogEvents. Each version is read through its own stream prefix, so
 * the service filters by version and only the asked version's events cross the wire.
 */
public final class SdkLogsService implements LogsService {

    /**
     * How long before the window an environment may have started and still write in it. Lambda does
     * not document an environment's lifetime (observed: hours); the sandbox retires its own within 2 h.
     */
    static final Duration ENVIRONMENT_LIFETIME = Duration.ofHours(2);
    /** Pages one prefix may take: 50 × 10,000 events; past it the read stops (bounded work per refresh). */
    static final int MAX_PAGES = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final CloudWatchLogsAsyncClient client;
    private final RequestBudget budget;

    /**
     * @param budget FilterLogEvents' share of the account's Logs rate (AWS: 5 per second,
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html)
     */
    public SdkLogsService(CloudWatchLogsAsyncClient client, RequestBudget budget) {
        this.client = client;
        this.budget = budget;
    }

    /**
     * FilterLogEvents' budget: 4 requests per second, under AWS's 5 per account and region
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html),
     * so timing jitter between our clock and AWS's bucket does not cross it.
     */
    public static RequestBudget filterLogEventsBudget(java.time.Clock clock,
                                                      java.util.concurrent.ScheduledExecutorService scheduler) {
        return RequestBudget.perSecond(4, 4, clock, scheduler);
    }

    @Override
    public CompletableFuture<List<FunctionLogEvent>> events(LogQuery query) {
        try {
            ArrayDeque<String[]> reads = new ArrayDeque<>();
            for (String version : query.versions()) {
                for (String prefix : streamPrefixes(version, query.start(), query.end())) {
                    reads.add(new String[] {version, prefix});
                }
            }
            ArrayDeque<FunctionLogEvent> kept = new ArrayDeque<>();
            return next(query, reads, kept).handle((v, error) -> {
                if (error != null) {
                    throw AwsErrors.asRuntime(error);
                }
                List<FunctionLogEvent> out = new ArrayList<>(kept);
                out.sort(Comparator.comparing(FunctionLogEvent::timestamp).thenComparing(FunctionLogEvent::eventId));
                return List.copyOf(out.size() <= query.maxEvents() ? out
                        : out.subList(out.size() - query.maxEvents(), out.size()));
            });
        } catch (RuntimeException e) { // a malformed query fails its future, never the caller's thread
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<LogScan> scan(LogQuery query, int maxRequests) {
        try {
            if (maxRequests < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1, was " + maxRequests);
            }
            List<Scan> reads = new ArrayList<>();
            for (String version : query.versions()) {
                for (String prefix : streamPrefixes(version, query.start(), query.end())) {
                    reads.add(new Scan(version, prefix, dayOf(prefix, query.start())));
                }
            }
            int[] requests = {0};
            List<FunctionLogEvent> read = new ArrayList<>();
            return scanNext(query, reads, 0, requests, maxRequests, read).handle((v, error) -> {
                if (error != null) {
                    throw AwsErrors.asRuntime(error);
                }
                Instant through = reads.stream().map(r -> r.through(query)).min(Comparator.naturalOrder())
                        .orElse(query.end());
                // FilterLogEvents returns no event "later than" endTime
                // (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html),
                // so one at the end itself may come: dropping it keeps the window [start, end) everywhere.
                List<FunctionLogEvent> whole = new ArrayList<>();
                for (FunctionLogEvent e : read) {
                    if (e.timestamp().isBefore(through)) {
                        whole.add(e);
                    }
                }
                whole.sort(Comparator.comparing(FunctionLogEvent::timestamp).thenComparing(FunctionLogEvent::eventId));
                return new LogScan(query, whole, through);
            });
        } catch (RuntimeException e) { // a malformed query fails its future, never the caller's thread
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * One prefix's read and how far it got. A stream carries the UTC date its environment started
     * on (Lambda's {@code YYYY/MM/DD/[VERSION]id}), so a prefix holds no event before its date's
     * midnight; FilterLogEvents hands each page's events in time order across the streams.
     */
    private static final class Scan {
        final String version;
        final String prefix;
        final Instant from;
        boolean done;
        Instant lastSeen;

        Scan(String version, String prefix, Instant from) {
            this.version = version;
            this.prefix = prefix;
            this.from = from;
        }

        /** Every event of this prefix before the returned instant was read. */
        Instant through(LogQuery query) {
            if (done) {
                return query.end();
            }
            Instant t = lastSeen != null && lastSeen.isAfter(from) ? lastSeen : from;
            return t.isBefore(query.start()) ? query.start() : t.isAfter(query.end()) ? query.end() : t;
        }
    }

    private static Instant dayOf(String prefix, Instant fallback) {
        try {
            return LocalDate.parse(prefix.substring(0, 10), DAY).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private CompletableFuture<Void> scanNext(LogQuery query, List<Scan> reads, int index, int[] requests, int maxRequests,
                                             List<FunctionLogEvent> read) {
        if (index >= reads.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return scanPage(query, reads.get(index), null, requests, maxRequests, read).thenCompose(goOn -> goOn
                ? scanNext(query, reads, index + 1, requests, maxRequests, read)
                : CompletableFuture.completedFuture(null));
    }

    /** Reads {@code scan}'s pages to its end; completes with false when a limit stopped it. */
    private CompletableFuture<Boolean> scanPage(LogQuery query, Scan scan, String token, int[] requests, int maxRequests,
                                                List<FunctionLogEvent> read) {
        if (requests[0] >= maxRequests || read.size() >= query.maxEvents()) {
            return CompletableFuture.completedFuture(false);
        }
        requests[0]++;
        return budget.acquire().thenCompose(permit -> client.filterLogEvents(r -> r.logGroupName(query.logGroup())
                        .logStreamNamePrefix(scan.prefix).startTime(query.start().toEpochMilli())
                        .endTime(query.end().toEpochMilli())
                        .filterPattern(query.filterPattern().isEmpty() ? null : query.filterPattern())
                        .limit(Math.min(10_000, query.maxEvents())).nextToken(token)))
                .thenCompose((FilterLogEventsResponse response) -> {
                    for (FilteredLogEvent e : response.events()) {
                        Instant at = Instant.ofEpochMilli(e.timestamp());
                        read.add(new FunctionLogEvent(at, scan.version, e.logStreamName(), e.message(), e.eventId()));
                        scan.lastSeen = scan.lastSeen == null || at.isAfter(scan.lastSeen) ? at : scan.lastSeen;
                    }
                    String next = response.nextToken();
                    if (next == null || next.isEmpty()) {
                        scan.done = true;
                        return CompletableFuture.completedFuture(true);
                    }
                    return scanPage(query, scan, next, requests, maxRequests, read);
                });
    }

    /**
     * {@code YYYY/MM/DD/[version]} for each UTC date from {@link #ENVIRONMENT_LIFETIME} before
     * {@code start} to {@code end}: an environment's stream carries the date it started on.
     */
    public static List<String> streamPrefixes(String version, Instant start, Instant end) {
        LocalDate first = start.minus(ENVIRONMENT_LIFETIME).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = end.atZone(ZoneOffset.UTC).toLocalDate();
        List<String> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last) && out.size() < 32; d = d.plusDays(1)) {
            out.add(DAY.format(d) + "/[" + version + "]");
        }
        return out;
    }

    private CompletableFuture<Void> next(LogQuery query, ArrayDeque<String[]> reads, ArrayDeque<FunctionLogEvent> kept) {
        String[] read = reads.poll();
        if (read == null) {
            return CompletableFuture.completedFuture(null);
        }
        return page(query, read[0], read[1], null, 1, kept).thenCompose(v -> next(query, reads, kept));
    }

    private CompletableFuture<Void> page(LogQuery query, String version, String prefix, String token, int pageNo,
                                         ArrayDeque<FunctionLogEvent> kept) {
        return budget.acquire().thenCompose(permit -> client.filterLogEvents(r -> r.logGroupName(query.logGroup())
                        .logStreamNamePrefix(prefix).startTime(query.start().toEpochMilli())
                        .endTime(query.end().toEpochMilli())
                        .filterPattern(query.filterPattern().isEmpty() ? null : query.filterPattern())
                        .limit(Math.min(10_000, query.maxEvents())).nextToken(token)))
                .thenCompose((FilterLogEventsResponse response) -> {
                    for (FilteredLogEvent e : response.events()) {
                        kept.add(new FunctionLogEvent(Instant.ofEpochMilli(e.timestamp()), version, e.logStreamName(),
                                e.message(), e.eventId()));
                        if (kept.size() > query.maxEvents() * 2) {
                            trim(kept, query.maxEvents());
                        }
                    }
                    String next = response.nextToken();
                    return next == null || next.isEmpty() || pageNo >= MAX_PAGES ? CompletableFuture.completedFuture(null)
                            : page(query, version, prefix, next, pageNo + 1, kept);
                });
    }

    /** Keeps the newest {@code n}: pages of one prefix come oldest first, prefixes one after another. */
    private static void trim(ArrayDeque<FunctionLogEvent> kept, int n) {
        List<FunctionLogEvent> all = new ArrayList<>(kept);
        all.sort(Comparator.comparing(FunctionLogEvent::timestamp));
        kept.clear();
        kept.addAll(all.subList(all.size() - n, all.size()));
    }
}

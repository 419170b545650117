package com.lambdarelease.sandbox.logs;

import com.lambdarelease.sandbox.http.RequestScope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetLogEvents and FilterLogEvents
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/Welcome.html):
 * at most 10,000 events or 1 MB a page.
 * GetLogEvents pages with {@code f/} and {@code b/} tokens and, at the end of a stream, hands your
 * own token back; FilterLogEvents interleaves the streams in time order, is done when no
 * {@code nextToken} comes back, and scans a bounded number of events per request, so a page may be
 * empty and still carry a token.
 */
final class Events {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_BYTES = 1_048_576;
    /** Events one FilterLogEvents request looks at before it answers with what it has and a token. */
    static final int SCAN_BUDGET = 200_000;
    private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{20})(\\d{20})");

    private Events() {
    }

    static Map<String, Object> get(LogStore store, RequestScope scope, Params p) {
        String groupName = Describe.groupName(p, scope);
        String streamName = p.string("logStreamName", 1, 512, Describe.STREAM_NAME)
                .orElseThrow(() -> LogsError.constraint("logStreamName", "null", "Member must not be null"));
        long start = p.number("startTime").orElse(0L);
        long end = p.number("endTime").orElse(Long.MAX_VALUE);
        int limit = p.limit("limit", 1, MAX_EVENTS, MAX_EVENTS);
        boolean fromHead = p.bool("startFromHead", false);
        Optional<String> token = p.string("nextToken", 1, 4096);
        Optional<Matcher> position = token.map(TOKEN::matcher);
        if (position.isPresent() && !position.get().matches()) {
            throw LogsError.badToken();
        }
        return store.read(s -> {
            LogGroup g = s.group(groupName).orElseThrow(LogsError::noGroup);
            LogStream stream = Optional.ofNullable(g.streams.get(streamName)).orElseThrow(LogsError::noStream);
            boolean forward;
            long ts;
            long seq;
            if (position.isPresent()) {
                forward = position.get().group(1).equals("f");
                ts = Long.parseLong(position.get().group(2));
                seq = Long.parseLong(position.get().group(3));
            } else {
                forward = fromHead;
                ts = forward ? Math.max(0, start) : end;
                seq = 0;
            }
            List<LogEvent> page = forward ? forwardFrom(stream, ts, seq, end, limit)
                    : backwardFrom(stream, ts, seq, start, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            List<Object> events = new ArrayList<>();
            for (LogEvent e : page) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("timestamp", e.timestamp());
                m.put("message", e.message());
                m.put("ingestionTime", e.ingestionTime());
                events.add(m);
            }
            out.put("events", events);
            if (page.isEmpty()) {
                // At the end your own token comes back (API_GetLogEvents in the Logs API reference); an empty
                // page is not the end by itself.
                out.put("nextForwardToken", forward && token.isPresent() ? token.get() : token("f", ts, seq));
                out.put("nextBackwardToken", !forward && token.isPresent() ? token.get() : token("b", ts, seq));
            } else {
                LogEvent first = page.get(0);
                LogEvent last = page.get(page.size() - 1);
                out.put("nextForwardToken", token("f", last.timestamp(), last.seq()));
                out.put("nextBackwardToken", token("b", first.timestamp(), first.seq()));
            }
            return out;
        });
    }

    /** Events after position (ts, seq) and before {@code end}, oldest first. */
    private static List<LogEvent> forwardFrom(LogStream stream, long ts, long seq, long end, int limit) {
        List<LogEvent> out = new ArrayList<>();
        int bytes = 0;
        for (int i = stream.firstAfter(ts, seq); i < stream.size() && out.size() < limit; i++) {
            LogEvent e = stream.get(i);
            if (e.timestamp() >= end || bytes + e.size() > MAX_BYTES) {
                break;
            }
            bytes += e.size();
            out.add(e);
        }
        return out;
    }

    /** The newest events before position (ts, seq) and at or after {@code start}, handed back oldest first. */
    private static List<LogEvent> backwardFrom(LogStream stream, long ts, long seq, long start, int limit) {
        List<LogEvent> out = new ArrayList<>();
        int bytes = 0;
        int from = seq == 0 ? stream.firstAtOrAfter(ts) : stream.firstAfter(ts, seq - 1);
        for (int i = from - 1; i >= 0 && out.size() < limit; i--) {
            LogEvent e = stream.get(i);
            if (e.timestamp() < start || bytes + e.size() > MAX_BYTES) {
                break;
            }
            bytes += e.size();
            out.add(e);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    static Map<String, Object> filter(LogStore store, RequestScope scope, Params p) {
        String groupName = Describe.groupName(p, scope);
        Optional<List<String>> names = p.strings("logStreamNames", 1, 100);
        Optional<String> prefix = p.string("logStreamNamePrefix", 1, 512, Describe.STREAM_NAME);
        if (names.isPresent() && prefix.isPresent()) {
            throw LogsError.invalidParameter("Cannot specify both logStreamNames and logStreamNamePrefix.");
        }
        long start = p.number("startTime").orElse(0L);
        long end = p.number("endTime").orElse(Long.MAX_VALUE);
        int limit = p.limit("limit", 1, MAX_EVENTS, MAX_EVENTS);
        Predicate<String> pattern = FilterPattern.parse(p.string("filterPattern", 0, FilterPattern.MAX_LENGTH).orElse(""));
        Optional<long[]> after = p.string("nextToken", 1, 4096).map(Events::filterPosition);
        return store.read(s -> {
            LogGroup g = s.group(groupName).orElseThrow(LogsError::noGroup);
            List<LogStream> streams = new ArrayList<>();
            if (names.isPresent()) {
                names.get().stream().distinct().map(g.streams::get).filter(x -> x != null).forEach(streams::add);
            } else if (prefix.isPresent()) {
                streams.addAll(g.streams.subMap(prefix.get(), prefix.get() + Character.MAX_VALUE).values());
            } else {
                streams.addAll(g.streams.values());
            }
            PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparingLong((Cursor c) -> c.event().timestamp())
                    .thenComparingLong(c -> c.event().seq()));
            for (LogStream stream : streams) {
                int i = after.isPresent() ? stream.firstAfter(after.get()[0], after.get()[1]) : stream.firstAtOrAfter(start);
                i = Math.max(i, stream.firstAtOrAfter(start));
                if (i < stream.size()) {
                    queue.add(new Cursor(stream, i));
                }
            }
            List<Object> events = new ArrayList<>();
            int bytes = 0;
            int scanned = 0;
            LogEvent last = null;
            while (!queue.isEmpty()) {
                Cursor c = queue.peek();
                LogEvent e = c.event();
                if (e.timestamp() >= end) {
                    queue.clear();
                    break;
                }
                if (events.size() == limit || scanned == SCAN_BUDGET) {
                    break;
                }
                if (pattern.test(e.message())) {
                    if (bytes + e.size() > MAX_BYTES) {
                        break;
                    }
                    bytes += e.size();
                    events.add(filtered(c.stream.name, e));
                }
                scanned++;
                last = e;
                queue.poll();
                if (c.index + 1 < c.stream.size()) {
                    queue.add(new Cursor(c.stream, c.index + 1));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("events", events);
            out.put("searchedLogStreams", List.of());
            if (!queue.isEmpty() && last != null) {
                out.put("nextToken", Describe.encode(last.timestamp() + "/" + last.seq()));
            }
            return out;
        });
    }

    private static Map<String, Object> filtered(String stream, LogEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logStreamName", stream);
        m.put("timestamp", e.timestamp());
        m.put("message", e.message());
        m.put("ingestionTime", e.ingestionTime());
        m.put("eventId", String.format("%020d%020d", e.timestamp(), e.seq()));
        return m;
    }

    private static long[] filterPosition(String token) {
        String[] parts = Describe.decode(token).split("/");
        try {
            if (parts.length != 2) {
                throw LogsError.badToken();
            }
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (NumberFormatException e) {
            throw LogsError.badToken();
        }
    }

    private static String token(String direction, long ts, long seq) {
        return String.format("%s/%020d%020d", direction, ts, seq);
    }

    private record Cursor(LogStream stream, int index) {
        LogEvent event() {
            return stream.get(index);
        }
    }
}

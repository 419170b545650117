package com.lambdarelease.sandbox.logs;

import com.lambdarelease.sandbox.http.RequestScope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DescribeLogGroups and DescribeLogStreams: at most 50 a page
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/Welcome.html), in name order or,
 * for streams, by last event time; a page's {@code nextToken} names the last item handed out.
 */
final class Describe {

    static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final Pattern GROUP_PATTERN = Pattern.compile("[\\.\\-_/#A-Za-z0-9]*");
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[\\w#+=/:,.@-]*");

    private Describe() {
    }

    static Map<String, Object> logGroups(LogStore store, RequestScope scope, Params p) {
        Optional<String> prefix = p.string("logGroupNamePrefix", 1, 512, GROUP_NAME);
        Optional<String> pattern = p.string("logGroupNamePattern", 0, 512, GROUP_PATTERN);
        if (prefix.isPresent() && pattern.isPresent()) {
            throw LogsError.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        int limit = p.limit("limit", 1, 50, 50);
        Optional<String> after = p.string("nextToken", 1, 4096).map(Describe::decode);
        return store.read(s -> {
            List<Object> page = new ArrayList<>();
            String last = null;
            boolean more = false;
            var from = after.isPresent() ? s.groups().tailMap(after.get(), false) : s.groups();
            for (LogGroup g : from.values()) {
                if (prefix.isPresent() && !g.name.startsWith(prefix.get())) {
                    if (g.name.compareTo(prefix.get()) > 0) {
                        break;
                    }
                    continue;
                }
                if (pattern.isPresent() && !g.name.toLowerCase().contains(pattern.get().toLowerCase())) {
                    continue;
                }
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(group(g, scope));
                last = g.name;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("logGroups", page);
            if (more) {
                out.put("nextToken", encode(last));
            }
            return out;
        });
    }

    static Map<String, Object> logStreams(LogStore store, RequestScope scope, Params p) {
        String groupName = groupName(p, scope);
        Optional<String> prefix = p.string("logStreamNamePrefix", 1, 512, STREAM_NAME);
        String orderBy = p.string("orderBy", 1, 64).orElse("LogStreamName");
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw LogsError.constraint("orderBy", orderBy, "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (orderBy.equals("LastEventTime") && prefix.isPresent()) {
            throw LogsError.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        boolean descending = p.bool("descending", false);
        int limit = p.limit("limit", 1, 50, 50);
        Optional<String> token = p.string("nextToken", 1, 4096).map(Describe::decode);
        return store.read(s -> {
            LogGroup g = s.group(groupName).orElseThrow(LogsError::noGroup);
            List<LogStream> all = new ArrayList<>(prefix.isPresent()
                    ? g.streams.subMap(prefix.get(), prefix.get() + Character.MAX_VALUE).values() : g.streams.values());
            Comparator<LogStream> order = orderBy.equals("LastEventTime")
                    ? Comparator.<LogStream>comparingLong(LogStream::lastEventTimestamp).thenComparing(x -> x.name)
                    : Comparator.comparing(x -> x.name);
            all.sort(descending ? order.reversed() : order);
            int start = 0;
            if (token.isPresent()) {
                start = Math.min(all.size(), parseIndex(token.get()));
            }
            List<Object> page = new ArrayList<>();
            for (int i = start; i < all.size() && page.size() < limit; i++) {
                page.add(stream(all.get(i), scope, groupName));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("logStreams", page);
            if (start + page.size() < all.size()) {
                out.put("nextToken", encode(Integer.toString(start + page.size())));
            }
            return out;
        });
    }

    /**
     * The group a request names by {@code logGroupName} or {@code logGroupIdentifier} (a name or an
     * ARN without the trailing {@code :*}, as API_DescribeLogGroups.html says), never both.
     */
    static String groupName(Params p, RequestScope scope) {
        Optional<String> name = p.string("logGroupName", 1, 512, GROUP_NAME);
        Optional<String> identifier = p.string("logGroupIdentifier", 1, 2048, IDENTIFIER);
        if (name.isPresent() && identifier.isPresent()) {
            throw LogsError.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name.isPresent()) {
            return name.get();
        }
        String id = identifier.orElseThrow(() -> LogsError.invalidParameter(
                "Should provide either name or ARN of the log group (logGroupName or logGroupIdentifier)."));
        if (!id.startsWith("arn:")) {
            return id;
        }
        String arnPrefix = "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:";
        if (!id.startsWith(arnPrefix) || id.endsWith(":*")) {
            throw LogsError.invalidParameter("Invalid logGroupIdentifier: " + id
                    + " (an ARN without the trailing :*, in this account and region)");
        }
        return id.substring(arnPrefix.length());
    }

    private static Map<String, Object> group(LogGroup g, RequestScope scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        String arn = "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:" + g.name;
        m.put("logGroupName", g.name);
        m.put("creationTime", g.creationTime);
        m.put("metricFilterCount", 0);
        m.put("arn", arn + ":*");
        m.put("storedBytes", Math.max(0, g.storedBytes));
        m.put("logGroupClass", "STANDARD");
        m.put("logGroupArn", arn);
        return m;
    }

    private static Map<String, Object> stream(LogStream s, RequestScope scope, String group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logStreamName", s.name);
        m.put("creationTime", s.creationTime);
        if (!s.isEmpty()) {
            m.put("firstEventTimestamp", s.firstEventTimestamp());
            m.put("lastEventTimestamp", s.lastEventTimestamp());
            m.put("lastIngestionTime", s.lastIngestionTime());
        }
        m.put("arn", "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:" + group
                + ":log-stream:" + s.name);
        m.put("storedBytes", 0);
        return m;
    }

    private static int parseIndex(String s) {
        try {
            int i = Integer.parseInt(s);
            if (i < 0) {
                throw LogsError.badToken();
            }
            return i;
        } catch (NumberFormatException e) {
            throw LogsError.badToken();
        }
    }

    static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + s).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!s.startsWith("v1:")) {
                throw LogsError.badToken();
            }
            return s.substring(3);
        } catch (IllegalArgumentException e) {
            throw LogsError.badToken();
        }
    }

}

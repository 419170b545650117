package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.logs.ErrorCounter;
import com.lambdarelease.logs.ErrorCounts;
import com.lambdarelease.logs.ErrorGroup;
import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.logs.LogFollower;
import com.lambdarelease.domain.LogQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code logs FUNCTION ALIAS}: the CloudWatch Logs of the versions the alias routes to, each event
 * marked with the version that wrote it (read from the stream name); {@code --errors} groups the
 * errors by signature with a count per version and marks what only one version says, counting every
 * error line of the span (not the newest {@code --limit} events) and saying whether the count is whole.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the alias's versions' log events (or, with --errors, their errors grouped by message).")
final class LogsCommand extends CliCommand {

    private static final Pattern SPAN = Pattern.compile("(\\d{1,5})([smhd])");
    static final Duration MAX_SINCE = Duration.ofDays(7);

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias whose versions' logs to read.")
    String alias;

    @Option(names = "--version", paramLabel = "V", description = "Only this version (one the alias routes to).")
    String version;

    @Option(names = "--since", paramLabel = "SPAN", defaultValue = "15m",
            description = "How far back to read: 30s, 15m, 3h, 1d (at most 7d; default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--filter", paramLabel = "PATTERN", description = "A CloudWatch Logs filter pattern, e.g. ERROR, \"?ERROR ?WARN\", '{ $.level = \"ERROR\" }'.")
    String filter;

    @Option(names = "--follow", description = "Keep printing new events until interrupted.")
    boolean follow;

    @Option(names = "--errors", description = "Print every error of the span grouped by signature, counted per version "
            + "(--limit does not apply), with the range counted and whether the count is complete.")
    boolean errors;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Print at most the newest N events (1-10000; default: ${DEFAULT-VALUE}).")
    int limit;

    /** For tests: stop following after this many polls. */
    @Option(names = "--max-polls", hidden = true, defaultValue = "-1")
    int maxPolls;

    @Option(names = "--poll-ms", hidden = true, defaultValue = "2000")
    long pollMs;

    /** For tests: the FilterLogEvents requests --errors may make before it says how far it got. */
    @Option(names = "--max-requests", hidden = true, defaultValue = "" + ErrorCounter.MAX_REQUESTS)
    int maxRequests;

    LogsCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    void validate() {
        AwsNames.requireFunctionName(function);
        span(since);
        if (filter != null && filter.length() > LogQuery.MAX_PATTERN) {
            throw CliFailure.refused("--filter is at most " + LogQuery.MAX_PATTERN + " characters; this one has "
                    + filter.length() + ".");
        }
        if (limit < 1 || limit > 10_000) {
            throw CliFailure.refused("--limit must be 1-10000, was " + limit + ".");
        }
        if (follow && errors) {
            throw CliFailure.refused("--errors prints one table of the span; it does not --follow.");
        }
        if (maxRequests < 1) {
            throw CliFailure.refused("--max-requests must be at least 1, was " + maxRequests + ".");
        }
        if (filter != null && errors) {
            throw CliFailure.refused("--errors reads the runtimes' error lines with its own pattern; it takes no --filter.");
        }
    }

    /** The simulated traffic keeps the embedded sandbox's logs moving while the command follows them. */
    @Override
    boolean sandboxTraffic() {
        return true;
    }

    /** {@code 15m} as a duration; anything else (or more than 7 days) is refused. */
    static Duration span(String text) {
        return span(text, MAX_SINCE);
    }

    /** {@code 15m} as a duration; anything else, or more than {@code max} (a whole number of days), is refused. */
    static Duration span(String text, Duration max) {
        Matcher m = SPAN.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw CliFailure.refused("--since must be a number and a unit (s, m, h or d), such as 15m; was '" + text + "'.");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(max) > 0) {
            throw CliFailure.refused("--since must be more than 0 and at most " + max.toDays() + "d; was '" + text + "'.");
        }
        return d;
    }

    @Override
    int run(CliSession session) {
        AliasRoute route = CliSession.await(session.lambda().getAlias(function, alias));
        List<String> versions = new ArrayList<>();
        versions.add(route.split().primaryVersion());
        route.split().canaryVersion().ifPresent(versions::add);
        if (version != null) {
            if (!versions.contains(version)) {
                throw CliFailure.refused(function + ":" + alias + " routes to " + String.join(" and ", versions)
                        + ", not to version " + version + ".");
            }
            versions = List.of(version);
        }
        Clock clock = session.session().services().clock();
        Instant now = clock.instant();
        if (errors) {
            // Whole seconds, so the range printed is the range counted.
            Instant end = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            ErrorCounts counts = CliSession.await(new ErrorCounter(session.session().services().logs(), maxRequests)
                    .count(function, versions, end.minus(span(since)), end));
            printCounts(counts, versions, maxRequests);
            return ExitCodes.DONE;
        }
        LogQuery query = new LogQuery(function, versions, now.minus(span(since)), now.plusMillis(1),
                filter == null ? "" : filter, limit);
        LogFollower follower = new LogFollower(session.session().services().logs(), clock, query);
        print(CliSession.await(follower.poll()));
        for (int polls = 0; follow && (maxPolls < 0 || polls < maxPolls); polls++) {
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            print(CliSession.await(follower.poll()));
        }
        return ExitCodes.DONE;
    }

    private void print(List<FunctionLogEvent> events) {
        if (options.json()) {
            ArrayNode array = Output.array();
            for (FunctionLogEvent e : events) {
                array.addObject().put("timestamp", e.timestamp().toString()).put("version", e.version())
                        .put("logStream", e.logStream()).put("message", e.message());
            }
            Output.json(out(), array);
            return;
        }
        for (FunctionLogEvent e : events) {
            out().println(e.timestamp().truncatedTo(ChronoUnit.MILLIS) + "  v" + e.version() + "  "
                    + e.message().stripTrailing().replace("\n", "\n" + " ".repeat(28)).replace("\t", "  "));
        }
        out().flush();
    }

    private void printCounts(ErrorCounts counts, List<String> versions, int requestLimit) {
        List<ErrorGroup> groups = counts.groups();
        if (options.json()) {
            ObjectNode root = Output.object().put("start", counts.start().toString()).put("end", counts.end().toString())
                    .put("completeThrough", counts.completeThrough().toString()).put("complete", counts.complete());
            ArrayNode array = root.putArray("groups");
            for (ErrorGroup g : groups) {
                ObjectNode n = array.addObject().put("type", g.signature().type()).put("message", g.signature().message())
                        .put("total", g.total()).put("lastSeen", g.lastSeen().toString());
                ObjectNode byVersion = n.putObject("counts");
                g.counts().forEach(byVersion::put);
                g.onlyIn().ifPresent(v -> n.put("onlyIn", v));
            }
            Output.json(out(), root);
            return;
        }
        report().println(rangeLine(counts, requestLimit));
        if (groups.isEmpty()) {
            report().println("No errors from " + versions.stream().map(v -> "v" + v).reduce((a, b) -> a + " or " + b)
                    .orElse("") + (counts.complete() ? " in the last " + since + "." : " in the part counted."));
            report().flush();
            return;
        }
        List<String> headers = new ArrayList<>();
        versions.forEach(v -> headers.add("v" + v));
        headers.add("NOTE");
        headers.add("ERROR");
        List<List<String>> rows = new ArrayList<>();
        for (ErrorGroup g : groups) {
            List<String> row = new ArrayList<>();
            versions.forEach(v -> row.add(Integer.toString(g.count(v))));
            row.add(g.onlyIn().map(v -> "only in v" + v).orElse(""));
            row.add(g.signature().text());
            rows.add(row);
        }
        Output.table(out(), headers, rows);
    }

    /** What was counted: the whole range, or how far the read got before its request limit stopped it. */
    static String rangeLine(ErrorCounts counts, int requestLimit) {
        String range = counts.start() + " to " + counts.end();
        return counts.complete() ? "Errors from " + range + " (UTC), complete."
                : "Errors through " + counts.completeThrough() + " of " + range + " (UTC) only: the read stopped at its "
                + "limit (" + requestLimit + (requestLimit == 1 ? " request, " : " requests, ")
                + String.format(java.util.Locale.ROOT, "%,d", ErrorCounter.MAX_ERRORS) + " errors); a shorter "
                + "--since counts all.";
    }
}

package com.lambdarelease.service;

import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.domain.LogQuery;
import com.lambdarelease.domain.LogScan;
import com.lambdarelease.logs.ErrorCounter;
import com.lambdarelease.logs.ErrorCounts;
import com.lambdarelease.logs.ErrorLines;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Errors per version over an hour of prod at 600 calls a minute (the sandbox's default traffic,
 * then 90/10 between v3 and v4 for the last 20 minutes), counted two ways against the sandbox over
 * HTTP: the error lines alone ({@link ErrorCounter}, one filter pattern per version stream prefix)
 * and every event of the versions' streams read and grouped on the client. Prints requests,
 * events and bytes read (the events' messages, UTF-8: a floor for the wire bytes) and wall time to
 * the complete counts, median of 5 interleaved runs each, and checks both give the same counts.
 * Not a test: it prints figures, never fails.
 *
 * <p>Run: {@code ./mvnw -q -B install -DskipTests} once, then {@code ./mvnw -q -B -pl lrc-it test-compile
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.lambdarelease.service.ErrorCountsBenchmark}
 */
public final class ErrorCountsBenchmark {

    private static final String FN = "MyLambdaFunction";
    private static final List<String> VERSIONS = List.of("3", "4");

    private record Read(long requests, long events, long bytes, long nanos, Map<String, Long> errors) {
    }

    public static void main(String[] args) throws Exception {
        try (SandboxServices env = ErrorCountsTest.anHourOfTrafficThenACanaryFor20Minutes()) {
            LogsService logs = new SdkLogsService(env.clients.logs(), RequestBudget.unlimited());
            Instant end = env.clock.instant();
            Instant start = end.minus(Duration.ofHours(1));
            List<Read> counted = new ArrayList<>();
            List<Read> everything = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                counted.add(errorLines(env, logs, start, end));
                everything.add(everyEvent(env, logs, start, end));
            }
            Read a = median(counted);
            Read b = median(everything);
            System.out.printf(Locale.ROOT, "ErrorCountsBenchmark: %s errors of v3 and v4 over %s..%s (an hour; prod 600/min)%n",
                    FN, start, end);
            System.out.printf(Locale.ROOT, "%-22s %9s %10s %12s %9s  %s%n", "read", "requests", "events", "bytes", "ms", "errors per version");
            print("error lines only", a);
            print("every event", b);
            System.out.printf(Locale.ROOT, "ratios (every event / error lines): requests %.1fx, events %.0fx, bytes %.0fx, time %.1fx%n",
                    (double) b.requests() / a.requests(), (double) b.events() / a.events(), (double) b.bytes() / a.bytes(),
                    (double) b.nanos() / a.nanos());
            System.out.println("same counts: " + a.errors().equals(b.errors()) + "; at AWS's 5 FilterLogEvents a second, "
                    + "the request floors are " + String.format(Locale.ROOT, "%.1f s and %.1f s", a.requests() / 5.0,
                    b.requests() / 5.0));
        }
    }

    private static Read errorLines(SandboxServices env, LogsService logs, Instant start, Instant end) throws Exception {
        long r0 = env.clients.activity().requests("FilterLogEvents");
        long t0 = System.nanoTime();
        ErrorCounts counts = new ErrorCounter(logs).count(FN, VERSIONS, start, end).get(120, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - t0;
        long requests = env.clients.activity().requests("FilterLogEvents") - r0;
        if (!counts.complete()) {
            throw new IllegalStateException("the error count stopped at " + counts.completeThrough());
        }
        // The events this read brought back: the error lines themselves, read again for their size.
        LogScan lines = logs.scan(new LogQuery(FN, VERSIONS, start, end, ErrorLines.FILTER_PATTERN, 1_000_000), 1000)
                .get(120, TimeUnit.SECONDS);
        return new Read(requests, lines.events().size(), bytes(lines.events()), nanos,
                Map.of("3", (long) counts.total("3"), "4", (long) counts.total("4")));
    }

    private static Read everyEvent(SandboxServices env, LogsService logs, Instant start, Instant end) throws Exception {
        long r0 = env.clients.activity().requests("FilterLogEvents");
        long t0 = System.nanoTime();
        LogScan all = logs.scan(new LogQuery(FN, VERSIONS, start, end, "", 1_000_000), 1000).get(300, TimeUnit.SECONDS);
        Map<String, Long> errors = new java.util.HashMap<>(Map.of("3", 0L, "4", 0L));
        for (FunctionLogEvent e : all.events()) {
            if (ErrorLines.error(e.message()).isPresent()) {
                errors.merge(e.version(), 1L, Long::sum);
            }
        }
        long nanos = System.nanoTime() - t0;
        return new Read(env.clients.activity().requests("FilterLogEvents") - r0, all.events().size(), bytes(all.events()),
                nanos, errors);
    }

    private static long bytes(List<FunctionLogEvent> events) {
        return events.stream().mapToLong(e -> e.message().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static Read median(List<Read> runs) {
        List<Read> sorted = new ArrayList<>(runs);
        sorted.sort((x, y) -> Long.compare(x.nanos(), y.nanos()));
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String name, Read r) {
        System.out.printf(Locale.ROOT, "%-22s %9d %10d %12d %9.0f  %s%n", name, r.requests(), r.events(), r.bytes(),
                r.nanos() / 1e6, new java.util.TreeMap<>(r.errors()));
    }

    private ErrorCountsBenchmark() {
    }
}

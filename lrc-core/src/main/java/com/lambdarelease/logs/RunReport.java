package com.lambdarelease.logs;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code REPORT} line read back
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html):
 * {@code REPORT RequestId: <id>\tDuration: 26.73 ms\t
 * Billed Duration: 27 ms\tMemory Size: 128 MB\tMax Memory Used: 75 MB\t}, plus {@code Init Duration}
 * on a cold start.
 */
public record RunReport(double durationMs, long billedMs, int memorySizeMb, int maxMemoryUsedMb, OptionalDouble initMs) {

    private static final Pattern REPORT = Pattern.compile("REPORT RequestId: \\S+\\tDuration: ([\\d.]+) ms\\t"
            + "Billed Duration: (\\d+) ms\\tMemory Size: (\\d+) MB\\tMax Memory Used: (\\d+) MB\\t?"
            + "(?:Init Duration: ([\\d.]+) ms)?.*", Pattern.DOTALL);

    public boolean coldStart() {
        return initMs.isPresent();
    }

    public static Optional<RunReport> parse(String message) {
        if (!message.startsWith("REPORT ")) {
            return Optional.empty();
        }
        Matcher m = REPORT.matcher(message);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunReport(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    m.group(5) == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(m.group(5)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

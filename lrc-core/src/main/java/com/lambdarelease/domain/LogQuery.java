package com.lambdarelease.domain;


import java.time.Instant;
import java.util.List;

/**
 * Which events to read: one function's versions over {@code [start, end)}, with a CloudWatch
 * filter pattern (empty for all), at most {@code maxEvents} of them (the newest kept).
 */
public record LogQuery(String functionName, List<String> versions, Instant start, Instant end, String filterPattern,
                       int maxEvents) {

    /** FilterLogEvents takes patterns up to 1,024 characters (the service model's FilterPattern). */
    public static final int MAX_PATTERN = 1024;

    public LogQuery {
        versions = List.copyOf(versions);
        filterPattern = filterPattern == null ? "" : filterPattern;
        if (versions.isEmpty()) {
            throw new InvalidInputException("Name at least one version to read logs of.");
        }
        if (!start.isBefore(end)) {
            throw new InvalidInputException("The start time must be before the end time.");
        }
        if (filterPattern.length() > MAX_PATTERN) {
            throw new InvalidInputException("A filter pattern is at most " + MAX_PATTERN + " characters; this one has "
                    + filterPattern.length() + ".");
        }
        if (maxEvents < 1) {
            throw new InvalidInputException("maxEvents must be at least 1, was " + maxEvents);
        }
    }

    /** Lambda's log group for the function: {@code /aws/lambda/<function>}. */
    public String logGroup() {
        return "/aws/lambda/" + functionName;
    }

    public LogQuery withWindow(Instant newStart, Instant newEnd) {
        return new LogQuery(functionName, versions, newStart, newEnd, filterPattern, maxEvents);
    }
}

package com.lambdarelease.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of a function's log group, with the version that wrote it: Lambda names each
 * environment's stream {@code YYYY/MM/DD/[<executed version>]<32 hex>}
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html), so the
 * version is read from the stream's name.
 *
 * @param eventId CloudWatch Logs' id of the event, unique within the group
 */
public record FunctionLogEvent(Instant timestamp, String version, String logStream, String message, String eventId) {

    private static final Pattern STREAM = Pattern.compile("\\d{4}/\\d{2}/\\d{2}/\\[([^\\]]+)\\].*");

    /** The executed version in a Lambda log stream's name, if it has Lambda's form. */
    public static Optional<String> versionOf(String logStream) {
        Matcher m = STREAM.matcher(logStream);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

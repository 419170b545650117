package com.lambdarelease.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A time range and period for metric queries. The period is a multiple of 60 s, as CloudWatch
 * requires; the range is aligned to whole periods so successive refreshes line up.
 */
public record MetricWindow(Instant start, Instant end, Duration period) {

    public MetricWindow {
        long seconds = period.getSeconds();
        if (seconds < 60 || seconds % 60 != 0 || period.getNano() != 0) {
            throw new InvalidInputException("The period must be a multiple of 60 seconds, was " + period);
        }
        if (!start.isBefore(end)) {
            throw new InvalidInputException("The start time must be before the end time.");
        }
    }

    /** The last {@code range} before {@code now}, ending at the next whole period, with the given period. */
    public static MetricWindow last(Duration range, Duration period, Instant now) {
        long p = period.getSeconds();
        long endEpoch = (now.getEpochSecond() / p + 1) * p;
        Instant end = Instant.ofEpochSecond(endEpoch);
        return new MetricWindow(end.minus(range), end, period);
    }

    /** A sensible period for a range: 1 minute up to 3 hours, then coarser to stay readable. */
    public static Duration periodFor(Duration range) {
        long hours = range.toHours();
        if (hours <= 3) {
            return Duration.ofMinutes(1);
        }
        if (hours <= 12) {
            return Duration.ofMinutes(5);
        }
        return Duration.ofMinutes(10);
    }

    public long periods() {
        return Duration.between(start, end).getSeconds() / period.getSeconds();
    }

    public Instant truncate(Instant t) {
        long p = period.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), p) * p).truncatedTo(ChronoUnit.SECONDS);
    }
}

package com.lambdarelease.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps as Lambda writes them. */
final class AwsTime {

    /** {@code yyyy-MM-ddTHH:mm:ss.SSS+hhmm}, how Lambda writes a LastModified. */
    private static final int LENGTH = 28;

    private AwsTime() {
    }

    /**
     * Lambda's {@code LastModified}, the epoch when it cannot be read. Lambda's own layout
     * ({@code 2019-08-14T22:26:11.234+0000}) is read field by field: through {@code DateTimeFormatter}
     * it was the largest single cost of a listing page on the client (JFR, 200-page listings), and a
     * listing reads one per function. Any other ISO-8601 shape goes through {@code OffsetDateTime}.
     */
    static Instant parse(String awsTime) {
        if (awsTime == null || awsTime.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            if (awsTime.length() == LENGTH && awsTime.charAt(4) == '-' && awsTime.charAt(7) == '-'
                    && awsTime.charAt(10) == 'T' && awsTime.charAt(13) == ':' && awsTime.charAt(16) == ':'
                    && awsTime.charAt(19) == '.' && (awsTime.charAt(23) == '+' || awsTime.charAt(23) == '-')) {
                LocalDateTime local = LocalDateTime.of(digits(awsTime, 0, 4), digits(awsTime, 5, 2), digits(awsTime, 8, 2),
                        digits(awsTime, 11, 2), digits(awsTime, 14, 2), digits(awsTime, 17, 2),
                        digits(awsTime, 20, 3) * 1_000_000);
                int sign = awsTime.charAt(23) == '-' ? -1 : 1;
                return local.toInstant(ZoneOffset.ofHoursMinutes(sign * digits(awsTime, 24, 2), sign * digits(awsTime, 26, 2)));
            }
            return OffsetDateTime.parse(awsTime).toInstant();
        } catch (DateTimeException e) { // DateTimeParseException included
            return Instant.EPOCH;
        }
    }

    /** The {@code length} decimal digits at {@code from}; a DateTimeException if any is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit at " + i + " of " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads input members from a decoded request document, whichever protocol it came in. A member
 * of the wrong type is an AWS-shaped 400, never an exception the front door would turn into 500.
 * {@code path} names the member as AWS error messages do, e.g. {@code MetricDataQueries.member.1.Id}.
 */
final class Fields {

    /** Instant's own range is about 3.2e16 s; a timestamp beyond year 9999 (2.5e11 s) is nonsense here. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    /** How much of an offending value an error message echoes. */
    static final int ECHO_LIMIT = 256;

    private Fields() {
    }

    static Optional<JsonNode> member(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    static Optional<String> text(JsonNode parent, String name, String path) {
        return member(parent, name).map(n -> {
            if (!n.isTextual()) {
                throw wrongType(path, "a string");
            }
            return n.textValue();
        });
    }

    static String requiredText(JsonNode parent, String name, String path) {
        return text(parent, name, path).orElseThrow(() -> CloudWatchError.missingParameter(path));
    }

    static Optional<Double> number(JsonNode parent, String name, String path) {
        return member(parent, name).map(n -> {
            if (!n.isNumber()) {
                throw wrongType(path, "a number");
            }
            return n.doubleValue();
        });
    }

    static Optional<Long> integer(JsonNode parent, String name, String path) {
        return member(parent, name).map(n -> {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw wrongType(path, "an integer");
            }
            return n.longValue();
        });
    }

    static Optional<Boolean> bool(JsonNode parent, String name, String path) {
        return member(parent, name).map(n -> {
            if (!n.isBoolean()) {
                throw wrongType(path, "a boolean");
            }
            return n.booleanValue();
        });
    }

    static Optional<JsonNode> object(JsonNode parent, String name, String path) {
        return member(parent, name).map(n -> {
            if (!n.isObject()) {
                throw wrongType(path, "a structure");
            }
            return n;
        });
    }

    static List<JsonNode> list(JsonNode parent, String name, String path) {
        Optional<JsonNode> n = member(parent, name);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!n.get().isArray()) {
            throw wrongType(path, "a list");
        }
        List<JsonNode> out = new ArrayList<>();
        n.get().forEach(out::add);
        return out;
    }

    /** A timestamp: epoch seconds (CBOR tag 1 or a JSON number), or an ISO-8601 string. */
    static Optional<Instant> timestamp(JsonNode parent, String name, String path) {
        return member(parent, name).map(n -> {
            if (n.isNumber()) {
                return epochSeconds(n, path);
            }
            if (n.isTextual()) {
                try {
                    return OffsetDateTime.parse(n.textValue()).toInstant();
                } catch (DateTimeException e) {
                    try {
                        return Instant.parse(n.textValue());
                    } catch (DateTimeException e2) {
                        throw CloudWatchError.invalidParameterValue(
                                "The value " + prefix(n.textValue()) + " for parameter " + path + " is not a valid timestamp.");
                    }
                }
            }
            throw wrongType(path, "a timestamp");
        });
    }

    /**
     * Epoch seconds from a number. A CBOR decimal fraction carries its own exponent; scaling one
     * whose exponent is 10^7 costs seconds and gigabytes, so the digits and the exponent are
     * checked against what any Instant needs before any arithmetic.
     */
    private static Instant epochSeconds(JsonNode n, String path) {
        try {
            if (n.isFloatingPointNumber() && !n.isBigDecimal()) {
                double seconds = n.doubleValue();
                if (!(Math.abs(seconds) <= MAX_EPOCH_SECOND)) {
                    throw invalidTimestamp(n, path);
                }
                double whole = Math.floor(seconds);
                return Instant.ofEpochSecond((long) whole, (long) ((seconds - whole) * 1e9));
            }
            if (n.isIntegralNumber()) {
                if (!n.canConvertToLong() || Math.abs(n.longValue()) > MAX_EPOCH_SECOND) {
                    throw invalidTimestamp(n, path);
                }
                return Instant.ofEpochSecond(n.longValue());
            }
            BigDecimal seconds = n.decimalValue();
            // Digits left of the point (precision - scale) and the scale itself are read off the
            // representation, without scaling; nothing valid needs more than 12 or 9 + 40.
            long integerDigits = (long) seconds.precision() - seconds.scale();
            if (integerDigits > 12 || seconds.scale() > 49 || seconds.precision() > 64) {
                throw invalidTimestamp(n, path);
            }
            long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
            throw invalidTimestamp(n, path);
        }
    }

    private static CloudWatchError invalidTimestamp(JsonNode n, String path) {
        String shown = n.isBigDecimal() ? "a decimal of precision " + n.decimalValue().precision() + " and scale "
                + n.decimalValue().scale() : prefix(n.asText());
        return CloudWatchError.invalidParameterValue(
                "The value " + shown + " for parameter " + path + " is not a valid timestamp.");
    }

    /** At most {@link #ECHO_LIMIT} characters of a client's value, for an error message. */
    static String prefix(String value) {
        return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...";
    }

    static Instant requiredTimestamp(JsonNode parent, String name, String path) {
        return timestamp(parent, name, path).orElseThrow(() -> CloudWatchError.missingParameter(path));
    }

    private static CloudWatchError wrongType(String path, String expected) {
        return CloudWatchError.malformed("member " + path + " must be " + expected);
    }
}

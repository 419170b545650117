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
                try {
                    BigDecimal seconds = n.decimalValue();
                    long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
                    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                    return Instant.ofEpochSecond(whole, nanos);
                } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
                    throw CloudWatchError.invalidParameterValue(
                            "The value " + n.asText() + " for parameter " + path + " is not a valid timestamp.");
                }
            }
            if (n.isTextual()) {
                try {
                    return OffsetDateTime.parse(n.textValue()).toInstant();
                } catch (DateTimeException e) {
                    try {
                        return Instant.parse(n.textValue());
                    } catch (DateTimeException e2) {
                        throw CloudWatchError.invalidParameterValue(
                                "The value " + n.textValue() + " for parameter " + path + " is not a valid timestamp.");
                    }
                }
            }
            throw wrongType(path, "a timestamp");
        });
    }

    static Instant requiredTimestamp(JsonNode parent, String name, String path) {
        return timestamp(parent, name, path).orElseThrow(() -> CloudWatchError.missingParameter(path));
    }

    private static CloudWatchError wrongType(String path, String expected) {
        return CloudWatchError.malformed("member " + path + " must be " + expected);
    }
}

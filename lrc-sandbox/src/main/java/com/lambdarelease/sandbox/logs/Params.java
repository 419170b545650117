package com.lambdarelease.sandbox.logs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one request's members, refusing values outside the service model's constraints (never repairing them). */
final class Params {

    private final JsonNode body;

    Params(JsonNode body) {
        this.body = body;
    }

    Optional<String> string(String name, int min, int max) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw LogsError.serialization("Member " + name + " must be a string");
        }
        String s = n.asText();
        if (s.length() < min) {
            throw LogsError.constraint(name, s, "Member must have length greater than or equal to " + min);
        }
        if (s.length() > max) {
            throw LogsError.constraint(name, s.substring(0, Math.min(64, s.length())) + "...",
                    "Member must have length less than or equal to " + max);
        }
        return Optional.of(s);
    }

    Optional<String> string(String name, int min, int max, Pattern pattern) {
        Optional<String> s = string(name, min, max);
        s.filter(v -> !pattern.matcher(v).matches()).ifPresent(v -> {
            throw LogsError.constraint(name, v, "Member must satisfy regular expression pattern: " + pattern.pattern());
        });
        return s;
    }

    Optional<Long> number(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw LogsError.serialization("Member " + name + " must be an integer");
        }
        return Optional.of(n.asLong());
    }

    /** An integer member in {@code [min, max]}, or {@code fallback} when absent. */
    int limit(String name, int min, int max, int fallback) {
        long v = number(name).orElse((long) fallback);
        if (v < min) {
            throw LogsError.constraint(name, v, "Member must have value greater than or equal to " + min);
        }
        if (v > max) {
            throw LogsError.constraint(name, v, "Member must have value less than or equal to " + max);
        }
        return (int) v;
    }

    boolean bool(String name, boolean fallback) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw LogsError.serialization("Member " + name + " must be a boolean");
        }
        return n.asBoolean();
    }

    Optional<List<String>> strings(String name, int minItems, int maxItems) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isArray()) {
            throw LogsError.serialization("Member " + name + " must be a list");
        }
        if (n.size() < minItems || n.size() > maxItems) {
            throw LogsError.constraint(name, "[" + n.size() + " items]", "Member must have length "
                    + (n.size() < minItems ? "greater than or equal to " + minItems : "less than or equal to " + maxItems));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw LogsError.serialization("Member " + name + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return Optional.of(out);
    }
}

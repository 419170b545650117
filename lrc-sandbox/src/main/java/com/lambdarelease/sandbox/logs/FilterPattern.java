package com.lambdarelease.sandbox.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * CloudWatch Logs' filter-pattern syntax
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html),
 * case-sensitive: {@code A B} (both),
 * {@code "a b"} (the phrase), {@code ?A ?B} (either), {@code A -B} (A without B), and JSON
 * comparisons {@code { $.level = "ERROR" && $.ms > 100 }} (see {@link JsonPattern}). An empty
 * pattern matches every event. A pattern it cannot read is refused with InvalidParameterException.
 */
final class FilterPattern {

    static final int MAX_LENGTH = 1024;

    private FilterPattern() {
    }

    static Predicate<String> parse(String pattern) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            return m -> true;
        }
        if (p.startsWith("{")) {
            return JsonPattern.parse(p);
        }
        if (p.startsWith("[")) {
            throw LogsError.invalidParameter("Invalid filter pattern: the sandbox does not read space-delimited "
                    + "[...] patterns, only terms, phrases, ?alternatives, -exclusions and { JSON } comparisons");
        }
        return terms(p);
    }

    private static Predicate<String> terms(String p) {
        List<String> all = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> none = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> into = all;
            if (c == '?' || c == '-') {
                into = c == '?' ? any : none;
                i++;
                if (i >= p.length() || Character.isWhitespace(p.charAt(i))) {
                    throw LogsError.invalidParameter("Invalid filter pattern: '" + c + "' must be followed by a term");
                }
            }
            StringBuilder term = new StringBuilder();
            if (p.charAt(i) == '"') {
                i = quoted(p, i, term);
            } else {
                while (i < p.length() && !Character.isWhitespace(p.charAt(i))) {
                    if (p.charAt(i) == '"') {
                        throw LogsError.invalidParameter("Invalid filter pattern: a quote inside the term at " + i);
                    }
                    term.append(p.charAt(i++));
                }
            }
            into.add(term.toString());
        }
        return message -> {
            for (String t : all) {
                if (!message.contains(t)) {
                    return false;
                }
            }
            for (String t : none) {
                if (message.contains(t)) {
                    return false;
                }
            }
            if (any.isEmpty()) {
                return true;
            }
            for (String t : any) {
                if (message.contains(t)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Reads the quoted string starting at {@code p[i] == '"'} into {@code out}; returns the index after it. */
    static int quoted(String p, int i, StringBuilder out) {
        i++;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                out.append(p.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        throw LogsError.invalidParameter("Invalid filter pattern: unterminated quoted string");
    }
}

package com.lambdarelease.sandbox.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the constraint violations of one request and reports them all at once, in AWS's
 * {@code 1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: ...} form
 * (several are joined with "; " under "N validation errors detected").
 */
final class Violations {

    static final String ALIAS_PATTERN = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";
    static final String VERSION_PATTERN = "(\\$LATEST|[0-9]+)";
    static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    static final String QUALIFIER_PATTERN = "(|[a-zA-Z0-9$_-]+)";

    private static final Pattern ALIAS = Pattern.compile(ALIAS_PATTERN);
    private static final Pattern VERSION = Pattern.compile(VERSION_PATTERN);
    private static final Pattern QUALIFIER = Pattern.compile(QUALIFIER_PATTERN);

    private final List<String> found = new ArrayList<>();

    /** Records that {@code value} (already rendered) at {@code member} breaks {@code constraint}. */
    Violations add(String renderedValue, String member, String constraint) {
        found.add("Value " + renderedValue + " at '" + member + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    Violations required(Object value, String member) {
        if (value == null) {
            add("null", member, "Member must not be null");
        }
        return this;
    }

    Violations length(String value, String member, int min, int max) {
        if (value == null) {
            return this;
        }
        if (value.length() > max) {
            add(quote(value), member, "Member must have length less than or equal to " + max);
        }
        if (value.length() < min) {
            add(quote(value), member, "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    Violations pattern(String value, String member, Pattern pattern, String shown) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(quote(value), member, "Member must satisfy regular expression pattern: " + shown);
        }
        return this;
    }

    Violations range(Integer value, String member, int min, int max) {
        if (value == null) {
            return this;
        }
        if (value > max) {
            add(quote(String.valueOf(value)), member, "Member must have value less than or equal to " + max);
        }
        if (value < min) {
            add(quote(String.valueOf(value)), member, "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    Violations aliasName(String value, String member) {
        return pattern(value, member, ALIAS, ALIAS_PATTERN).length(value, member, 1, 128);
    }

    Violations version(String value, String member) {
        return pattern(value, member, VERSION, VERSION_PATTERN).length(value, member, 1, 1024);
    }

    Violations qualifier(String value) {
        return pattern(value, "qualifier", QUALIFIER, QUALIFIER_PATTERN).length(value, "qualifier", 1, 128);
    }

    /** Throws the collected violations as one 400 ValidationException; returns when there are none. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        String head = found.size() == 1 ? "1 validation error detected: "
                : found.size() + " validation errors detected: ";
        throw new LambdaError(400, "ValidationException", head + String.join("; ", found));
    }

    /** How much of an offending value a message echoes: a 10 MB Description must not make a 10 MB error. */
    static final int ECHO_LIMIT = 256;

    static String quote(String value) {
        return "'" + (value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...") + "'";
    }
}

package com.lambdarelease.sandbox.lambda;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The rules a function's tags obey (https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html):
 * at most 50 on a function, keys 1-128 characters, values 0-256, and the {@code aws:} prefix (any case)
 * reserved for AWS, which is how CloudFormation's {@code aws:cloudformation:*} tags got there. The
 * service model gives TagKey and TagValue no pattern, so no characters are refused. AWS's texts for
 * these refusals are not documented; the ones here are the sandbox's own unless a comment says otherwise.
 */
final class Tags {

    static final int MAX_TAGS = 50;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;

    private Tags() {
    }

    /** Refuses tags a client may not add to a function that already has {@code existing}. */
    static void checkAdded(Map<String, String> added, Map<String, String> existing) {
        added.forEach((k, v) -> {
            checkKey(k);
            if (v.length() > MAX_VALUE) {
                throw LambdaError.invalidParameter("Tag value " + Violations.quote(v)
                        + " is too long: a tag value is at most " + MAX_VALUE + " characters.");
            }
        });
        long total = existing.keySet().stream().filter(k -> !added.containsKey(k)).count() + added.size();
        if (total > MAX_TAGS) {
            // Guessed text; AWS documents the limit (50), not the message.
            throw LambdaError.invalidParameter("Number of tags exceeds resource tag limit.");
        }
    }

    /** Refuses keys a client may not remove. */
    static void checkRemoved(Collection<String> keys) {
        keys.forEach(Tags::checkKey);
    }

    /** Tags AWS itself sets ({@code aws:cloudformation:*}), which the seeds may add past the reserved prefix. */
    static boolean reserved(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("aws:");
    }

    private static void checkKey(String k) {
        if (k.isEmpty() || k.length() > MAX_KEY) {
            throw LambdaError.invalidParameter("Tag key " + Violations.quote(k) + " must be 1 to " + MAX_KEY
                    + " characters long.");
        }
        if (reserved(k)) {
            // Text as quoted from an AWS answer in a public issue thread; not in the API reference.
            throw LambdaError.invalidParameter("Invalid tag key. Customers cannot set tag keys starting with aws: "
                    + "(case insensitive)");
        }
    }
}

package com.lambdarelease.sandbox.lambda;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a weighted alias: one additional version, weights 0.0-1.0, both versions published,
 * with the same execution role and dead-letter configuration. Syntax is checked while parsing;
 * the rest once the merged alias (current values plus the request's changes) is known.
 */
final class RoutingRules {

    static final String WEIGHTS_MEMBER = "routingConfig.additionalVersionWeights";
    private static final Pattern VERSION_KEY = Pattern.compile("[0-9]+");
    private static final String KEY_CONSTRAINT = "Map keys must satisfy constraint: [Member must have length less "
            + "than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular "
            + "expression pattern: [0-9]+, Member must not be null]";
    private static final String VALUE_CONSTRAINT = "Map value must satisfy constraint: [Member must have value less "
            + "than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]";

    private RoutingRules() {
    }

    /** The RoutingConfig's weights when the request has one (an empty map clears the split). */
    static Optional<Map<String, Double>> parse(RequestBody body, Violations violations) {
        Optional<Map<String, Double>> weights = body.object("RoutingConfig")
                .map(rc -> rc.weightMap("AdditionalVersionWeights").orElse(Map.of()));
        weights.ifPresent(w -> {
            if (w.keySet().stream().anyMatch(k -> k.length() > 1024 || !VERSION_KEY.matcher(k).matches())) {
                violations.add(Violations.quote(w.toString()), WEIGHTS_MEMBER, KEY_CONSTRAINT);
            }
            if (w.values().stream().anyMatch(v -> v == null || v.isNaN() || v < 0.0 || v > 1.0)) {
                violations.add(Violations.quote(w.toString()), WEIGHTS_MEMBER, VALUE_CONSTRAINT);
            }
        });
        return weights;
    }

    /** Rules that need only the alias's own values. */
    static void checkShape(String primary, Map<String, Double> weights) {
        if (weights.size() > 1) {
            throw LambdaError.invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        if (weights.isEmpty()) {
            return;
        }
        if (FunctionRef.LATEST.equals(primary)) {
            throw LambdaError.invalidParameter("$LATEST is not supported for an alias pointing to more than 1 version");
        }
        if (weights.containsKey(primary)) {
            throw LambdaError.invalidParameter("Invalid function version " + primary + ". Function version " + primary
                    + " is already included in routing configuration.");
        }
    }

    /** Rules that need the versions themselves: they exist, and agree on role and dead-letter queue. */
    static void checkVersions(LambdaFunction fn, String primary, Map<String, Double> weights) {
        FunctionConfig main = existing(fn, primary);
        for (String extra : weights.keySet()) {
            FunctionConfig other = existing(fn, extra);
            if (!main.role().equals(other.role())) {
                throw LambdaError.invalidParameter("Function versions in a routing configuration must have the same "
                        + "execution role. Version " + primary + " has role " + main.role() + " and version " + extra
                        + " has role " + other.role() + ".");
            }
            if (!Objects.equals(main.deadLetterTarget(), other.deadLetterTarget())) {
                throw LambdaError.invalidParameter("Function versions in a routing configuration must have the same "
                        + "dead-letter queue configuration. Version " + primary + " has " + dlq(main) + " and version "
                        + extra + " has " + dlq(other) + ".");
            }
        }
    }

    private static FunctionConfig existing(LambdaFunction fn, String version) {
        return fn.version(version).orElseThrow(() -> LambdaError.functionNotFound(fn.arns().function(fn.name(), version)));
    }

    private static String dlq(FunctionConfig c) {
        return c.deadLetter().orElse("none");
    }
}

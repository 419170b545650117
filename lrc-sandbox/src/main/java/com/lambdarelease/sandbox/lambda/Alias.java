package com.lambdarelease.sandbox.lambda;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named pointer to a version, optionally sending a share of traffic to one more version.
 *
 * @param weights the additional version and its share (at most one entry); empty for a plain alias
 */
record Alias(String name, String functionVersion, String description, Map<String, Double> weights,
             String revisionId) {

    Alias {
        description = description == null ? "" : description;
        weights = weights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** The additional version, when traffic is split. */
    Optional<String> additionalVersion() {
        return weights.keySet().stream().findFirst();
    }

    /** True when the alias sends any traffic (primary or additional) to {@code version}. */
    boolean routesTo(String version) {
        return functionVersion.equals(version) || weights.containsKey(version);
    }
}

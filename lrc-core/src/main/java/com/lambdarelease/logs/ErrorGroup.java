package com.lambdarelease.logs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One error signature with how often each compared version reported it.
 *
 * @param counts  per version, in the order the versions were compared (primary first); zero included
 * @param onlyIn  the one version, other than the primary, that reported it when the others never did
 */
public record ErrorGroup(ErrorSignature signature, Map<String, Integer> counts, int total, Optional<String> onlyIn,
                         Instant lastSeen) {

    public ErrorGroup {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    public int count(String version) {
        return counts.getOrDefault(version, 0);
    }
}

package com.lambdarelease.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Where an alias sends its traffic: a primary version and at most one canary version with a
 * weight in 0..1; the primary gets the rest. Construction enforces AWS's routing rules, with
 * AWS's own error texts, so an invalid split never reaches the API.
 */
public record TrafficSplit(String primaryVersion, Optional<String> canaryVersion, double canaryWeight) {

    public TrafficSplit {
        AwsNames.requireVersion(primaryVersion);
        canaryVersion = canaryVersion == null ? Optional.empty() : canaryVersion;
        if (canaryVersion.isEmpty()) {
            if (canaryWeight != 0) {
                throw new InvalidInputException("A canary weight needs a canary version.");
            }
        } else {
            String canary = canaryVersion.get();
            if (!AwsNames.isPublishedVersion(canary)) {
                throw new InvalidInputException("1 validation error detected: Value '{" + canary + "=" + canaryWeight
                        + "}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must "
                        + "satisfy constraint: [Member must have length less than or equal to 1024, Member must have "
                        + "length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, "
                        + "Member must not be null]");
            }
            if (!(canaryWeight >= 0.0 && canaryWeight <= 1.0)) {
                throw new InvalidInputException("1 validation error detected: Value '{" + canary + "=" + canaryWeight
                        + "}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must "
                        + "satisfy constraint: [Member must have value less than or equal to 1.0, Member must have "
                        + "value greater than or equal to 0.0, Member must not be null]");
            }
            if (AwsNames.LATEST.equals(primaryVersion)) {
                throw new InvalidInputException("$LATEST is not supported for an alias pointing to more than 1 version");
            }
            if (canary.equals(primaryVersion)) {
                throw new InvalidInputException("Invalid function version " + canary + ". Function version " + canary
                        + " is already included in routing configuration.");
            }
        }
    }

    /** All traffic to one version. */
    public static TrafficSplit allTo(String version) {
        return new TrafficSplit(version, Optional.empty(), 0);
    }

    /** {@code weight} of traffic to {@code canary}, the rest to {@code primary}. */
    public static TrafficSplit canary(String primary, String canary, double weight) {
        return new TrafficSplit(primary, Optional.of(canary), weight);
    }

    /** From an alias's FunctionVersion and RoutingConfig.AdditionalVersionWeights, as AWS returns them. */
    public static TrafficSplit fromRouting(String primary, Map<String, Double> additionalWeights) {
        if (additionalWeights == null || additionalWeights.isEmpty()) {
            return allTo(primary);
        }
        if (additionalWeights.size() > 1) {
            throw new InvalidInputException("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        Map.Entry<String, Double> e = additionalWeights.entrySet().iterator().next();
        return canary(primary, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
    }

    public boolean isSplit() {
        return canaryVersion.isPresent();
    }

    public double primaryWeight() {
        return 1.0 - canaryWeight;
    }

    /** The share of traffic {@code version} receives under this split (0 when it is not part of it). */
    public double weightOf(String version) {
        if (version.equals(primaryVersion)) {
            return primaryWeight();
        }
        return canaryVersion.filter(version::equals).map(v -> canaryWeight).orElse(0.0);
    }

    public boolean serves(String version) {
        return weightOf(version) > 0 || version.equals(primaryVersion);
    }

    /** RoutingConfig.AdditionalVersionWeights to send: empty clears the routing. */
    public Map<String, Double> additionalVersionWeights() {
        return canaryVersion.map(v -> Map.of(v, canaryWeight)).orElse(Map.of());
    }

    /** All traffic to the canary, routing cleared. */
    public TrafficSplit promote() {
        return allTo(canaryVersion.orElse(primaryVersion));
    }

    /** All traffic back to the primary, routing cleared. */
    public TrafficSplit rollBack() {
        return allTo(primaryVersion);
    }

    public TrafficSplit withCanary(String version, double weight) {
        return canary(primaryVersion, version, weight);
    }

    /** "90% v3 · 10% v4", or "100% v3". */
    public String describe() {
        if (!isSplit()) {
            return "100% v" + primaryVersion;
        }
        return percent(primaryWeight()) + " v" + primaryVersion + " · " + percent(canaryWeight) + " v" + canaryVersion.get();
    }

    /** A weight as a percentage with at most one decimal: 0.1 → "10%", 0.025 → "2.5%". */
    public static String percent(double weight) {
        return Weight.percentText(weight);
    }

    /** "90% → v3 · 10% → v4", or "100% → v3": the preview form used in confirmations and the journal. */
    public String arrows() {
        String primary = percent(primaryWeight()) + " → v" + primaryVersion;
        return canaryVersion.map(c -> primary + " · " + percent(canaryWeight) + " → v" + c).orElse(primary);
    }
}

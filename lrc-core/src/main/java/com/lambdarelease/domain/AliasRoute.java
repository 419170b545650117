package com.lambdarelease.domain;

/**
 * An alias and where it sends traffic, as last read from AWS. The {@code revisionId} is what an
 * update must send so that a change made by someone else in between is refused, not overwritten.
 */
public record AliasRoute(String functionName, String name, String arn, TrafficSplit split, String description,
                         String revisionId) {

    public AliasRoute {
        description = description == null ? "" : description;
    }

    /** The share of this alias's traffic that {@code version} receives. */
    public double weightOf(String version) {
        return split.weightOf(version);
    }

    public boolean pointsAt(String version) {
        return split.primaryVersion().equals(version) || split.canaryVersion().filter(version::equals).isPresent();
    }
}

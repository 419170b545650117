package com.lambdarelease.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one version of a function ({@code $LATEST} or a published number). A
 * published version's configuration never changes.
 */
public record FunctionConfig(String functionName, String functionArn, String version, String description,
                             String runtime, String handler, int memoryMb, int timeoutSeconds, String role,
                             String codeSha256, long codeSize, Instant lastModified, String revisionId,
                             List<String> layerArns, Map<String, String> environment,
                             Optional<String> deadLetterTargetArn) {

    /** Newest published version first, {@code $LATEST} last. */
    public static final Comparator<FunctionConfig> NEWEST_FIRST = Comparator.comparingLong(FunctionConfig::versionOrder).reversed();

    public FunctionConfig {
        layerArns = List.copyOf(layerArns);
        environment = Map.copyOf(environment);
        description = description == null ? "" : description;
    }

    public boolean isLatest() {
        return AwsNames.LATEST.equals(version);
    }

    /** The first 10 characters of the code's SHA-256, enough to tell versions apart. */
    public String shortCodeSha256() {
        return codeSha256 == null ? "" : codeSha256.substring(0, Math.min(10, codeSha256.length()));
    }

    private long versionOrder() {
        return isLatest() ? -1 : Long.parseLong(version);
    }

    /**
     * What publishing {@code this} ($LATEST) would capture that {@code latestPublished} does not:
     * code, runtime, handler, memory, timeout, role, layers, environment, dead-letter queue. Empty
     * means AWS would return the existing version instead of publishing a new one.
     */
    public List<String> changesSince(FunctionConfig latestPublished) {
        List<String> changes = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(codeSha256, latestPublished.codeSha256)) {
            changes.add("code");
        }
        if (!java.util.Objects.equals(runtime, latestPublished.runtime)) {
            changes.add("runtime");
        }
        if (!java.util.Objects.equals(handler, latestPublished.handler)) {
            changes.add("handler");
        }
        if (memoryMb != latestPublished.memoryMb) {
            changes.add("memory");
        }
        if (timeoutSeconds != latestPublished.timeoutSeconds) {
            changes.add("timeout");
        }
        if (!java.util.Objects.equals(role, latestPublished.role)) {
            changes.add("role");
        }
        if (!layerArns.equals(latestPublished.layerArns)) {
            changes.add("layers");
        }
        if (!environment.equals(latestPublished.environment)) {
            changes.add("environment");
        }
        if (!deadLetterTargetArn.equals(latestPublished.deadLetterTargetArn)) {
            changes.add("dead-letter queue");
        }
        return List.copyOf(changes);
    }
}

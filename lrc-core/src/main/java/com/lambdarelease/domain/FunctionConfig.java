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
                             Optional<String> deadLetterTargetArn, ExecutionSettings execution) {

    /** Newest published version first, {@code $LATEST} last. */
    public static final Comparator<FunctionConfig> NEWEST_FIRST = Comparator.comparingLong(FunctionConfig::versionOrder).reversed();

    public FunctionConfig {
        layerArns = List.copyOf(layerArns);
        environment = Map.copyOf(environment);
        description = description == null ? "" : description;
        execution = execution == null ? ExecutionSettings.DEFAULTS : execution;
    }

    /** A configuration with AWS's default {@link ExecutionSettings} (x86_64, 512 MB /tmp, no VPC, ...). */
    public FunctionConfig(String functionName, String functionArn, String version, String description,
                          String runtime, String handler, int memoryMb, int timeoutSeconds, String role,
                          String codeSha256, long codeSize, Instant lastModified, String revisionId,
                          List<String> layerArns, Map<String, String> environment, Optional<String> deadLetterTargetArn) {
        this(functionName, functionArn, version, description, runtime, handler, memoryMb, timeoutSeconds, role,
                codeSha256, codeSize, lastModified, revisionId, layerArns, environment, deadLetterTargetArn,
                ExecutionSettings.DEFAULTS);
    }

    /** Names of the environment variables whose values differ from {@code other}'s (or that only one has). */
    public java.util.SortedSet<String> environmentNamesDifferingFrom(FunctionConfig other) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(environment.keySet());
        names.addAll(other.environment.keySet());
        names.removeIf(n -> java.util.Objects.equals(environment.get(n), other.environment.get(n)));
        return names;
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
     * code, runtime, handler, memory, timeout, role, layers, environment, dead-letter queue and the
     * {@link ExecutionSettings}. Content only: AWS publishes after any update, whatever differs.
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
        ExecutionSettings a = execution;
        ExecutionSettings b = latestPublished.execution;
        if (!a.architectures().equals(b.architectures())) {
            changes.add("architecture");
        }
        if (a.ephemeralStorageMb() != b.ephemeralStorageMb()) {
            changes.add("ephemeral storage");
        }
        if (!a.tracingMode().equals(b.tracingMode())) {
            changes.add("tracing");
        }
        if (!a.vpcSubnetIds().equals(b.vpcSubnetIds()) || !a.vpcSecurityGroupIds().equals(b.vpcSecurityGroupIds())) {
            changes.add("VPC");
        }
        if (!a.equals(b) && changes.stream().noneMatch(java.util.Set.of("architecture", "ephemeral storage", "tracing",
                "VPC")::contains)) {
            changes.add("other settings (logging, SnapStart, KMS key, file systems, package)");
        }
        return List.copyOf(changes);
    }
}

package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One function configuration: {@code $LATEST} (replaced on every write) or a published version
 * (never changed again). Code is not kept, only its SHA-256 and size.
 *
 * @param deadLetterTarget the dead-letter queue or topic ARN, or null for none (null keeps the state file small)
 * @param sourceRevision   counts the updates (UpdateFunctionCode, UpdateFunctionConfiguration) {@code $LATEST}
 *                         has had; a published version keeps the count it was published from. AWS publishes a
 *                         new version whenever an update happened since the last publish, whatever the content,
 *                         so this count, not the content, decides PublishVersion's answer.
 * @param settings         the other members as sent ({@link ExtraSettings}: Architectures, VpcConfig, ...)
 */
record FunctionConfig(String functionName, String runtime, String role, String handler, long codeSize,
                      String codeSha256, String description, int timeout, int memorySize, Instant lastModified,
                      String version, Map<String, String> environment, List<String> layers, String deadLetterTarget,
                      String revisionId, long sourceRevision, Map<String, JsonNode> settings) {

    static final String ERROR_RATE = "SANDBOX_ERROR_RATE";
    static final String LATENCY_MS = "SANDBOX_LATENCY_MS";
    /** The errors this version fails with, {@code Type: message|Type: message}, read by the sandbox's Logs. */
    static final String ERROR_MESSAGES = "SANDBOX_ERROR_MESSAGES";
    /** {@code true} makes every update to this configuration end in LastUpdateStatus Failed (for demos). */
    static final String UPDATE_FAILS = "SANDBOX_UPDATE_FAILS";

    FunctionConfig {
        description = description == null ? "" : description;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        layers = layers == null ? List.of() : List.copyOf(layers);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    Optional<String> deadLetter() {
        return Optional.ofNullable(deadLetterTarget);
    }

    /** The snapshot published as {@code version}: same code and settings, its own description and revision. */
    FunctionConfig publishedAs(String newVersion, String versionDescription, Instant now, String newRevision) {
        return new FunctionConfig(functionName, runtime, role, handler, codeSize, codeSha256, versionDescription,
                timeout, memorySize, now, newVersion, environment, layers, deadLetterTarget, newRevision, sourceRevision, settings);
    }

    FunctionConfig withRevision(String newRevision) {
        return new FunctionConfig(functionName, runtime, role, handler, codeSize, codeSha256, description, timeout,
                memorySize, lastModified, version, environment, layers, deadLetterTarget, newRevision, sourceRevision, settings);
    }

    FunctionConfig withSettings(Map<String, JsonNode> newSettings) {
        return new FunctionConfig(functionName, runtime, role, handler, codeSize, codeSha256, description, timeout,
                memorySize, lastModified, version, environment, layers, deadLetterTarget, revisionId, sourceRevision,
                newSettings);
    }

    /** The same configuration counted as {@code count} updates old. */
    FunctionConfig withSourceRevision(long count) {
        return new FunctionConfig(functionName, runtime, role, handler, codeSize, codeSha256, description, timeout,
                memorySize, lastModified, version, environment, layers, deadLetterTarget, revisionId, count, settings);
    }

    FunctionConfig withCode(String sha256, long size, Instant now, String newRevision) {
        return new FunctionConfig(functionName, runtime, role, handler, size, sha256, description, timeout,
                memorySize, now, version, environment, layers, deadLetterTarget, newRevision, sourceRevision, settings);
    }

    /**
     * True when code and settings equal {@code published}'s (description aside). Only used to read
     * state files written before {@link #sourceRevision} existed; AWS itself never compares content.
     */
    boolean sameCodeAndSettings(FunctionConfig published) {
        return codeSha256.equals(published.codeSha256) && runtime.equals(published.runtime)
                && role.equals(published.role) && handler.equals(published.handler)
                && timeout == published.timeout && memorySize == published.memorySize
                && environment.equals(published.environment) && layers.equals(published.layers)
                && Objects.equals(deadLetterTarget, published.deadLetterTarget) && settings.equals(published.settings);
    }

    boolean updateFails() {
        return "true".equalsIgnoreCase(environment.getOrDefault(UPDATE_FAILS, "").trim());
    }

    /** Share of invocations that fail, from {@code SANDBOX_ERROR_RATE}; garbage reads as 0. */
    double errorRate() {
        String raw = environment.get(ERROR_RATE);
        if (raw == null) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(raw.trim());
            return Double.isNaN(rate) ? 0 : Math.max(0, Math.min(1, rate));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Extra run time in milliseconds, from {@code SANDBOX_LATENCY_MS}; garbage reads as 0. */
    long latencyMs() {
        String raw = environment.get(LATENCY_MS);
        if (raw == null) {
            return 0;
        }
        try {
            return Math.max(0, (long) Double.parseDouble(raw.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

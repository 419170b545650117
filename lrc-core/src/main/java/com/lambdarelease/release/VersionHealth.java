package com.lambdarelease.release;

/**
 * How one version behind an alias is doing over a window: configured weight, observed share of
 * the alias's invocations, invocations and error rate (errors / invocations, 0..1).
 */
public record VersionHealth(String version, double configured, double observed, double invocations,
                            double errors, double errorRate) {
}

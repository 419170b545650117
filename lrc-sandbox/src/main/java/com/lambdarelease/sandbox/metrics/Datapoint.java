package com.lambdarelease.sandbox.metrics;

import java.time.Instant;

/** One aggregated value for the period starting at {@code timestamp}. */
public record Datapoint(Instant timestamp, double value) {
}

package com.lambdarelease.domain;

import java.time.Instant;

/** One datapoint: the start of its period and its value. */
public record MetricPoint(Instant time, double value) {
}

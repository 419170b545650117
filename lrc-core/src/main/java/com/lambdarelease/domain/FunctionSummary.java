package com.lambdarelease.domain;

import java.time.Instant;

/** A function as the functions list shows it. */
public record FunctionSummary(String name, String arn, String runtime, int memoryMb, int timeoutSeconds,
                              Instant lastModified, String description) {
}

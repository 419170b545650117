package com.lambdarelease.sandbox.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * One invocation as CloudWatch would count it.
 *
 * @param functionName    the function's name (not ARN)
 * @param qualifier       the alias or version it was invoked through; empty for an unqualified call
 * @param viaAlias        true when the qualifier is an alias (only then is ExecutedVersion recorded)
 * @param executedVersion the version that ran
 * @param at              sandbox time of the invocation (metrics are timestamped at invocation time)
 * @param durationMs      how long it ran
 * @param error           a function error (counts in Errors)
 * @param throttled       throttled instead of run (counts in Throttles, not Invocations)
 */
public record Invocation(String functionName, Optional<String> qualifier, boolean viaAlias, String executedVersion,
                         Instant at, double durationMs, boolean error, boolean throttled) {
}

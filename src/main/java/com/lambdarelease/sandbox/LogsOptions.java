package com.lambdarelease.sandbox;

/**
 * How the sandbox's CloudWatch Logs behaves.
 *
 * @param faults    faults injected into Logs requests (throttle answers ThrottlingException with 400, as AWS does)
 * @param maxEvents log events kept per account and region; past it the oldest are dropped
 * @param quotas    enforce AWS's per-operation request rates (AWS-FACTS-2 §4); tests turn it off to go fast
 */
public record LogsOptions(Faults faults, int maxEvents, boolean quotas) {

    /** About 50 MB of events: a few hours of the demo account's traffic. */
    public static final int DEFAULT_MAX_EVENTS = 250_000;

    public LogsOptions {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1, was " + maxEvents);
        }
    }

    public static LogsOptions defaults() {
        return new LogsOptions(Faults.NONE, DEFAULT_MAX_EVENTS, true);
    }

    public LogsOptions withFaults(Faults f) {
        return new LogsOptions(f, maxEvents, quotas);
    }

    public LogsOptions withMaxEvents(int n) {
        return new LogsOptions(faults, n, quotas);
    }

    public LogsOptions withQuotas(boolean on) {
        return new LogsOptions(faults, maxEvents, on);
    }
}

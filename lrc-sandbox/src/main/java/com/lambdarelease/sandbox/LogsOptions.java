package com.lambdarelease.sandbox;

/**
 * How the sandbox's CloudWatch Logs behaves.
 *
 * @param faults    faults injected into Logs requests (throttle answers ThrottlingException with 400, as AWS does)
 * @param maxEvents log events kept per account and region; past it the oldest are dropped
 * @param quotas    enforce AWS's per-operation request rates
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html); tests turn it off to go fast
 * @param backfillHistory how much of the sandbox's backfilled history gets log lines (the newest part); the
 *                  older history has metrics only. The default cap holds about this much of the demo's traffic:
 *                  writing older lines only to drop them again cost half of the sandbox's start.
 */
public record LogsOptions(Faults faults, int maxEvents, boolean quotas, java.time.Duration backfillHistory) {

    /** About 50 MB of events: about 75 minutes of the demo account's traffic. */
    public static final int DEFAULT_MAX_EVENTS = 250_000;
    /**
     * Log lines for the last 70 minutes of backfill: the charts' and the Logs view's default hour, with
     * room. The demo writes about 3,300 events a minute, so that is about 230,000, under the default cap.
     */
    public static final java.time.Duration DEFAULT_BACKFILL_HISTORY = java.time.Duration.ofMinutes(70);

    public LogsOptions {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1, was " + maxEvents);
        }
        if (backfillHistory.isNegative()) {
            throw new IllegalArgumentException("backfillHistory must not be negative, was " + backfillHistory);
        }
    }

    public static LogsOptions defaults() {
        return new LogsOptions(Faults.NONE, DEFAULT_MAX_EVENTS, true, DEFAULT_BACKFILL_HISTORY);
    }

    public LogsOptions withFaults(Faults f) {
        return new LogsOptions(f, maxEvents, quotas, backfillHistory);
    }

    public LogsOptions withMaxEvents(int n) {
        return new LogsOptions(faults, n, quotas, backfillHistory);
    }

    public LogsOptions withQuotas(boolean on) {
        return new LogsOptions(faults, maxEvents, on, backfillHistory);
    }

    public LogsOptions withBackfillHistory(java.time.Duration d) {
        return new LogsOptions(faults, maxEvents, quotas, d);
    }
}

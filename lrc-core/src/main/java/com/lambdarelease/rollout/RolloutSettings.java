package com.lambdarelease.rollout;

import com.lambdarelease.domain.InvalidInputException;

import java.time.Duration;
import java.util.Optional;

/**
 * How a rollout judges and waits.
 *
 * @param alpha             the error gate's false-rollback rate, however often it looks (default 1%)
 * @param maxErrorRate      the worst acceptable canary error rate (0..1) the evidence rule must be able
 *                          to see; empty: max(2 x the primary's observed rate, 1%)
 * @param maxDurationRatio  canary p99 or average duration over the primary's above which a minute counts as slow
 * @param durationMinInvocations a minute is compared only when both versions ran at least this often in it
 * @param durationMinutes   consecutive slow compared minutes that fail the duration gate
 * @param maxThrottleShare  canary throttles over its invocations above which the throttle gate fails
 * @param dataDelay         how long after a minute ends a version with no datapoint at all counts as not having run
 *                          in it (Lambda's metrics arrive 1-3 min late); a minute whose series have all arrived is
 *                          judged at once, and one with a series on its way waits for it however long it takes
 * @param maxHold           an inconclusive hold longer than this (or projected longer) asks the operator
 * @param rollbackOnFailure a failing gate rolls back at once (true) or pauses for the operator (false), paused or not
 * @param unjudgedLimit     how long the canary may go unjudged (the alias or the metrics unreadable) before the
 *                          rollout stops depending on it
 * @param rollbackWhenUnjudged past that limit, restore the baseline (true) or pause for the operator (false)
 */
public record RolloutSettings(double alpha, Optional<Double> maxErrorRate, double maxDurationRatio,
                              int durationMinInvocations, int durationMinutes, double maxThrottleShare,
                              Duration dataDelay, Duration maxHold, boolean rollbackOnFailure,
                              Duration unjudgedLimit, boolean rollbackWhenUnjudged) {

    public static final double FLOOR_ERROR_RATE = 0.01;

    public RolloutSettings {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new InvalidInputException("--alpha must be above 0 and below 0.5, was " + alpha + ".");
        }
        if (maxErrorRate.isPresent() && !(maxErrorRate.get() > 0 && maxErrorRate.get() < 1)) {
            throw new InvalidInputException("--max-error-rate must be above 0 and below 1 (0.02 is 2%), was "
                    + maxErrorRate.get() + ".");
        }
        if (unjudgedLimit.isNegative() || unjudgedLimit.isZero()) {
            throw new InvalidInputException("The time a canary may go unjudged must be above 0, was " + unjudgedLimit + ".");
        }
        if (!(maxDurationRatio > 1)) {
            throw new InvalidInputException("--max-duration-ratio must be above 1, was " + maxDurationRatio + ".");
        }
    }

    public static RolloutSettings defaults() {
        return new RolloutSettings(0.01, Optional.empty(), 1.5, 20, 3, 0.01, Duration.ofMinutes(3),
                Duration.ofMinutes(30), true, Duration.ofMinutes(5), true);
    }

    public RolloutSettings withAlpha(double a) {
        return new RolloutSettings(a, maxErrorRate, maxDurationRatio, durationMinInvocations, durationMinutes,
                maxThrottleShare, dataDelay, maxHold, rollbackOnFailure, unjudgedLimit, rollbackWhenUnjudged);
    }

    public RolloutSettings withMaxErrorRate(Optional<Double> r) {
        return new RolloutSettings(alpha, r, maxDurationRatio, durationMinInvocations, durationMinutes,
                maxThrottleShare, dataDelay, maxHold, rollbackOnFailure, unjudgedLimit, rollbackWhenUnjudged);
    }

    public RolloutSettings withMaxDurationRatio(double x) {
        return new RolloutSettings(alpha, maxErrorRate, x, durationMinInvocations, durationMinutes,
                maxThrottleShare, dataDelay, maxHold, rollbackOnFailure, unjudgedLimit, rollbackWhenUnjudged);
    }

    public RolloutSettings withMaxHold(Duration d) {
        return new RolloutSettings(alpha, maxErrorRate, maxDurationRatio, durationMinInvocations, durationMinutes,
                maxThrottleShare, dataDelay, d, rollbackOnFailure, unjudgedLimit, rollbackWhenUnjudged);
    }

    public RolloutSettings withRollbackOnFailure(boolean b) {
        return new RolloutSettings(alpha, maxErrorRate, maxDurationRatio, durationMinInvocations, durationMinutes,
                maxThrottleShare, dataDelay, maxHold, b, unjudgedLimit, rollbackWhenUnjudged);
    }

    /** How long the canary may go unjudged, and whether the rollout then restores the baseline (or pauses). */
    public RolloutSettings withUnjudged(Duration limit, boolean rollBack) {
        return new RolloutSettings(alpha, maxErrorRate, maxDurationRatio, durationMinInvocations, durationMinutes,
                maxThrottleShare, dataDelay, maxHold, rollbackOnFailure, limit, rollBack);
    }

    /** The worst acceptable canary error rate given the primary's observed rate. */
    public double worstAcceptable(double primaryRate) {
        return maxErrorRate.orElse(Math.max(2 * primaryRate, FLOOR_ERROR_RATE));
    }
}

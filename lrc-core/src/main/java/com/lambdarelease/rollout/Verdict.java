package com.lambdarelease.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The "why" of a rollout's latest evaluation, for the console's panel and the command line: the
 * counts each version ran, the error test's statistic against its threshold, the duration and
 * throttle gates, the evidence rule, what would change the verdict and when the data is complete.
 *
 * @param dataCompleteThrough metrics are final (and judged) up to this instant; empty before the first final minute
 * @param sinceShift  counts over every judged minute since the first shift
 * @param sinceStep   counts over the judged minutes since the current step began
 * @param logStatistic log of the error test's mixture likelihood ratio
 * @param logThreshold log(1/alpha)
 * @param errorsToFail more canary errors (without primary errors) that would make the error gate fail; -1 unknown
 * @param durationRatio the latest compared minute's worst canary/primary ratio (p99 or average); empty when none compared
 * @param slowMinutes consecutive compared minutes over the ratio limit
 * @param worstAcceptableRate the error rate the evidence rule must be able to see
 * @param moreInvocationsNeeded canary invocations still needed for the evidence (0 when it is there)
 * @param minutesToEvidence at the canary's current rate, how long that takes; empty when the rate is 0
 * @param reasons plain sentences, each of a kind, most important first
 * @param waitingFor the series the next minute waits for ("v3's Errors of the minute from …"); empty when none
 * @param primaryFailing the primary fails far more often than in the hour before the rollout (an incident)
 * @param durationJudged a duration judgement exists (enough canary invocations compared); a step ends only then
 */
public record Verdict(Result result, Optional<Instant> dataCompleteThrough, Counts sinceShift, Counts sinceStep,
                      double logStatistic, double logThreshold, int errorsToFail, Optional<Double> durationRatio,
                      int slowMinutes, double worstAcceptableRate, long moreInvocationsNeeded,
                      Optional<Double> minutesToEvidence, List<Reason> reasons, Optional<String> waitingFor,
                      boolean primaryFailing, boolean durationJudged) {

    public enum Result {
        /** No failing gate and enough evidence so far. */
        HEALTHY,
        /** No failing gate, but not yet enough canary invocations to promote. */
        INCONCLUSIVE,
        FAILING_ERRORS, FAILING_DURATION, FAILING_THROTTLES;

        public boolean failing() {
            return this == FAILING_ERRORS || this == FAILING_DURATION || this == FAILING_THROTTLES;
        }

        /** The gate that fails, for a failing result. */
        public java.util.Optional<Cause> cause() {
            return switch (this) {
                case FAILING_ERRORS -> Optional.of(Cause.ERROR_GATE);
                case FAILING_DURATION -> Optional.of(Cause.DURATION_GATE);
                case FAILING_THROTTLES -> Optional.of(Cause.THROTTLE_GATE);
                default -> Optional.empty();
            };
        }
    }

    /** One sentence of the "why", of a kind a client may pick by. */
    public record Reason(Kind kind, String text) {
        public enum Kind { ERROR_TEST, DURATION, THROTTLES, EVIDENCE, PRIMARY, DATA }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Invocations, errors and throttles per version over a span of judged minutes. */
    public record Counts(String canary, long canaryInvocations, long canaryErrors, long canaryThrottles,
                         String primary, long primaryInvocations, long primaryErrors) {

        public double canaryRate() {
            return canaryInvocations == 0 ? 0 : (double) canaryErrors / canaryInvocations;
        }

        public double primaryRate() {
            return primaryInvocations == 0 ? 0 : (double) primaryErrors / primaryInvocations;
        }

        /** "v4: 3/120 errors · v3: 1/1080" */
        public String describe() {
            return "v" + canary + ": " + canaryErrors + "/" + canaryInvocations + " errors · v" + primary + ": "
                    + primaryErrors + "/" + primaryInvocations;
        }
    }

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict none(String canary, String primary, double logThreshold) {
        Counts zero = new Counts(canary, 0, 0, 0, primary, 0, 0);
        return new Verdict(Result.INCONCLUSIVE, Optional.empty(), zero, zero, 0, logThreshold, -1, Optional.empty(),
                0, RolloutSettings.FLOOR_ERROR_RATE, -1, Optional.empty(),
                List.of(new Reason(Reason.Kind.DATA, "No metrics judged yet.")), Optional.empty(), false, false);
    }

    /** The sentence of that kind, if the verdict says one. */
    public Optional<Reason> reason(Reason.Kind kind) {
        return reasons.stream().filter(r -> r.kind() == kind).findFirst();
    }

    /** The sentence that decides: the failing gate's, else the error test's. */
    public String headline() {
        return reasons.get(0).text();
    }

    /** The error test's statistic as the likelihood ratio, against 1/alpha. */
    public String errorTestText() {
        return String.format(java.util.Locale.ROOT, "error test Λ = %.3g (threshold %.3g)", Math.exp(logStatistic),
                Math.exp(logThreshold));
    }
}

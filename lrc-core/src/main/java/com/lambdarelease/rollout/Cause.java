package com.lambdarelease.rollout;

/**
 * Why a rollout stopped, paused or holds, as a type: the journal records it beside the sentence,
 * the charts mark by it and clients branch on it, never on the sentence.
 */
public enum Cause {
    /** The error test showed the canary fails more often than the primary. */
    ERROR_GATE,
    /** The canary ran slower than the primary for the minutes the duration gate allows. */
    DURATION_GATE,
    /** The canary was throttled past the throttle gate's share. */
    THROTTLE_GATE,
    /** The metrics could not be read (or the alias) for longer than the settings allow. */
    UNJUDGED,
    /** The primary fails far more than in the hour before the start: an incident, not the canary. */
    PRIMARY_FAILING,
    /** Not enough canary invocations yet to promote. */
    INCONCLUSIVE,
    /** An operator's control: pause, abort. */
    OPERATOR,
    /** Someone else changed the alias. */
    FOREIGN_CHANGE,
    /** A write of the rollout's did not land (conflict, refusal, AWS failure). */
    WRITE_NOT_APPLIED;

    /** True for a health gate that failed: what the charts mark in red. */
    public boolean gateFailed() {
        return this == ERROR_GATE || this == DURATION_GATE || this == THROTTLE_GATE;
    }
}

package com.lambdarelease.rollout;

/**
 * What a rollout waits for an operator to do, as a type: clients enable their controls and choose
 * their exit codes from it, never from its words. {@link #words()} is what the operator reads.
 */
public enum Awaiting {
    /** A manual gate step: approve to go on. */
    GATE_APPROVAL("manual gate: approve to continue"),
    /** An inconclusive hold that lasted (or is projected to last) longer than the settings allow. */
    RISK_ACCEPTANCE("too little evidence: accept the risk, or abort"),
    /** Paused by an operator. */
    RESUME("resume or abort"),
    /** The primary fails far more than before the rollout: an incident; the rollout holds rather than promote into it. */
    PRIMARY_INCIDENT("the primary is failing too: approve to go on regardless, or abort"),
    /** A gate failed and the settings leave it to the operator. */
    FAILED_GATE("abort, or override the gate with a reason"),
    /** The canary could not be judged for longer than the settings allow, and they say to pause. */
    UNJUDGED("the canary could not be judged: resume to try again, or abort"),
    /** Someone else changed the alias while the rollout baked. */
    FOREIGN_CHANGE("resume on the alias as it is, or abort to restore the baseline"),
    /** An abort found a change by someone else the operator had not been shown. */
    ABORT_OVER_FOREIGN_CHANGE("abort again to restore the baseline over that change, or resume on the alias as it is"),
    /** The alias changed between the rollout's read and its write. */
    WRITE_CONFLICT("the alias changed behind the rollout: resume or abort"),
    /** The alias changed between the roll back's read and its write. */
    ROLLBACK_CONFLICT("the alias changed during the roll back: check it, then abort again"),
    /** The alias changed while no process drove the rollout (found on recovery). */
    CHANGED_WHILE_UNDRIVEN("the alias changed while nobody drove the rollout: resume on it as it is, or abort"),
    /** The release core refused the change before sending it. */
    WRITE_REFUSED("the change was refused: resume or abort"),
    /** AWS did not apply a write. */
    WRITE_FAILED("AWS did not apply the change: resume or abort"),
    /** Nobody drove the rollout for a while (its driver stopped); picked up by a console, it waits to be resumed. */
    DRIVER_LOST("no driver since its last evaluation: resume to drive it from here, or abort to roll back"),
    /** The driver stopped during a write whose answer is unknown (found on recovery). */
    INTERRUPTED("the rollout was interrupted during a write: resume or abort"),
    /** Another console holds the rollout's lease now: this one no longer drives it, and writes nothing. */
    TAKEN_OVER("another console drives the rollout now: act on it there");

    private final String words;

    Awaiting(String words) {
        this.words = words;
    }

    /** What the operator reads: "manual gate: approve to continue". */
    public String words() {
        return words;
    }

    /** True when the operator is asked because the alias changed under the rollout (the command line's conflict exit). */
    public boolean aliasChanged() {
        return this == FOREIGN_CHANGE || this == ABORT_OVER_FOREIGN_CHANGE || this == WRITE_CONFLICT
                || this == ROLLBACK_CONFLICT || this == CHANGED_WHILE_UNDRIVEN;
    }

    /** True when AWS did not apply a write (the command line's AWS-error exit). */
    public boolean awsFailure() {
        return this == WRITE_FAILED;
    }

    /**
     * True when the rollout can wait for this answer with its gates armed (a question, not a failure):
     * a foreground driver goes on judging while the operator decides, instead of leaving the canary's
     * traffic to nobody. False where judging cannot go on (the alias changed, a write failed, the
     * metrics cannot be read).
     */
    public boolean judgedWhileWaiting() {
        return this == RESUME || this == DRIVER_LOST || this == GATE_APPROVAL || this == RISK_ACCEPTANCE || this == FAILED_GATE
                || this == PRIMARY_INCIDENT;
    }

    /** True when an override with a reason lets the rollout go on. */
    public boolean overridable() {
        return this == FAILED_GATE;
    }

    /** The constant journalled as {@code name}; an older journal's words map back too (unknown: {@link #RESUME}). */
    static Awaiting fromJournal(String name, String words) {
        for (Awaiting a : values()) {
            if (a.name().equals(name) || a.words.equals(words)) {
                return a;
            }
        }
        return RESUME;
    }
}

package com.lambdarelease.rollout;

import java.util.Locale;
import java.util.Optional;

/**
 * An operator's control of a rollout, whoever gives it: the console's panel, the command line, or
 * another process through a request in the journal. {@link RolloutControls} applies each the same way.
 */
public enum Control {
    /** Stops shifting; the gates go on judging. */
    PAUSE,
    /** Goes on after a pause. */
    RESUME,
    /** Ends the current step's bake now; the evidence rule and the gates still apply. */
    SKIP,
    /** Passes a manual gate, or accepts the risk of an inconclusive hold that asks for it. */
    APPROVE,
    /** Accepts the risk of too little evidence (needs a reason). */
    ACCEPT_RISK,
    /** Lets the rollout go on while a gate fails, for the rest of the step (needs a reason). */
    OVERRIDE,
    /** Rolls back to the baseline. */
    ABORT;

    /** The word the journal and the command line use: "accept-risk". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The control a journal request or a command names, by its word. */
    public static Optional<Control> ofWord(String word) {
        for (Control c : values()) {
            if (c.word().equals(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** True for the controls that are recorded only with a reason. */
    public boolean needsReason() {
        return this == ACCEPT_RISK || this == OVERRIDE;
    }
}

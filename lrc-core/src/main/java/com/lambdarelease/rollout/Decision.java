package com.lambdarelease.rollout;

import java.time.Instant;
import java.util.Optional;

/**
 * What a rollout does after one evaluation: the {@link Decider}'s answer, which {@link Rollout}
 * carries out.
 *
 * @param message      the sentence to tell (the why of a roll back or pause, what a wait or hold waits for)
 * @param awaiting     what the operator is asked to do, when the decision asks anything
 * @param cause        why it rolls back, pauses or holds
 * @param holdingSince for a hold: when it began (now, unless the rollout was holding already)
 */
record Decision(Next next, String message, Optional<Awaiting> awaiting, Optional<Cause> cause,
                Optional<Instant> holdingSince) {

    enum Next {
        /** Nothing changes (paused, or a manual gate waits); the listeners hear the new verdict. */
        STAY,
        /** The step is done: on to the next one, or to the promotion. */
        ADVANCE,
        /** A gate failed: back to the baseline. */
        ROLL_BACK,
        /** A gate failed and the settings leave it to the operator. */
        PAUSE,
        /** The bake, or the metrics through its end, are still to come. */
        WAIT,
        /** Baked, but not yet enough evidence: hold, asking the operator once the hold lasts too long. */
        HOLD
    }

    static Decision stay() {
        return new Decision(Next.STAY, "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Decision advance() {
        return new Decision(Next.ADVANCE, "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Decision rollBack(String why, Cause cause) {
        return new Decision(Next.ROLL_BACK, why, Optional.empty(), Optional.of(cause), Optional.empty());
    }

    static Decision pause(String why, Awaiting whatNext, Cause cause) {
        return new Decision(Next.PAUSE, why, Optional.of(whatNext), Optional.of(cause), Optional.empty());
    }

    static Decision waiting(String message) {
        return new Decision(Next.WAIT, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Decision hold(String message, Optional<Awaiting> ask, Cause cause, Instant since) {
        return new Decision(Next.HOLD, message, ask, Optional.of(cause), Optional.of(since));
    }
}

package com.lambdarelease.rollout;

import java.time.Instant;

/**
 * A rollout decision worth marking on a chart at the moment it was made: a failing gate, a hold
 * for evidence, a pause, an override, the promotion or the roll back. (Its weight changes are marked
 * already, as the alias writes they are.)
 *
 * @param at      when the engine decided, on the connection's clock
 * @param kind    what kind of decision, for the mark's colour
 * @param text    "v4 at 10%: Gate failed: Error test: …", the engine's own words
 */
public record RolloutMark(Instant at, Kind kind, String text) {

    public enum Kind {
        /** a gate failed, or the rollout rolled back or failed */
        FAILED,
        /** held for evidence, paused, or waiting for an operator */
        WAITING,
        /** an override or the promotion */
        WENT_ON
    }
}

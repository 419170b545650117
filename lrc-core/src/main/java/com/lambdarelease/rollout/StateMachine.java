package com.lambdarelease.rollout;

/**
 * A rollout's state as its parts see it: they read it and ask for moves; {@link Rollout} holds it
 * and makes every move, so each one passes the same compare-and-set and the same check of what
 * {@link RolloutState} allows.
 */
interface StateMachine {

    RolloutState state();

    /** Compare-and-set: moves from {@code from} to {@code to} only if the rollout is in {@code from}. */
    boolean transition(RolloutState from, RolloutState to);

    /** The rollout has ended (promoted, rolled back or failed): journals it, tells the listeners, lets the alias go. */
    RolloutSnapshot finish(String event);
}

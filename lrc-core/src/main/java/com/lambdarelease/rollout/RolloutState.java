package com.lambdarelease.rollout;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a rollout is. Transitions are compare-and-set ({@link Rollout}); only those listed here are allowed. */
public enum RolloutState {
    PENDING, SHIFTING, BAKING, HOLDING, PAUSED, PROMOTING, PROMOTED, ROLLING_BACK, ROLLED_BACK, FAILED;

    private static final Map<RolloutState, Set<RolloutState>> NEXT = Map.of(
            PENDING, EnumSet.of(SHIFTING, PROMOTING, PAUSED, ROLLING_BACK, FAILED),
            SHIFTING, EnumSet.of(BAKING, HOLDING, PAUSED, ROLLING_BACK, FAILED),
            BAKING, EnumSet.of(SHIFTING, HOLDING, PAUSED, PROMOTING, ROLLING_BACK, FAILED),
            HOLDING, EnumSet.of(SHIFTING, BAKING, PAUSED, PROMOTING, ROLLING_BACK, FAILED),
            PAUSED, EnumSet.of(PENDING, SHIFTING, BAKING, HOLDING, PROMOTING, ROLLING_BACK, FAILED),
            PROMOTING, EnumSet.of(PROMOTED, PAUSED, FAILED),
            ROLLING_BACK, EnumSet.of(ROLLED_BACK, PAUSED, FAILED),
            PROMOTED, EnumSet.noneOf(RolloutState.class),
            ROLLED_BACK, EnumSet.noneOf(RolloutState.class),
            FAILED, EnumSet.noneOf(RolloutState.class));

    public boolean canBecome(RolloutState next) {
        return NEXT.get(this).contains(next);
    }

    /** Promoted, rolled back or failed: nothing more happens. */
    public boolean finished() {
        return NEXT.get(this).isEmpty();
    }

    /** "rolling back" */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

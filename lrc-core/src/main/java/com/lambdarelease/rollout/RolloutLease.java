package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A running rollout as every console sees it: the lease its driver holds on the function, as tags
 * ({@link RolloutLeases} writes and reads them). A lease whose heartbeat is older than
 * {@link #STALE_AFTER} has no live driver: another console may take it over.
 *
 * @param function   the function the tags are on
 * @param alias      the alias the rollout drives
 * @param rolloutId  the rollout's id (the same in every journal that has it)
 * @param driver     the driving process's own token (a takeover writes a new one)
 * @param by         the driver's caller name (the role session or user name)
 * @param ownerArn   the driver's caller ARN
 * @param host       the machine the driver runs on
 * @param step       "2/4": the step the rollout is at, of the plan's steps
 * @param canaryPercent the share the canary has now
 * @param beat       the driver's last heartbeat, on the connection's clock
 * @param terms      what another console needs to drive it on (the journal's start and latest state lines), when readable
 */
public record RolloutLease(String function, String alias, String rolloutId, String driver, String by, String ownerArn,
                           String host, String step, double canaryPercent, Instant beat, Optional<JsonNode> terms) {

    /** The driver renews at least this often. */
    public static final Duration RENEW_EVERY = Duration.ofMinutes(1);

    /** A heartbeat older than this (two renewals missed) means the driver is gone. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(2);

    public boolean stale(Instant now) {
        return beat.plus(STALE_AFTER).isBefore(now);
    }

    /** "alice@example.com on build-host-7" */
    public String owner() {
        return by + " on " + host;
    }

    /**
     * "driven by alice@example.com on build-host-7, step 2/4 at 10%, heartbeat 15:04:05", or, stale: "no driver since
     * 15:04 (alice@example.com on build-host-7): resume here, or roll back".
     */
    public String describe(Instant now) {
        if (stale(now)) {
            return "no driver since " + Gates.seconds(beat) + " (" + owner() + ", step " + step + " at "
                    + com.lambdarelease.domain.Weight.percentNumber(canaryPercent) + "%): resume here, or roll back";
        }
        return "driven by " + owner() + ", step " + step + " at " + com.lambdarelease.domain.Weight.percentNumber(canaryPercent)
                + "%, heartbeat " + Gates.seconds(beat);
    }

    /**
     * A whole sentence: "A rollout of f:prod is driven by alice on build-7, …" or "A rollout of f:prod has had no
     * driver since 15:04:05 (alice on build-7, step 1/1 at 10%): resume here, or roll back."
     */
    public String sentence(Instant now) {
        return "A rollout of " + function + ":" + alias + (stale(now) ? " has had " : " is ") + describe(now) + ".";
    }
}

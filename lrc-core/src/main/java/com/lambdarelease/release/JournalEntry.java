package com.lambdarelease.release;

import com.lambdarelease.domain.TrafficSplit;

import java.time.Instant;
import java.util.Optional;

/**
 * One alias change this console or its command line made (or tried to make), as appended to the
 * release journal.
 *
 * @param at           when the answer came, on the connection's clock
 * @param connection   the connection's label
 * @param account      the AWS account, from the alias ARN ("" when unknown)
 * @param region       the region, from the alias ARN ("" when unknown)
 * @param who          the profile or role the connection uses ("sandbox" on the sandbox)
 * @param action       create, update, promote, rollback or delete
 * @param before       the split the write was based on (empty for a create)
 * @param after        the split the alias has now (empty after a delete, or when the write did not land)
 * @param basedOnRevision the RevisionId the write was based on ("" for a create)
 * @param newRevision  the RevisionId after the write ("" when none)
 * @param outcome      applied, conflict or failed
 * @param message      AWS's words or ours, for a conflict or a failure ("" when applied)
 */
public record JournalEntry(Instant at, String connection, String account, String region, String who,
                           String function, String alias, String action, Optional<TrafficSplit> before,
                           Optional<TrafficSplit> after, String basedOnRevision, String newRevision,
                           String outcome, String message) {

    public static final String APPLIED = "applied";
    public static final String CONFLICT = "conflict";
    public static final String FAILED = "failed";

    public boolean applied() {
        return APPLIED.equals(outcome);
    }

    /** "100% v3 → 90% v3 · 10% v4" */
    public String describe() {
        return before.map(TrafficSplit::describe).orElse("(none)") + " → "
                + after.map(TrafficSplit::describe).orElse("(none)");
    }

    /** True when the entry changed the routing of an alias (the charts mark those). */
    public boolean changedRouting() {
        return applied() && !before.equals(after);
    }
}

package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;

import java.util.Optional;

/**
 * A rollout of {@code target} on an alias that already sends a share of its traffic to another
 * version: starting it replaces that version's share (an alias routes to one additional version at
 * most), so it happens only when the operator asks. Worded once here, for the engine's refusal,
 * the command line and the console's confirmation.
 *
 * @param alias  the alias as it was read, its split the one being replaced
 * @param target the version to roll out
 */
public record CanaryReplacement(AliasRoute alias, String target) {

    /** Present when {@code alias} routes to an additional version other than {@code target}. */
    public static Optional<CanaryReplacement> of(AliasRoute alias, String target) {
        return alias.split().canaryVersion().filter(c -> !c.equals(target)).map(c -> new CanaryReplacement(alias, target));
    }

    /** The version whose share is replaced. */
    public String replaced() {
        return alias.split().canaryVersion().orElseThrow();
    }

    /** "orders-api:live already sends 90% → v7 · 10% → v8" */
    public String current() {
        return alias.functionName() + ":" + alias.name() + " already sends " + alias.split().arrows();
    }

    /** "v8's 10%" */
    public String share() {
        return "v" + replaced() + "'s " + TrafficSplit.percent(alias.split().canaryWeight());
    }

    /** "Replace v8's 10% with v9": what the operator ticks or types to ask for it. */
    public String choice() {
        return "Replace " + share() + " with v" + target;
    }
}

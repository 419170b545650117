package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.RoutingPreflight;
import com.lambdarelease.domain.TrafficSplit;

import java.util.List;
import java.util.Optional;

/**
 * A checked change, ready to confirm: what the alias is, what it will be, and what the pre-flight
 * found. Nothing has been sent yet; {@link AliasWriter#apply(WritePlan)} sends it, unless refused.
 *
 * @param after the split the alias will have (empty for a delete)
 */
public record WritePlan(AliasChange change, Optional<TrafficSplit> after, RoutingPreflight.Verdict verdict) {

    public boolean refused() {
        return !verdict.allowed();
    }

    public Optional<AliasRoute> basedOn() {
        return change.basedOn();
    }

    /** The alias as it is: "90% → v3 · 10% → v4 — “description”", or "(no alias yet)". */
    public String beforeText() {
        return change.basedOn().map(a -> describe(a.split(), a.description())).orElse("(no alias yet)");
    }

    /** The alias as it will be. */
    public String afterText() {
        if (change.action() == AliasChange.Action.DELETE) {
            return "(no alias " + change.aliasName() + "; callers of " + change.basedOn().map(AliasRoute::arn)
                    .orElse(change.qualifiedName()) + " get ResourceNotFoundException)";
        }
        return after.map(s -> describe(s, change.description())).orElse("—");
    }

    /** Warnings the operator confirms along with the change. */
    public List<String> warnings() {
        return verdict.warnings();
    }

    /** A split with its description, as previews show it. */
    public static String describe(TrafficSplit split, String description) {
        return split.arrows() + (description == null || description.isBlank() ? "" : " — “" + description + "”");
    }
}

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
 * @param after  the split the alias will have (empty for a delete)
 * @param as     who the write is sent as (STS), when known
 * @param owners the alias's other owners' warnings: its CloudFormation stack, a CodeDeploy shift under way
 */
public record WritePlan(AliasChange change, Optional<TrafficSplit> after, RoutingPreflight.Verdict verdict,
                        Optional<com.lambdarelease.domain.Caller> as, List<String> owners) {

    public WritePlan {
        owners = List.copyOf(owners);
    }

    /** A plan before it is known who sends it and who else owns the alias. */
    public WritePlan(AliasChange change, Optional<TrafficSplit> after, RoutingPreflight.Verdict verdict) {
        this(change, after, verdict, Optional.empty(), List.of());
    }

    /** This plan, sent as {@code caller}, with the owners' warnings. */
    public WritePlan with(Optional<com.lambdarelease.domain.Caller> caller, List<String> ownerWarnings) {
        return new WritePlan(change, after, verdict, caller, ownerWarnings);
    }

    /** "as arn:aws:sts::123456789012:assumed-role/Release/alice", or "as an identity STS did not tell" when unknown. */
    public String asText() {
        return asText(as);
    }

    /** "as arn:…" for {@code caller}, or "as an identity STS did not tell". */
    public static String asText(Optional<com.lambdarelease.domain.Caller> caller) {
        return caller.map(c -> "as " + c.arn()).orElse("as an identity STS did not tell");
    }

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

    /** Warnings the operator confirms along with the change: the pre-flight's, then the other owners'. */
    public List<String> warnings() {
        List<String> all = new java.util.ArrayList<>(verdict.warnings());
        all.addAll(owners);
        return all;
    }

    /** A split with its description, as previews show it. */
    public static String describe(TrafficSplit split, String description) {
        return split.arrows() + (description == null || description.isBlank() ? "" : " — “" + description + "”");
    }
}

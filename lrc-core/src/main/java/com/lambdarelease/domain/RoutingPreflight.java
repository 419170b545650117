package com.lambdarelease.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one check of a split against AWS's rules for weighted aliases, before anything is sent:
 * both versions exist and are published, the additional version is not the primary, both run
 * with the same execution role and the same dead-letter configuration; and a warning where
 * provisioned concurrency makes a split send requests to environments that are not warm.
 * Every screen, the command line and the rollout engine ask this class, so each rule has one text.
 */
public final class RoutingPreflight {

    /** AWS's rule for weighted aliases, quoted where a check fails. */
    public static final String AWS_RULE = "AWS: both versions must be published (no $LATEST), have the same "
            + "execution role, and the same dead-letter queue configuration (or none).";
    /** AWS's explanation of spill-over, quoted in the provisioned-concurrency warning. */
    public static final String SPILLOVER = "With weighted routing, requests to the additional version are not "
            + "served by provisioned environments and may start cold; AWS counts them as "
            + "ProvisionedConcurrencySpilloverInvocations.";
    public static final String PROVISIONED_UNKNOWN = "Provisioned concurrency could not be checked. If this alias "
            + "or its versions have some: " + SPILLOVER;

    /** What the check found: refusals stop the write; warnings are shown and need confirmation. */
    public record Verdict(List<String> refusals, List<String> warnings, List<String> passed) {
        public Verdict {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
            passed = List.copyOf(passed);
        }

        public static Verdict clear() {
            return new Verdict(List.of(), List.of(), List.of());
        }

        public static Verdict refused(String reason) {
            return new Verdict(List.of(reason), List.of(), List.of());
        }

        public boolean allowed() {
            return refusals.isEmpty();
        }
    }

    private RoutingPreflight() {
    }

    /**
     * Checks {@code split} for alias {@code aliasName} against the function's {@code versions}
     * (by version number, $LATEST included) and its provisioned concurrency by alias or version
     * (empty: it could not be read).
     */
    public static Verdict check(String aliasName, TrafficSplit split, Map<String, FunctionConfig> versions,
                                Optional<Map<String, Integer>> provisioned) {
        List<String> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        FunctionConfig primary = versions.get(split.primaryVersion());
        if (primary == null) {
            refusals.add(missing(split.primaryVersion()));
        }
        if (!split.isSplit()) {
            return new Verdict(refusals, warnings, passed);
        }
        String extra = split.canaryVersion().orElseThrow();
        FunctionConfig canary = versions.get(extra);
        if (canary == null) {
            refusals.add(missing(extra));
        }
        if (primary != null && canary != null) {
            refusals.addAll(blockers(primary, canary));
            if (refusals.isEmpty()) {
                passed.add("v" + primary.version() + " and v" + canary.version() + " are published, run as the same "
                        + "role and have the same dead-letter configuration. " + AWS_RULE);
            }
        }
        provisionedWarning(aliasName, split, provisioned).ifPresent(warnings::add);
        return new Verdict(refusals, warnings, passed);
    }

    /** Why AWS would refuse to split traffic between these two versions; empty when it would not. */
    public static List<String> blockers(FunctionConfig primary, FunctionConfig canary) {
        List<String> out = new ArrayList<>();
        for (FunctionConfig c : List.of(primary, canary)) {
            if (c.isLatest()) {
                out.add("$LATEST is not supported for an alias pointing to more than 1 version");
            }
        }
        if (primary.version().equals(canary.version())) {
            out.add("Invalid function version " + canary.version() + ". Function version " + canary.version()
                    + " is already included in routing configuration.");
        }
        if (!primary.role().equals(canary.role())) {
            out.add("The execution roles differ (v" + primary.version() + ": " + primary.role() + ", v"
                    + canary.version() + ": " + canary.role() + "). " + AWS_RULE);
        }
        if (!primary.deadLetterTargetArn().equals(canary.deadLetterTargetArn())) {
            out.add("The dead-letter queues differ (v" + primary.version() + ": "
                    + primary.deadLetterTargetArn().orElse("none") + ", v" + canary.version() + ": "
                    + canary.deadLetterTargetArn().orElse("none") + "). " + AWS_RULE);
        }
        return List.copyOf(out.stream().distinct().toList());
    }

    /** The spill-over warning where provisioned concurrency is on the alias or either version of a split. */
    public static Optional<String> provisionedWarning(String aliasName, TrafficSplit split,
                                                      Optional<Map<String, Integer>> provisioned) {
        if (!split.isSplit()) {
            return Optional.empty();
        }
        if (provisioned.isEmpty()) {
            return Optional.of(PROVISIONED_UNKNOWN);
        }
        Map<String, Integer> pc = provisioned.get();
        List<String> where = new ArrayList<>();
        if (aliasName != null && pc.getOrDefault(aliasName, 0) > 0) {
            where.add("alias " + aliasName + " (" + pc.get(aliasName) + ")");
        }
        for (String v : List.of(split.primaryVersion(), split.canaryVersion().orElseThrow())) {
            if (pc.getOrDefault(v, 0) > 0) {
                where.add("v" + v + " (" + pc.get(v) + ")");
            }
        }
        return where.isEmpty() ? Optional.empty()
                : Optional.of("Warning: provisioned concurrency on " + String.join(", ", where) + ". " + SPILLOVER);
    }

    private static String missing(String version) {
        return "Version " + version + " does not exist.";
    }
}

package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;

import java.util.Optional;

/**
 * One change an operator asks for on one alias, named by function and alias so every preview and
 * confirmation can say exactly what it acts on. Built by the console's screens and the command
 * line alike; {@link AliasWriter} checks and sends it.
 *
 * @param basedOn the alias as the operator saw it (empty for a create): the write carries its RevisionId
 * @param target  the split asked for (empty for a delete, or a promote/roll back worked out from {@code basedOn})
 * @param rollBackTo for a roll back of an alias without a split: the earlier version to point it at
 */
public record AliasChange(Action action, String functionName, String aliasName, Optional<AliasRoute> basedOn,
                          Optional<TrafficSplit> target, String description, Optional<String> rollBackTo) {

    public enum Action {
        CREATE("create", "Create alias"), UPDATE("update", "Update alias"), PROMOTE("promote", "Promote"),
        ROLL_BACK("rollback", "Roll back"), DELETE("delete", "Delete alias");

        private final String word;
        private final String title;

        Action(String word, String title) {
            this.word = word;
            this.title = title;
        }

        /** As the journal and the command line spell it. */
        public String word() {
            return word;
        }

        public String title() {
            return title;
        }
    }

    public AliasChange {
        description = description == null ? "" : description;
    }

    public static AliasChange create(String functionName, String aliasName, TrafficSplit split, String description) {
        return new AliasChange(Action.CREATE, functionName, aliasName, Optional.empty(), Optional.of(split),
                description, Optional.empty());
    }

    public static AliasChange update(AliasRoute basedOn, TrafficSplit split, String description) {
        return new AliasChange(Action.UPDATE, basedOn.functionName(), basedOn.name(), Optional.of(basedOn),
                Optional.of(split), description, Optional.empty());
    }

    /** All traffic to the additional version, routing cleared. */
    public static AliasChange promote(AliasRoute basedOn) {
        return new AliasChange(Action.PROMOTE, basedOn.functionName(), basedOn.name(), Optional.of(basedOn),
                Optional.empty(), descriptionAfterSplit(basedOn), Optional.empty());
    }

    /**
     * The description an alias keeps when its split ends (promote, roll back). One that states a
     * share of traffic ("Canary: 10% to v8") describes the split being ended and would mislead once
     * it is gone, so it is cleared; the confirmation's after text shows that. Any other is kept.
     */
    static String descriptionAfterSplit(AliasRoute basedOn) {
        return basedOn.split().isSplit() && statesShare(basedOn.description()) ? "" : basedOn.description();
    }

    /**
     * The description an alias gets when its split moves to {@code next} (a rollout's shift or
     * promotion). One that states a share of traffic follows the split: "Canary: 20% to v9" for a
     * split, cleared as {@link #descriptionAfterSplit} clears it when the split ends. Any other is kept.
     */
    public static String descriptionFollowing(AliasRoute basedOn, TrafficSplit next) {
        if (!statesShare(basedOn.description())) {
            return basedOn.description();
        }
        return next.canaryVersion().map(c -> "Canary: " + TrafficSplit.percent(next.canaryWeight()) + " to v" + c)
                .orElseGet(() -> descriptionAfterSplit(basedOn));
    }

    private static boolean statesShare(String description) {
        return SHARE_OF_TRAFFIC.matcher(description).find();
    }

    private static final java.util.regex.Pattern SHARE_OF_TRAFFIC = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?\\s*%");

    /** With a split: all traffic back to the primary; without one: all traffic to {@code to}. */
    public static AliasChange rollBack(AliasRoute basedOn, Optional<String> to) {
        return new AliasChange(Action.ROLL_BACK, basedOn.functionName(), basedOn.name(), Optional.of(basedOn),
                Optional.empty(), descriptionAfterSplit(basedOn), to);
    }

    public static AliasChange delete(AliasRoute basedOn) {
        return new AliasChange(Action.DELETE, basedOn.functionName(), basedOn.name(), Optional.of(basedOn),
                Optional.empty(), basedOn.description(), Optional.empty());
    }

    /** "MyLambdaFunction:prod" */
    public String qualifiedName() {
        return functionName + ":" + aliasName;
    }

    /** "Promote MyLambdaFunction:prod": what a confirmation's title says. */
    public String title() {
        return action.title() + " " + qualifiedName();
    }
}

package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.TrafficSplit;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator types to create or edit an alias, checked as they type against AWS's rules
 * (quoted in AWS's words) and the routing pre-flight: both versions published, same execution role,
 * same dead-letter configuration. Kept across attempts, so a refusal from AWS loses nothing.
 */
public final class AliasForm {

    /** AWS's rule for weighted aliases, quoted in the pre-flight notes. */
    static final String ROUTING_RULE = "AWS rule: both versions must be published, have the same execution role "
            + "and the same dead-letter queue configuration (or none).";
    static final String SPILLOVER = "requests routed to the additional version are not served by the warm "
            + "environments and may start cold (ProvisionedConcurrencySpilloverInvocations).";

    private final boolean creating;
    private final Optional<AliasRoute> basedOn;
    private final Set<String> existingNames;
    private final Map<String, FunctionConfig> versions = new LinkedHashMap<>();
    private final Optional<Map<String, Integer>> provisioned;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty primaryVersion = new SimpleStringProperty(this, "primaryVersion", "");
    private final StringProperty additionalVersion = new SimpleStringProperty(this, "additionalVersion", "");
    private final DoubleProperty additionalPercent = new SimpleDoubleProperty(this, "additionalPercent", 0);
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty serverError = new SimpleStringProperty(this, "serverError", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper unchanged =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "unchanged");
    private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper(this, "after", "");
    private final ObservableList<String> notes = FXCollections.observableArrayList();

    private AliasForm(boolean creating, Optional<AliasRoute> basedOn, Set<String> existingNames, List<FunctionConfig> configs,
                      Optional<Map<String, Integer>> provisioned) {
        this.creating = creating;
        this.provisioned = provisioned;
        this.basedOn = basedOn;
        this.existingNames = Set.copyOf(existingNames);
        configs.forEach(c -> versions.put(c.version(), c));
        for (Observable o : List.of(name, primaryVersion, additionalVersion, additionalPercent, description)) {
            o.addListener(x -> validate());
        }
    }

    /** A new alias; {@code configs} are the function's versions (published ones and $LATEST). */
    public static AliasForm create(Set<String> existingNames, List<FunctionConfig> configs, String suggestedVersion,
                                   Optional<Map<String, Integer>> provisioned) {
        AliasForm f = new AliasForm(true, Optional.empty(), existingNames, configs, provisioned);
        f.primaryVersion.set(suggestedVersion == null ? "" : suggestedVersion);
        f.validate();
        return f;
    }

    /**
     * Editing {@code alias} as it was loaded; the update carries its RevisionId. {@code provisioned}
     * is the function's provisioned concurrency by alias or version (empty: could not be read).
     */
    public static AliasForm edit(AliasRoute alias, List<FunctionConfig> configs, Optional<Map<String, Integer>> provisioned) {
        AliasForm f = new AliasForm(false, Optional.of(alias), Set.of(), configs, provisioned);
        f.name.set(alias.name());
        f.primaryVersion.set(alias.split().primaryVersion());
        f.additionalVersion.set(alias.split().canaryVersion().orElse(""));
        f.additionalPercent.set(alias.split().canaryWeight() * 100);
        f.description.set(alias.description());
        f.validate();
        return f;
    }

    private void validate() {
        notes.clear();
        unchanged.set(false);
        problem.set(check().orElse(""));
        after.set(problem.get().isEmpty() && !unchanged.get() ? describe(split(), description.get()) : "—");
    }

    private Optional<String> check() {
        if (creating) {
            if (!AwsNames.isAliasName(name.get())) {
                return Optional.of(message(() -> AwsNames.requireAliasName(name.get())));
            }
            if (existingNames.contains(name.get())) {
                return Optional.of("An alias named " + name.get() + " already exists; edit it instead.");
            }
        }
        String primary = primaryVersion.get();
        if (primary == null || primary.isBlank()) {
            return Optional.of("Choose the version the alias points at.");
        }
        if (!versions.containsKey(primary)) {
            return Optional.of("Version " + primary + " does not exist.");
        }
        TrafficSplit split;
        try {
            split = buildSplit();
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
        if (split.isSplit()) {
            Optional<String> routing = routingPreflight(split);
            if (routing.isPresent()) {
                return routing;
            }
            notes.add(ROUTING_RULE + " Checked: v" + split.primaryVersion() + " and v" + split.canaryVersion().get() + " qualify.");
            provisionedNote(split).ifPresent(notes::add);
        }
        if (basedOn.isPresent() && basedOn.get().split().equals(split)
                && basedOn.get().description().equals(description.get())) {
            unchanged.set(true); // not an error, just nothing to send yet
        }
        return Optional.empty();
    }

    private Optional<String> routingPreflight(TrafficSplit split) {
        String extra = split.canaryVersion().orElseThrow();
        FunctionConfig a = versions.get(split.primaryVersion());
        FunctionConfig b = versions.get(extra);
        if (b == null) {
            return Optional.of("Version " + extra + " does not exist.");
        }
        if (!a.role().equals(b.role())) {
            return Optional.of("v" + a.version() + " runs as " + a.role() + " but v" + b.version() + " runs as " + b.role()
                    + ". " + ROUTING_RULE);
        }
        if (!a.deadLetterTargetArn().equals(b.deadLetterTargetArn())) {
            return Optional.of("v" + a.version() + " and v" + b.version() + " have different dead-letter queues ("
                    + a.deadLetterTargetArn().orElse("none") + " / " + b.deadLetterTargetArn().orElse("none") + "). "
                    + ROUTING_RULE);
        }
        return Optional.empty();
    }

    /** A warning where provisioned concurrency is configured on the alias or its primary version. */
    private Optional<String> provisionedNote(TrafficSplit split) {
        if (provisioned.isEmpty()) {
            return Optional.of("Could not read provisioned concurrency for this function. If the alias has any, "
                    + SPILLOVER);
        }
        Map<String, Integer> pc = provisioned.get();
        for (String target : List.of(name.get(), split.primaryVersion())) {
            Integer n = pc.get(target);
            if (n != null && n > 0) {
                String what = target.equals(name.get()) ? "Alias " + target : "Version " + target;
                return Optional.of("Warning: " + what + " has provisioned concurrency (" + n + "). With weighted "
                        + "routing, " + SPILLOVER);
            }
        }
        return Optional.empty();
    }

    private TrafficSplit buildSplit() {
        String extra = additionalVersion.get() == null ? "" : additionalVersion.get().strip();
        if (extra.isEmpty()) {
            return TrafficSplit.allTo(primaryVersion.get());
        }
        double w = Math.round(additionalPercent.get() * 10) / 1000.0;
        return TrafficSplit.canary(primaryVersion.get(), extra, w);
    }

    private static String message(Runnable check) {
        try {
            check.run();
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    static String describe(TrafficSplit split, String description) {
        return split.describe() + (description == null || description.isBlank() ? "" : " — “" + description + "”");
    }

    /** The split typed; only valid when {@link #problemProperty()} is empty. */
    public TrafficSplit split() {
        return buildSplit();
    }

    public boolean isCreating() {
        return creating;
    }

    public Optional<AliasRoute> basedOn() {
        return basedOn;
    }

    /** What the alias looks like now ("—" for a new one). */
    public String before() {
        return basedOn.map(a -> describe(a.split(), a.description())).orElse("(no alias yet)");
    }

    /** Versions to choose from: published newest first, then $LATEST (not usable with routing). */
    public List<String> versionChoices() {
        return new ArrayList<>(versions.keySet());
    }

    /** Published versions only: the choices for the additional version. */
    public List<String> publishedChoices() {
        return versions.keySet().stream().filter(AwsNames::isPublishedVersion).toList();
    }

    public boolean isValid() {
        return problem.get().isEmpty() && !unchanged.get();
    }

    /** True while the form cannot be sent: a problem, or nothing changed yet. */
    public ObservableBooleanValue invalidProperty() {
        return problem.isNotEmpty().or(unchanged);
    }

    /** Editing, and nothing differs from the alias as loaded yet. */
    public javafx.beans.property.ReadOnlyBooleanProperty unchangedProperty() {
        return unchanged.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty primaryVersionProperty() {
        return primaryVersion;
    }

    public StringProperty additionalVersionProperty() {
        return additionalVersion;
    }

    public DoubleProperty additionalPercentProperty() {
        return additionalPercent;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** AWS's answer to the last attempt, shown in the form so the operator can fix and retry. */
    public StringProperty serverErrorProperty() {
        return serverError;
    }

    /** The first thing that stops the form from being sent, in AWS's words where AWS has a rule; empty when fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the alias will look like ("90% v3 · 10% v4 — “description”"). */
    public ReadOnlyStringProperty afterProperty() {
        return after.getReadOnlyProperty();
    }

    /** Pre-flight notes for a weighted alias (rules checked, provisioned-concurrency warning). */
    public ObservableList<String> notes() {
        return notes;
    }
}

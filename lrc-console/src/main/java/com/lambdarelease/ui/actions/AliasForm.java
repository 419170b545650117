package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.RoutingPreflight;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.WeightParser;
import com.lambdarelease.release.WritePlan;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
 * What the operator types to create or edit an alias, checked as they type by the release core's
 * weight parser and routing pre-flight (the same rules the command line and the canary editor
 * use). A weight that is not one (150, -1, "abc", empty) is refused with a message and nothing can
 * be sent; it is never clamped. Kept across attempts, so a refusal from AWS loses nothing.
 */
public final class AliasForm {

    private final boolean creating;
    private final Optional<AliasRoute> basedOn;
    private final Set<String> existingNames;
    private final Map<String, FunctionConfig> versions = new LinkedHashMap<>();
    private final Optional<Map<String, Integer>> provisioned;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty primaryVersion = new SimpleStringProperty(this, "primaryVersion", "");
    private final StringProperty additionalVersion = new SimpleStringProperty(this, "additionalVersion", "");
    private final StringProperty weightText = new SimpleStringProperty(this, "weightText", "0");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty serverError = new SimpleStringProperty(this, "serverError", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper unchanged =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "unchanged");
    private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper(this, "after", "");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> sentAs = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, String> versionHealth = FXCollections.observableHashMap();

    private AliasForm(boolean creating, Optional<AliasRoute> basedOn, Set<String> existingNames, List<FunctionConfig> configs,
                      Optional<Map<String, Integer>> provisioned) {
        this.creating = creating;
        this.provisioned = provisioned;
        this.basedOn = basedOn;
        this.existingNames = Set.copyOf(existingNames);
        configs.forEach(c -> versions.put(c.version(), c));
        for (Observable o : List.of(name, primaryVersion, additionalVersion, weightText, description)) {
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
        f.weightText.set(WeightParser.format(Weight.percent(alias.split().canaryWeight())));
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
        RoutingPreflight.Verdict verdict = RoutingPreflight.check(name.get(), split, versions, provisioned);
        if (!verdict.allowed()) {
            return Optional.of(String.join("\n", verdict.refusals()));
        }
        notes.addAll(verdict.passed());
        notes.addAll(verdict.warnings());
        if (basedOn.isPresent() && basedOn.get().split().equals(split)
                && basedOn.get().description().equals(description.get())) {
            unchanged.set(true); // not an error, just nothing to send yet
        }
        return Optional.empty();
    }

    private TrafficSplit buildSplit() {
        return WeightParser.split(primaryVersion.get(), Optional.ofNullable(additionalVersion.get()), weightText.get());
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
        return WritePlan.describe(split, description);
    }

    /** The split typed; only call when {@link #problemProperty()} is empty (it throws otherwise). */
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

    /** The additional version's weight as typed, in % ("10", "10%", "12.5"). */
    public StringProperty weightTextProperty() {
        return weightText;
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

    /**
     * How each version fared recently through this alias ("15.2% errors in 812 calls, last hour"),
     * filled in when the metrics arrive; empty for versions with nothing known.
     */
    public javafx.collections.ObservableMap<String, String> versionHealth() {
        return versionHealth;
    }

    /**
     * Who the write goes as and the alias's other owners (its stack, a CodeDeploy shift), filled in when read; they
     * do not change with what is typed.
     */
    public ObservableList<String> sentAs() {
        return sentAs;
    }

    /** Pre-flight notes for a weighted alias (rules checked, provisioned-concurrency warning). */
    public ObservableList<String> notes() {
        return notes;
    }
}

package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One function's versions (newest first, {@code $LATEST} last) and aliases, as last read from AWS,
 * with the operator's current selection in each. Everything the release actions base a write on
 * (RevisionIds, the $LATEST configuration) comes from here.
 */
public final class FunctionDetailViewModel {

    private final UiContext ui;
    private final LambdaService lambda;
    private final ReadOnlyObjectWrapper<String> functionName = new ReadOnlyObjectWrapper<>(this, "functionName");
    private final ReadOnlyStringWrapper functionArn = new ReadOnlyStringWrapper(this, "functionArn", "");
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<AliasRoute> aliases = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FunctionConfig> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<VersionRow> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObjectProperty<AliasRoute> selectedAlias = new SimpleObjectProperty<>(this, "selectedAlias");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.VERSIONS);
    private int generation;

    /** Which part of the detail the operator is looking at. */
    public enum Section { VERSIONS, ALIASES, CANARY }

    private Optional<Map<String, Integer>> provisioned = Optional.empty();

    private record Loaded(List<FunctionConfig> versions, List<AliasRoute> aliases,
                          Optional<Map<String, Integer>> provisioned) {
    }

    public FunctionDetailViewModel(UiContext ui, LambdaService lambda) {
        this.ui = ui;
        this.lambda = lambda;
    }

    /** Shows {@code name}'s versions and aliases (null clears). */
    public CompletableFuture<Void> show(String name) {
        if (name != null && name.equals(functionName.get())) {
            return CompletableFuture.completedFuture(null);
        }
        functionName.set(name);
        versions.clear();
        aliases.clear();
        latest.set(null);
        functionArn.set("");
        return reload();
    }

    /** Reads versions and aliases again; keeps the selection by version number and alias name. */
    public CompletableFuture<Void> reload() {
        String name = functionName.get();
        int gen = ++generation;
        if (name == null) {
            loading.set(false);
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        error.set("");
        CompletableFuture<List<FunctionConfig>> v = Async.start(() -> lambda.listVersions(name));
        CompletableFuture<List<AliasRoute>> a = Async.start(() -> lambda.listAliases(name));
        // Only for the routing warning: when it cannot be read, the warning says so instead.
        CompletableFuture<Optional<Map<String, Integer>>> pc = Async.start(() -> lambda.provisionedConcurrency(name))
                .thenApply(Optional::of).exceptionally(e -> Optional.empty());
        return v.thenCombine(a, (versions, aliases) -> new Loaded(versions, aliases, Optional.empty()))
                .thenCombine(pc, (l, p) -> new Loaded(l.versions(), l.aliases(), p))
                .handleAsync((loaded, failure) -> {
            if (gen != generation) {
                return null;
            }
            loading.set(false);
            if (failure != null) {
                error.set("Could not load " + name + ": " + ErrorText.describe(failure));
                ui.notifier().failure("Loading " + name, failure);
            } else {
                apply(loaded);
            }
            return null;
        }, ui.fx());
    }

    private void apply(Loaded loaded) {
        String keepVersion = selectedVersion.get() == null ? null : selectedVersion.get().version();
        String keepAlias = selectedAlias.get() == null ? null : selectedAlias.get().name();
        List<FunctionConfig> sorted = loaded.versions().stream().sorted(FunctionConfig.NEWEST_FIRST).toList();
        latest.set(sorted.stream().filter(FunctionConfig::isLatest).findFirst().orElse(null));
        functionArn.set(latest.get() == null ? "" : latest.get().functionArn().replace(":$LATEST", ""));
        versions.setAll(sorted.stream().map(c -> VersionRow.of(c, loaded.aliases())).toList());
        provisioned = loaded.provisioned();
        aliases.setAll(loaded.aliases());
        selectedVersion.set(versions.stream().filter(r -> r.version().equals(keepVersion)).findFirst().orElse(null));
        selectedAlias.set(aliases.stream().filter(r -> r.name().equals(keepAlias)).findFirst().orElse(null));
    }

    /**
     * An alias of this function was changed elsewhere in the console (the canary workspace): take
     * its new split and RevisionId, so the next write is based on it and Promote / Roll back
     * follow the split without reading everything again.
     */
    public void aliasChanged(AliasRoute changed) {
        if (!changed.functionName().equals(functionName.get())) {
            return;
        }
        boolean selected = selectedAlias.get() != null && selectedAlias.get().name().equals(changed.name());
        List<AliasRoute> updated = aliases.stream().map(a -> a.name().equals(changed.name()) ? changed : a).toList();
        if (updated.equals(aliases)) {
            return;
        }
        String keepVersion = selectedVersion.get() == null ? null : selectedVersion.get().version();
        aliases.setAll(updated);
        versions.setAll(versions.stream().map(r -> VersionRow.of(r.config(), updated)).toList());
        selectedVersion.set(versions.stream().filter(r -> r.version().equals(keepVersion)).findFirst().orElse(null));
        if (selected) {
            selectedAlias.set(changed);
        }
    }

    /**
     * Provisioned concurrency by alias or version, as last read; empty when it could not be read
     * (the routing warning then says it could not check).
     */
    public Optional<Map<String, Integer>> provisionedConcurrency() {
        return provisioned;
    }

    /** Published versions, newest first. */
    public List<FunctionConfig> publishedNewestFirst() {
        return versions.stream().map(VersionRow::config).filter(c -> !c.isLatest()).toList();
    }

    public Optional<FunctionConfig> newestPublished() {
        return publishedNewestFirst().stream().findFirst();
    }

    public Optional<FunctionConfig> version(String version) {
        return versions.stream().map(VersionRow::config).filter(c -> c.version().equals(version)).findFirst();
    }

    public Optional<AliasRoute> alias(String name) {
        return aliases.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Names of the aliases that send {@code version} any traffic (or point at it as primary). */
    public List<String> aliasesPointingAt(String version) {
        return aliases.stream().filter(a -> a.pointsAt(version)).map(AliasRoute::name).toList();
    }

    public ReadOnlyObjectProperty<String> functionNameProperty() {
        return functionName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty functionArnProperty() {
        return functionArn.getReadOnlyProperty();
    }

    public ObservableList<VersionRow> versions() {
        return FXCollections.unmodifiableObservableList(versions);
    }

    public ObservableList<AliasRoute> aliases() {
        return FXCollections.unmodifiableObservableList(aliases);
    }

    /** {@code $LATEST} as last read: what a publish would capture. */
    public ReadOnlyObjectProperty<FunctionConfig> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** The ARN the operator means: the selected alias's or version's where one is in view, else the function's. */
    public String currentArn() {
        if (section.get() != Section.VERSIONS && selectedAlias.get() != null) {
            return selectedAlias.get().arn();
        }
        if (section.get() == Section.VERSIONS && selectedVersion.get() != null) {
            return selectedVersion.get().config().functionArn();
        }
        return functionArn.get();
    }

    public ObjectProperty<VersionRow> selectedVersionProperty() {
        return selectedVersion;
    }

    public ObjectProperty<AliasRoute> selectedAliasProperty() {
        return selectedAlias;
    }
}

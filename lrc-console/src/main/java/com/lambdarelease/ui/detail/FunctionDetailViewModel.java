package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.release.FunctionSnapshot;
import com.lambdarelease.release.FunctionState;
import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.service.cache.CachedDetail;
import com.lambdarelease.service.cache.ConnectionCache;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One function's versions (newest first, {@code $LATEST} last) and aliases, as held by the release
 * core's one {@link FunctionState} for it, with the operator's current selection in each. Every
 * write anywhere in the console updates that state, so this view follows without keeping a copy
 * in step by hand. The alias actions act on {@link #targetAliasProperty()}: the alias selected in
 * the tab that shows aliases, never one hidden behind another tab.
 */
public final class FunctionDetailViewModel {

    private final UiContext ui;
    private final FunctionStates states;
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
    private final ObjectBinding<AliasRoute> targetAlias;
    private final ConnectionCache cache;
    private final ReadOnlyObjectWrapper<Instant> cachedAt = new ReadOnlyObjectWrapper<>(this, "cachedAt");
    private int generation;
    private boolean replacing;
    private Runnable unsubscribe = () -> { };
    private FunctionSnapshot shown;

    /** Which part of the detail the operator is looking at. */
    public enum Section { VERSIONS, ALIASES, CANARY, HISTORY }

    private Optional<Map<String, Integer>> provisioned = Optional.empty();

    public FunctionDetailViewModel(UiContext ui, FunctionStates states) {
        this(ui, states, ConnectionCache.none());
    }

    /** {@code cache}: versions and aliases of functions opened before, shown at once (never written from) until read afresh. */
    public FunctionDetailViewModel(UiContext ui, FunctionStates states, ConnectionCache cache) {
        this.ui = ui;
        this.states = states;
        this.cache = cache;
        targetAlias = Bindings.createObjectBinding(
                () -> section.get() == Section.VERSIONS ? null : selectedAlias.get(), section, selectedAlias);
    }

    /** Shows {@code name}'s versions and aliases (null clears); the selection starts empty. */
    public CompletableFuture<Void> show(String name) {
        if (name != null && name.equals(functionName.get())) {
            return CompletableFuture.completedFuture(null);
        }
        unsubscribe.run();
        unsubscribe = () -> { };
        shown = null;
        cachedAt.set(null);
        selectedAlias.set(null);
        selectedVersion.set(null);
        functionName.set(name);
        versions.clear();
        aliases.clear();
        latest.set(null);
        functionArn.set("");
        provisioned = Optional.empty();
        if (name != null) {
            FunctionState state = states.of(name);
            unsubscribe = state.subscribe(s -> ui.fx().execute(() -> {
                if (name.equals(functionName.get())) {
                    apply(s);
                }
            }));
            state.current().ifPresentOrElse(this::apply, () -> showCached(name));
        }
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
        return Async.start(() -> states.of(name).load()).handleAsync((loaded, failure) -> {
            if (gen != generation) {
                return null;
            }
            loading.set(false);
            if (failure != null) {
                error.set("Could not load " + name + ": " + ErrorText.describe(failure));
                ui.notifier().failure("Loading " + name, failure);
            } else if (name.equals(functionName.get())) {
                apply(loaded);
                keep(loaded);
            }
            return null;
        }, ui.fx());
    }

    /** The versions and aliases this function had when last opened, until the read under way answers. */
    private void showCached(String name) {
        if (cache == ConnectionCache.none()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> cache.detail(name), ui.background()).thenAcceptAsync(cached -> {
            if (cached.isPresent() && name.equals(functionName.get()) && shown == null) {
                show(new FunctionSnapshot(name, cached.get().versions(), cached.get().aliases(), Optional.empty()));
                cachedAt.set(cached.get().savedAt());
            }
        }, ui.fx());
    }

    private void keep(FunctionSnapshot loaded) {
        if (cache != ConnectionCache.none()) {
            CachedDetail detail = new CachedDetail(loaded.functionName(), ui.clock().instant(), loaded.versions(), loaded.aliases());
            ui.background().execute(() -> cache.saveDetail(detail));
        }
    }

    /** A snapshot read from AWS: it replaces whatever the cache showed. */
    private void apply(FunctionSnapshot loaded) {
        cachedAt.set(null);
        show(loaded);
    }

    private void show(FunctionSnapshot loaded) {
        if (loaded.equals(shown)) {
            return;
        }
        shown = loaded;
        String keepVersion = selectedVersion.get() == null ? null : selectedVersion.get().version();
        String keepAlias = selectedAlias.get() == null ? null : selectedAlias.get().name();
        List<FunctionConfig> sorted = loaded.versions();
        latest.set(loaded.latest().orElse(null));
        functionArn.set(latest.get() == null ? "" : latest.get().functionArn().replace(":$LATEST", ""));
        replacing = true;
        try {
            versions.setAll(sorted.stream().map(c -> VersionRow.of(c, loaded.aliases())).toList());
            aliases.setAll(loaded.aliases());
        } finally {
            replacing = false;
        }
        provisioned = loaded.provisioned();
        selectedVersion.set(versions.stream().filter(r -> r.version().equals(keepVersion)).findFirst().orElse(null));
        selectedAlias.set(aliases.stream().filter(r -> r.name().equals(keepAlias)).findFirst().orElse(null));
    }

    /** The operator selected {@code alias} (or nothing) in a table; ignored while the lists are being replaced. */
    public void selectFromTable(AliasRoute alias) {
        if (!replacing) {
            selectedAlias.set(alias);
        }
    }

    /** Selects the alias of that name as this view holds it (after a write, say). */
    public void select(AliasRoute alias) {
        selectedAlias.set(this.alias(alias.name()).orElse(alias));
    }

    /** True while the version and alias lists are being replaced (a table's selection then blinks empty). */
    public boolean replacingLists() {
        return replacing;
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

    /**
     * When the versions and aliases shown were cached, while they have not been read afresh; null
     * otherwise. The write actions stay disabled meanwhile: a cached RevisionId is never sent.
     */
    public ReadOnlyObjectProperty<Instant> cachedAtProperty() {
        return cachedAt.getReadOnlyProperty();
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

    /**
     * The alias the alias actions act on: the one selected, while a tab that shows aliases (Aliases,
     * Canary) is in view; null otherwise, so no action reaches an alias the operator cannot see.
     */
    public ObjectBinding<AliasRoute> targetAliasProperty() {
        return targetAlias;
    }
}

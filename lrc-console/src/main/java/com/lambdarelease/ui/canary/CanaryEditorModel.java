package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.RoutingPreflight;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.AliasWriter;
import com.lambdarelease.release.FunctionSnapshot;
import com.lambdarelease.release.FunctionState;
import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.release.WeightParser;
import com.lambdarelease.release.WriteOutcome;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.common.WriteDialogs;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The canary editor of one alias: which version gets a share, how much, and Apply. Moving the
 * slider or typing only changes the pending split; Apply is the only thing that sends a request,
 * through the release core's {@link AliasWriter} (UpdateAlias with the RevisionId the alias was
 * read with). The alias comes from the function's one {@link FunctionState}, so a change made
 * anywhere in the console shows here at once. Lives on the FX thread.
 */
public final class CanaryEditorModel {

    public static final List<Double> PRESETS = List.of(1.0, 5.0, 10.0, 25.0, 50.0);

    private final AliasWriter writer;
    private final FunctionStates states;
    private final UiContext ui;

    private final ReadOnlyObjectWrapper<Optional<AliasRoute>> applied = new ReadOnlyObjectWrapper<>(this, "applied", Optional.empty());
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<String, FunctionConfig>> configs = new ReadOnlyObjectWrapper<>(this, "configs", Map.of());
    private final ObjectProperty<String> canaryVersion = new SimpleObjectProperty<>(this, "canaryVersion");
    private final DoubleProperty weightPercent = new SimpleDoubleProperty(this, "weightPercent", 0);
    private final StringProperty weightText = new SimpleStringProperty(this, "weightText", "0");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper(this, "inputError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    private final DoubleProperty ratePerMinute = new SimpleDoubleProperty(this, "ratePerMinute", 0);
    /** Provisioned concurrency per alias or version of the function; empty while unknown (loading or refused). */
    private final ReadOnlyObjectWrapper<Optional<Map<String, Integer>>> provisioned =
            new ReadOnlyObjectWrapper<>(this, "provisioned", Optional.empty());

    private final ObjectBinding<Optional<TrafficSplit>> pendingSplit;
    private final ObjectBinding<Optional<VersionComparison>> comparison;
    private final ObjectBinding<RoutingPreflight.Verdict> verdict;
    private final BooleanBinding pending;
    private final BooleanBinding canApply;
    private final ObservableValue<String> preview;
    private final ObservableValue<String> canaryRate;
    private final ObservableValue<String> blockers;
    private final ObservableValue<String> warning;

    private boolean typing;
    private boolean formatting;
    private long generation;
    private Runnable unsubscribe = () -> { };

    public CanaryEditorModel(AliasWriter writer, FunctionStates states, UiContext ui) {
        this.writer = writer;
        this.states = states;
        this.ui = ui;
        pendingSplit = Bindings.createObjectBinding(this::computeSplit, applied, canaryVersion, weightPercent);
        comparison = Bindings.createObjectBinding(this::computeComparison, applied, canaryVersion, configs);
        verdict = Bindings.createObjectBinding(this::computeVerdict, pendingSplit, configs, provisioned, applied);
        pending = Bindings.createBooleanBinding(() -> applied.get().isPresent()
                && !pendingSplit.get().equals(applied.get().map(AliasRoute::split)), applied, pendingSplit);
        blockers = verdict.map(v -> String.join("\n", v.refusals()));
        warning = verdict.map(v -> String.join("\n", v.warnings()));
        canApply = pending.and(busy.not()).and(inputError.isEmpty())
                .and(Bindings.createBooleanBinding(() -> pendingSplit.get().isPresent(), pendingSplit))
                .and(Bindings.createBooleanBinding(() -> verdict.get().allowed(), verdict));
        preview = pendingSplit.map(s -> s.map(TrafficSplit::arrows).orElse(""));
        canaryRate = Bindings.createStringBinding(this::rateText, pendingSplit, ratePerMinute);
        // Slider → text shows the 0.1 % step; text → slider when the typed text is a valid weight.
        // Neither writes back into the property that is notifying (a bidirectional binding would skip it).
        weightPercent.addListener((obs, old, now) -> {
            if (!typing) {
                formatting = true;
                try {
                    weightText.set(WeightParser.format(now.doubleValue()));
                } finally {
                    formatting = false;
                }
                inputError.set("");
            }
        });
        weightText.addListener((obs, old, now) -> {
            if (!formatting) {
                onTyped(now);
            }
        });
    }

    /**
     * Shows {@code route} as the applied state, with its function's versions from the one
     * function state (read once if no screen has yet), and follows that state from then on.
     */
    public CompletableFuture<Void> show(AliasRoute route) {
        long gen = ++generation;
        // The same alias read again (the host refreshed it): a pending change stays on screen.
        boolean keepPending = isShowing(route) && pending.get();
        String keptVersion = canaryVersion.get();
        double keptWeight = weightPercent.get();
        boolean sameFunction = applied.get().map(a -> a.functionName().equals(route.functionName())).orElse(false);
        applied.set(Optional.of(route));
        loadProblem.set("");
        if (!sameFunction) {
            candidates.clear();
            configs.set(Map.of());
            provisioned.set(Optional.empty());
        }
        if (keepPending) {
            canaryVersion.set(keptVersion);
            weightPercent.set(keptWeight);
        } else {
            resetTo(route.split());
        }
        unsubscribe.run();
        FunctionState state = states.of(route.functionName());
        unsubscribe = state.subscribe(s -> ui.fx().execute(() -> {
            if (gen == generation) {
                follow(s);
            }
        }));
        Optional<FunctionSnapshot> known = state.current();
        if (known.isPresent()) {
            follow(known.get());
            return CompletableFuture.completedFuture(null);
        }
        return state.load().handleAsync((s, error) -> {
            if (gen == generation && error != null) {
                loadProblem.set("Could not list the versions of " + route.functionName() + ": " + ErrorText.describe(error));
                route.split().canaryVersion().ifPresent(v -> {
                    if (!candidates.contains(v)) {
                        candidates.add(v);
                    }
                });
            }
            return null;
        }, ui.fx());
    }

    /** No alias selected (another function, or none): nothing to edit, nothing to apply. */
    public void clear() {
        ++generation;
        unsubscribe.run();
        unsubscribe = () -> { };
        applied.set(Optional.empty());
        candidates.clear();
        configs.set(Map.of());
        provisioned.set(Optional.empty());
        canaryVersion.set(null);
        weightPercent.set(0);
        inputError.set("");
        loadProblem.set("");
    }

    /** The function's state changed: new versions, and the alias as it is now (kept pending choice stays). */
    private void follow(FunctionSnapshot s) {
        Optional<AliasRoute> shown = applied.get();
        if (shown.isEmpty() || !shown.get().functionName().equals(s.functionName())) {
            return;
        }
        configs.set(s.versionsByNumber());
        provisioned.set(s.provisioned());
        Optional<AliasRoute> now = s.alias(shown.get().name());
        if (now.isPresent() && !now.get().equals(shown.get())) {
            boolean keep = pending.get();
            String version = canaryVersion.get();
            double weight = weightPercent.get();
            applied.set(now);
            if (keep) {
                canaryVersion.set(version);
                weightPercent.set(weight);
            } else {
                resetTo(now.get().split());
            }
        }
        String primary = applied.get().orElseThrow().split().primaryVersion();
        List<String> others = s.versions().stream().filter(c -> !c.isLatest() && !c.version().equals(primary))
                .map(FunctionConfig::version).toList();
        String chosen = canaryVersion.get();
        candidates.setAll(others);
        canaryVersion.set(chosen != null && others.contains(chosen) ? chosen : others.isEmpty() ? null : others.get(0));
    }

    /** Back to the applied split: the pending change is dropped. */
    public void reset() {
        applied.get().ifPresent(a -> resetTo(a.split()));
    }

    public void choosePreset(double percent) {
        weightPercent.set(percent);
    }

    /**
     * Confirms before → after, then sends ONE UpdateAlias through the alias writer. Does nothing
     * (sends nothing) when the typed weight is refused, nothing changed, or AWS's routing rules
     * would refuse the split. A stale RevisionId ends in the conflict dialog, never in an overwrite.
     */
    public CompletableFuture<Void> apply() {
        onTyped(weightText.get());
        if (!canApply.get()) {
            return CompletableFuture.completedFuture(null);
        }
        AliasRoute basedOn = applied.get().orElseThrow();
        TrafficSplit after = pendingSplit.get().orElseThrow();
        busy.set(true);
        AliasChange change = AliasChange.update(basedOn, after, basedOn.description());
        return WriteDialogs.confirmAndWrite(ui, writer, change, "Apply")
                .thenComposeAsync(outcome -> {
                    busy.set(false);
                    if (outcome.isEmpty()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    WriteOutcome o = outcome.get();
                    if (o instanceof WriteOutcome.Applied a && isShowing(basedOn)) {
                        a.after().ifPresent(now -> applied.set(Optional.of(now)));
                    }
                    return WriteDialogs.report(ui, o).thenAccept(reload -> {
                        if (reload && isShowing(basedOn)) {
                            states.of(basedOn.functionName()).load();
                        }
                    });
                }, ui.fx());
    }

    private boolean isShowing(AliasRoute route) {
        return applied.get().filter(a -> a.functionName().equals(route.functionName())
                && a.name().equals(route.name())).isPresent();
    }

    private void resetTo(TrafficSplit split) {
        canaryVersion.set(split.canaryVersion().orElse(candidates.isEmpty() ? null : candidates.get(0)));
        weightPercent.set(Weight.percent(split.canaryWeight()));
        weightText.set(WeightParser.format(weightPercent.get()));
        inputError.set("");
    }

    private void onTyped(String text) {
        WeightParser.Parsed parsed = WeightParser.parse(text);
        if (!parsed.valid()) {
            inputError.set(parsed.error());
            return;
        }
        typing = true;
        try {
            weightPercent.set(parsed.percent().get());
        } finally {
            typing = false;
        }
        inputError.set("");
    }

    private Optional<TrafficSplit> computeSplit() {
        Optional<AliasRoute> route = applied.get();
        if (route.isEmpty()) {
            return Optional.empty();
        }
        String primary = route.get().split().primaryVersion();
        String canary = canaryVersion.get();
        double weight = Weight.toAws(weightPercent.get()); // the slider moves in 0.1 % steps
        if (canary == null || weight == 0) {
            return Optional.of(TrafficSplit.allTo(primary));
        }
        try {
            return Optional.of(TrafficSplit.canary(primary, canary, weight));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private RoutingPreflight.Verdict computeVerdict() {
        Optional<TrafficSplit> split = pendingSplit.get();
        if (split.isEmpty() || applied.get().isEmpty() || configs.get().isEmpty()) {
            return RoutingPreflight.Verdict.clear(); // nothing to check yet; Apply checks again before sending
        }
        return RoutingPreflight.check(applied.get().get().name(), split.get(), configs.get(), provisioned.get());
    }

    private Optional<VersionComparison> computeComparison() {
        String canary = canaryVersion.get();
        Map<String, FunctionConfig> known = configs.get();
        return applied.get().flatMap(a -> Optional.ofNullable(known.get(a.split().primaryVersion())))
                .flatMap(p -> Optional.ofNullable(canary == null ? null : known.get(canary))
                        .map(c -> VersionComparison.of(p, c)));
    }

    private String rateText() {
        double rate = ratePerMinute.get();
        return pendingSplit.get().filter(TrafficSplit::isSplit).map(s -> String.format(Locale.ROOT,
                "≈ %.1f requests/min to v%s at the current %.1f requests/min", rate * s.canaryWeight(),
                s.canaryVersion().get(), rate)).orElse(String.format(Locale.ROOT,
                "No canary: all %.1f requests/min to the primary version", rate));
    }

    public ReadOnlyObjectProperty<Optional<AliasRoute>> appliedProperty() { return applied.getReadOnlyProperty(); }
    public ObservableList<String> candidates() { return FXCollections.unmodifiableObservableList(candidates); }
    public ObjectProperty<String> canaryVersionProperty() { return canaryVersion; }
    public DoubleProperty weightPercentProperty() { return weightPercent; }
    public StringProperty weightTextProperty() { return weightText; }
    public ReadOnlyStringProperty inputErrorProperty() { return inputError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadProblemProperty() { return loadProblem.getReadOnlyProperty(); }
    /** Fed from the metrics: the alias's current invocations per minute. */
    public DoubleProperty ratePerMinuteProperty() { return ratePerMinute; }
    public ObservableValue<Optional<TrafficSplit>> pendingSplit() { return pendingSplit; }
    public ObservableValue<Optional<VersionComparison>> comparison() { return comparison; }
    public BooleanBinding pending() { return pending; }
    public BooleanBinding canApply() { return canApply; }
    public ObservableValue<String> preview() { return preview; }
    public ObservableValue<String> canaryRate() { return canaryRate; }
    /** AWS's routing rules this choice breaks, one per line; empty when none. */
    public ObservableValue<String> blockers() { return blockers; }
    /** The provisioned-concurrency caution for the pending split; empty when it does not apply. */
    public ObservableValue<String> warning() {
        return warning;
    }
}

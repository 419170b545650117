package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.PreconditionFailedException;
import com.lambdarelease.ui.canary.RoutingChangeLog.RoutingChange;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
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
import javafx.collections.ObservableMap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The canary editor of one alias: which version gets a share, how much, and Apply. Moving the
 * slider or typing only changes the pending split; Apply is the only thing that sends a request
 * (UpdateAlias with the RevisionId the alias was read with). Lives on the FX thread.
 */
public final class CanaryEditorModel {

    public static final List<Double> PRESETS = List.of(1.0, 5.0, 10.0, 25.0, 50.0);
    static final String PROVISIONED_CONCURRENCY_UNKNOWN = "Provisioned concurrency could not be checked. If this "
            + "alias or its versions have some, a weighted split sends requests to environments that are not warm.";

    private final LambdaService lambda;
    private final UiContext ui;
    private final Clock dataClock;
    private final RoutingChangeLog log;

    private final ReadOnlyObjectWrapper<Optional<AliasRoute>> applied = new ReadOnlyObjectWrapper<>(this, "applied", Optional.empty());
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final ObservableMap<String, FunctionConfig> configs = FXCollections.observableHashMap();
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
    private final BooleanBinding pending;
    private final BooleanBinding canApply;
    private final ObservableValue<String> preview;
    private final ObservableValue<String> canaryRate;
    private final ObservableValue<String> blockers;
    private final ObservableValue<String> warning;

    private boolean typing;
    private boolean formatting;
    private long generation;

    public CanaryEditorModel(LambdaService lambda, UiContext ui, Clock dataClock, RoutingChangeLog log) {
        this.lambda = lambda;
        this.ui = ui;
        this.dataClock = dataClock;
        this.log = log;
        pendingSplit = Bindings.createObjectBinding(this::computeSplit, applied, canaryVersion, weightPercent);
        comparison = Bindings.createObjectBinding(this::computeComparison, applied, canaryVersion, configs);
        pending = Bindings.createBooleanBinding(() -> applied.get().isPresent()
                && !pendingSplit.get().equals(applied.get().map(AliasRoute::split)), applied, pendingSplit);
        blockers = comparison.map(c -> c.map(cmp -> String.join("\n", cmp.blockers())).orElse(""));
        canApply = pending.and(busy.not()).and(inputError.isEmpty())
                .and(Bindings.createBooleanBinding(() -> pendingSplit.get().isPresent(), pendingSplit))
                .and(Bindings.createBooleanBinding(this::splitAllowed, pendingSplit, blockers));
        preview = pendingSplit.map(s -> s.map(CanaryEditorModel::arrows).orElse(""));
        canaryRate = Bindings.createStringBinding(this::rateText, pendingSplit, ratePerMinute);
        warning = Bindings.createStringBinding(this::warningText, pendingSplit, provisioned);
        // Slider → text shows the 0.1 % step; text → slider when the typed text is a valid weight.
        // Neither writes back into the property that is notifying (a bidirectional binding would skip it).
        weightPercent.addListener((obs, old, now) -> {
            if (!typing) {
                formatting = true;
                try {
                    weightText.set(WeightInput.format(now.doubleValue()));
                } finally {
                    formatting = false;
                }
            }
            inputError.set("");
        });
        weightText.addListener((obs, old, now) -> {
            if (!formatting) {
                onTyped(now);
            }
        });
    }

    /** Loads {@code route} as the applied state and reads the function's versions for the choice. */
    public CompletableFuture<Void> show(AliasRoute route) {
        long gen = ++generation;
        // The same alias read again (the host refreshed it): a pending change stays on screen.
        boolean keepPending = isShowing(route) && pending.get();
        String keptVersion = canaryVersion.get();
        double keptWeight = weightPercent.get();
        applied.set(Optional.of(route));
        candidates.clear();
        configs.clear();
        loadProblem.set("");
        if (keepPending) {
            canaryVersion.set(keptVersion);
            weightPercent.set(keptWeight);
        } else {
            resetTo(route.split());
        }
        provisioned.set(Optional.empty());
        CompletableFuture<Void> pc = lambda.provisionedConcurrency(route.functionName()).handleAsync((map, error) -> {
            if (gen == generation && error == null) {
                provisioned.set(Optional.of(Map.copyOf(map)));
            }
            return null;
        }, ui.fx());
        CompletableFuture<Void> listed = lambda.listVersions(route.functionName()).handleAsync((versions, error) -> {
                if (gen != generation) {
                    return null;
                }
                if (error != null) {
                    loadProblem.set("Could not list the versions of " + route.functionName() + ": " + ErrorText.describe(error));
                    route.split().canaryVersion().ifPresent(candidates::add);
                    return null;
                }
                versions.forEach(c -> configs.put(c.version(), c));
                String primary = route.split().primaryVersion();
                List<String> others = versions.stream().filter(c -> !c.isLatest() && !c.version().equals(primary))
                        .sorted(FunctionConfig.NEWEST_FIRST).map(FunctionConfig::version).toList();
                if (canaryVersion.get() == null && !others.isEmpty()) {
                    canaryVersion.set(others.get(0));
                }
                candidates.setAll(others);
                return null;
        }, ui.fx());
        return CompletableFuture.allOf(pc, listed);
    }

    /** Back to the applied split: the pending change is dropped. */
    public void reset() {
        applied.get().ifPresent(a -> resetTo(a.split()));
    }

    public void choosePreset(double percent) {
        weightPercent.set(percent);
    }

    /**
     * Confirms before → after, then sends ONE UpdateAlias. Does nothing (sends nothing) when the
     * typed weight is invalid, nothing changed, or AWS's routing rules would refuse the split.
     * A stale RevisionId ends in the conflict dialog, never in an overwrite.
     */
    public CompletableFuture<Void> apply() {
        onTyped(weightText.get());
        if (!canApply.get()) {
            return CompletableFuture.completedFuture(null);
        }
        AliasRoute basedOn = applied.get().orElseThrow();
        TrafficSplit after = pendingSplit.get().orElseThrow();
        String title = "Change the traffic split of " + basedOn.functionName() + ":" + basedOn.name();
        busy.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        ui.dialogs().confirmChange(title, "Apply", arrows(basedOn.split()), arrows(after) + (warning.getValue().isEmpty() ? "" : "\n\n" + warning.getValue()))
                .whenCompleteAsync((ok, dialogError) -> {
                    if (!Boolean.TRUE.equals(ok)) {
                        busy.set(false);
                        done.complete(null);
                        return;
                    }
                    lambda.updateAlias(basedOn, after, basedOn.description())
                            .whenCompleteAsync((route, error) -> {
                                if (error == null) {
                                    applied(basedOn, route, done);
                                } else {
                                    failed(title, basedOn, after, error, done);
                                }
                            }, ui.fx());
                }, ui.fx());
        return done;
    }

    private void applied(AliasRoute before, AliasRoute now, CompletableFuture<Void> done) {
        busy.set(false);
        applied.set(Optional.of(now));
        log.record(new RoutingChange(now.functionName(), now.name(), dataClock.instant(), before.split(), now.split()));
        ui.notifier().success(now.functionName() + ":" + now.name() + " now sends " + arrows(now.split()));
        done.complete(null);
    }

    private void failed(String title, AliasRoute basedOn, TrafficSplit wanted, Throwable error,
                        CompletableFuture<Void> done) {
        if (!(AwsErrors.translate(error) instanceof PreconditionFailedException)) {
            busy.set(false);
            ui.dialogs().showError("Could not change the traffic split", error);
            done.complete(null);
            return;
        }
        lambda.getAlias(basedOn.functionName(), basedOn.name()).whenCompleteAsync((theirs, readError) -> {
            busy.set(false);
            String theirState = theirs != null ? arrows(theirs.split()) + " (revision " + theirs.revisionId() + ")"
                    : "unknown: " + ErrorText.describe(readError);
            ui.dialogs().showConflict(title, arrows(wanted), theirState).whenCompleteAsync((reload, e) -> {
                if (Boolean.TRUE.equals(reload) && theirs != null && isShowing(basedOn)) {
                    reloadKeepingChoice(theirs);
                }
                done.complete(null);
            }, ui.fx());
        }, ui.fx());
    }

    /** Someone else's state becomes the applied one; the operator's pending choice stays on screen. */
    private void reloadKeepingChoice(AliasRoute theirs) {
        String version = canaryVersion.get();
        double weight = weightPercent.get();
        applied.set(Optional.of(theirs));
        canaryVersion.set(version);
        weightPercent.set(weight);
    }

    private boolean isShowing(AliasRoute route) {
        return applied.get().filter(a -> a.functionName().equals(route.functionName())
                && a.name().equals(route.name())).isPresent();
    }

    private void resetTo(TrafficSplit split) {
        canaryVersion.set(split.canaryVersion().orElse(candidates.isEmpty() ? null : candidates.get(0)));
        weightPercent.set(WeightInput.round(split.canaryWeight() * 100));
        weightText.set(WeightInput.format(weightPercent.get()));
        inputError.set("");
    }

    private void onTyped(String text) {
        WeightInput.Parsed parsed = WeightInput.parse(text);
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
        double weight = WeightInput.toWeight(weightPercent.get());
        if (canary == null || weight == 0) {
            return Optional.of(TrafficSplit.allTo(primary));
        }
        try {
            return Optional.of(TrafficSplit.canary(primary, canary, weight));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private Optional<VersionComparison> computeComparison() {
        String canary = canaryVersion.get();
        return applied.get().flatMap(a -> Optional.ofNullable(configs.get(a.split().primaryVersion())))
                .flatMap(p -> Optional.ofNullable(canary == null ? null : configs.get(canary))
                        .map(c -> VersionComparison.of(p, c)));
    }

    private boolean splitAllowed() {
        boolean split = pendingSplit.get().map(TrafficSplit::isSplit).orElse(false);
        return !split || blockers.getValue().isEmpty();
    }

    private String rateText() {
        double rate = ratePerMinute.get();
        return pendingSplit.get().filter(TrafficSplit::isSplit).map(s -> String.format(Locale.ROOT,
                "≈ %.1f requests/min to v%s at the current %.1f requests/min", rate * s.canaryWeight(),
                s.canaryVersion().get(), rate)).orElse(String.format(Locale.ROOT,
                "No canary: all %.1f requests/min to the primary version", rate));
    }

    /** AWS's spill-over caveat, named precisely when the function's provisioned concurrency is known. */
    private String warningText() {
        Optional<TrafficSplit> split = pendingSplit.get().filter(TrafficSplit::isSplit);
        Optional<AliasRoute> route = applied.get();
        if (split.isEmpty() || route.isEmpty()) {
            return "";
        }
        if (provisioned.get().isEmpty()) {
            return PROVISIONED_CONCURRENCY_UNKNOWN;
        }
        Map<String, Integer> pc = provisioned.get().get();
        List<String> where = new ArrayList<>();
        if (pc.containsKey(route.get().name())) {
            where.add("alias " + route.get().name() + " (" + pc.get(route.get().name()) + ")");
        }
        for (String v : List.of(split.get().primaryVersion(), split.get().canaryVersion().orElseThrow())) {
            if (pc.containsKey(v)) {
                where.add("v" + v + " (" + pc.get(v) + ")");
            }
        }
        return where.isEmpty() ? "" : "Provisioned concurrency on " + String.join(", ", where) + ": with weighted "
                + "routing, requests can go to environments that are not warm (spill-over, counted as "
                + "ProvisionedConcurrencySpilloverInvocations). Expect cold starts on the canary.";
    }

    /** "90% → v3 · 10% → v4", or "100% → v3". */
    static String arrows(TrafficSplit split) {
        String primary = TrafficSplit.percent(split.primaryWeight()) + " → v" + split.primaryVersion();
        return split.canaryVersion().map(c -> primary + " · " + TrafficSplit.percent(split.canaryWeight()) + " → v" + c)
                .orElse(primary);
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

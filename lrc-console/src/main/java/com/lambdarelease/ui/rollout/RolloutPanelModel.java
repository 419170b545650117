package com.lambdarelease.ui.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.release.FunctionSnapshot;
import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.rollout.Awaiting;
import com.lambdarelease.rollout.CanaryReplacement;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.rollout.RolloutSettings;
import com.lambdarelease.rollout.RolloutSnapshot;
import com.lambdarelease.rollout.RolloutState;
import com.lambdarelease.rollout.Verdict;
import com.lambdarelease.release.WeightParser;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Rollouts panel of one alias, without a {@code Node}: the plan and version to roll out, Start
 * (after a confirmation naming function:alias and the plan), the live progress and the "why" of the
 * rollout this console drives for the alias (or recovers from the journal), the operator's controls,
 * each enabled only where it applies, and the alias's past rollouts. Called on the FX thread; the
 * engine's listeners arrive there too (through {@link UiContext#fx()}).
 */
public final class RolloutPanelModel {

    private final ConsoleRollouts rollouts;
    private final FunctionStates states;
    private final UiContext ui;
    private final ReadOnlyObjectWrapper<Optional<AliasRoute>> alias = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<RolloutPlan> plans = FXCollections.observableArrayList();
    private final ObjectProperty<RolloutPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Optional<RolloutSnapshot>> snapshot = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<RolloutWhy.Line> why = FXCollections.observableArrayList();
    private final ObservableList<RolloutHistory.Row> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper drivenElsewhere = new ReadOnlyBooleanWrapper(false);
    /** Another console's lease on the alias (a rollout this one does not drive), as last read. */
    private final ReadOnlyObjectWrapper<Optional<com.lambdarelease.rollout.RolloutLease>> remoteLease =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty weightText = new SimpleStringProperty("");
    private final javafx.beans.binding.StringBinding weightProblem = Bindings.createStringBinding(
            () -> weightRefusal(weightText.get()).orElse(""), weightText);
    private final javafx.beans.property.BooleanProperty pauseOnFailure = new javafx.beans.property.SimpleBooleanProperty(false);
    // One read-only view of each list: a wrapper made per call would drop its listeners when collected.
    private final ObservableList<String> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<RolloutWhy.Line> whyView = FXCollections.unmodifiableObservableList(why);
    private final ObservableList<RolloutHistory.Row> historyView = FXCollections.unmodifiableObservableList(history);
    private Optional<Rollout> rollout = Optional.empty();
    private Runnable unsubscribe = () -> { };
    private Runnable unfollowVersions = () -> { };
    private int generation;

    private final BooleanBinding running;
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canSkipBake;
    private final BooleanBinding canApproveGate;
    private final BooleanBinding canAcceptRisk;
    private final BooleanBinding canOverride;
    private final BooleanBinding canSetWeight;
    private final BooleanBinding canAbort;
    private final BooleanBinding canTakeOver;

    public RolloutPanelModel(ConsoleRollouts rollouts, FunctionStates states, UiContext ui) {
        this.rollouts = rollouts;
        this.states = states;
        this.ui = ui;
        running = when(s -> !s.finished());
        canStart = Bindings.createBooleanBinding(() -> alias.get().isPresent() && !busy.get() && plan.get() != null
                        && target.get() != null && !running.get() && !drivenElsewhere.get(),
                alias, busy, plan, target, running, drivenElsewhere);
        canTakeOver = Bindings.createBooleanBinding(() -> !busy.get() && remoteLease.get()
                .filter(l -> l.stale(rollouts.clock().instant())).isPresent(), busy, remoteLease);
        canPause = idle(when(s -> !s.finished() && s.state() != RolloutState.PAUSED));
        canResume = idle(when(s -> s.state() == RolloutState.PAUSED));
        canSkipBake = idle(when(s -> s.state() == RolloutState.BAKING));
        canApproveGate = idle(when(s -> onGate(s) && s.awaitingOperator().isPresent()));
        canAcceptRisk = idle(when(s -> s.state() == RolloutState.HOLDING && !onGate(s)
                && s.verdict().result() == Verdict.Result.INCONCLUSIVE).and(reason.isNotEmpty()));
        // A gate that failed and paused stays overridable even when a later minute brings the statistic back
        // under its threshold (the engine keeps judging while paused; the pause is what needs the operator).
        canOverride = idle(when(s -> !s.finished() && (s.verdict().result().failing() || (s.state() == RolloutState.PAUSED
                && s.awaitingOperator().filter(Awaiting::overridable).isPresent()))).and(reason.isNotEmpty()));
        canSetWeight = idle(when(s -> !s.finished() && s.state() != RolloutState.PROMOTING
                && s.state() != RolloutState.ROLLING_BACK && s.state() != RolloutState.SHIFTING)
                .and(Bindings.createBooleanBinding(() -> parsedWeight().isPresent(), weightText)));
        canAbort = idle(when(s -> !s.finished() && s.state() != RolloutState.ROLLING_BACK));
    }

    private BooleanBinding when(java.util.function.Predicate<RolloutSnapshot> test) {
        return Bindings.createBooleanBinding(() -> snapshot.get().filter(test).isPresent(), snapshot);
    }

    private BooleanBinding idle(BooleanBinding b) {
        return b.and(busy.not());
    }

    private static boolean onGate(RolloutSnapshot s) {
        return s.step() >= 0 && s.step() < s.plan().steps().size()
                && s.plan().steps().get(s.step()).kind() == RolloutPlan.Kind.GATE;
    }

    // ---- which alias -------------------------------------------------------------------------

    /**
     * Shows the panel of {@code route} (null: none). The same alias read again (after a write) only
     * updates what it holds; another alias loads its versions, plans and history and picks up its
     * rollout: the one this console drives, or an unfinished one from the journal nobody drives.
     */
    public CompletableFuture<Void> show(AliasRoute route) {
        if (route == null) {
            clear();
            return CompletableFuture.completedFuture(null);
        }
        Optional<AliasRoute> was = alias.get();
        alias.set(Optional.of(route));
        if (was.isPresent() && was.get().functionName().equals(route.functionName())
                && was.get().name().equals(route.name())) {
            return CompletableFuture.completedFuture(null);
        }
        int gen = ++generation;
        detachRollout();
        problem.set("");
        drivenElsewhere.set(false);
        remoteLease.set(Optional.empty());
        versions.clear();
        target.set(null);
        history.clear();
        followVersions(route, gen);
        CompletableFuture<Void> plansLoaded = CompletableFuture.supplyAsync(() -> rollouts.plans().all(), ui.background())
                .handleAsync((all, e) -> {
                    if (gen == generation) {
                        RolloutPlan chosen = plan.get();
                        plans.setAll(e == null ? all : RolloutPlan.predefined());
                        plan.set(chosen != null && plans.contains(chosen) ? chosen
                                : plans.stream().filter(p -> p.name().equals("Linear10PercentEvery1Minute")).findFirst()
                                .orElse(plans.get(0)));
                    }
                    return null;
                }, ui.fx());
        CompletableFuture<Void> recovered = offFx(() -> rollouts.recover(route.functionName(), route.name()))
                .handleAsync((found, e) -> {
                    if (gen != generation) {
                        return null;
                    }
                    if (e != null) {
                        problem.set(com.lambdarelease.ui.common.ErrorText.describe(e));
                    } else {
                        found.ifPresent(this::attachRollout);
                        drivenElsewhere.set(found.isEmpty() && rollouts.drivenElsewhere(route.functionName(), route.name()));
                        if (drivenElsewhere.get()) {
                            problem.set("Another process (the command line, or another window) drives a rollout of "
                                    + route.functionName() + ":" + route.name() + "; control it there with `lrc rollout "
                                    + "pause|resume|approve|abort`.");
                        } else if (found.isEmpty()) {
                            readLease(route, gen);
                        }
                    }
                    return null;
                }, ui.fx());
        return CompletableFuture.allOf(plansLoaded, recovered, reloadHistory());
    }

    /**
     * A rollout another console (on any machine) drives, or drove until its driver stopped: its lease on the function
     * says whose it is. Start is disabled while it lasts; a stale one can be taken over.
     */
    private void readLease(AliasRoute route, int gen) {
        offFx(() -> rollouts.lease(route.functionName(), route.name())).handleAsync((lease, e) -> {
            if (gen != generation) {
                return null;
            }
            if (e != null) {
                problem.set("Could not read whether another console drives a rollout of " + route.functionName() + ":"
                        + route.name() + ": " + com.lambdarelease.ui.common.ErrorText.describe(e));
                return null;
            }
            remoteLease.set(lease);
            lease.ifPresent(l -> {
                drivenElsewhere.set(true);
                java.time.Instant now = rollouts.clock().instant();
                problem.set(l.sentence(now) + (l.stale(now) ? " Take over… drives it from here." : " Control it there."));
                // Watched while shown: its driver may stop (Take over… appears) or finish (the panel frees up).
                ui.background().schedule(() -> ui.fx().execute(() -> {
                    if (gen == generation) {
                        readLease(route, gen);
                    }
                }), Math.max(1, Math.round(LEASE_WATCH.toMillis() / rollouts.clockSpeed())), java.util.concurrent.TimeUnit.MILLISECONDS);
            });
            if (lease.isEmpty() && drivenElsewhere.get()) {
                drivenElsewhere.set(false); // the other console's rollout ended
                problem.set("");
            }
            return null;
        }, ui.fx());
    }

    /** How often another console's lease is read again while shown. */
    static final java.time.Duration LEASE_WATCH = java.time.Duration.ofSeconds(30);

    /** Reads another console's lease on the shown alias again now (what the watch does every half minute). */
    void refreshLease() {
        alias.get().ifPresent(a -> readLease(a, generation));
    }

    /**
     * Takes over the rollout whose lease went stale, after a confirmation naming its owner and last heartbeat; then
     * drives it here (recovered as the journal it carried says: paused when the alias moved since).
     */
    public CompletableFuture<Boolean> takeOver() {
        if (!canTakeOver.get()) {
            return CompletableFuture.completedFuture(false);
        }
        com.lambdarelease.rollout.RolloutLease l = remoteLease.get().orElseThrow();
        int gen = generation;
        String qualified = l.function() + ":" + l.alias();
        java.time.Instant now = rollouts.clock().instant();
        return ui.dialogs().confirmChange("Take over the rollout of " + qualified + "?", "Take over",
                "Driven by " + l.owner() + (l.ownerArn().isEmpty() ? "" : " (" + l.ownerArn() + ")") + ", step " + l.step(),
                "Driven from this console",
                List.of(l.sentence(now), "The takeover is journalled; the rollout goes on from its last recorded "
                        + "state, paused if the alias changed since.")).thenComposeAsync(ok -> {
            if (!ok || gen != generation) {
                return CompletableFuture.completedFuture(false);
            }
            busy.set(true);
            problem.set("");
            return offFx(() -> rollouts.takeOver(l, "taken over in the console")).handleAsync((r, e) -> {
                busy.set(false);
                if (e != null) {
                    fail("Could not take over the rollout of " + qualified, e);
                    return false;
                }
                if (gen == generation) {
                    remoteLease.set(Optional.empty());
                    drivenElsewhere.set(false);
                    r.ifPresent(this::attachRollout);
                    reloadHistory();
                }
                return r.isPresent();
            }, ui.fx());
        }, ui.fx());
    }

    /** No alias: nothing to start, nothing shown. A rollout in flight goes on (the timer drives it). */
    public void clear() {
        ++generation;
        detachRollout();
        unfollowVersions.run();
        unfollowVersions = () -> { };
        alias.set(Optional.empty());
        versions.clear();
        target.set(null);
        history.clear();
        problem.set("");
        drivenElsewhere.set(false);
        remoteLease.set(Optional.empty());
    }

    private void followVersions(AliasRoute route, int gen) {
        unfollowVersions.run();
        var state = states.of(route.functionName());
        unfollowVersions = state.subscribe(s -> ui.fx().execute(() -> {
            if (gen == generation) {
                offerVersions(s);
            }
        }));
        state.current().ifPresentOrElse(this::offerVersions, () -> state.load().whenCompleteAsync((s, e) -> {
            if (gen == generation && s != null) {
                offerVersions(s);
            }
        }, ui.fx()));
    }

    private void offerVersions(FunctionSnapshot s) {
        Optional<AliasRoute> a = alias.get();
        if (a.isEmpty() || !a.get().functionName().equals(s.functionName())) {
            return;
        }
        s.alias(a.get().name()).ifPresent(now -> alias.set(Optional.of(now)));
        String primary = alias.get().orElseThrow().split().primaryVersion();
        List<String> others = s.versions().stream().filter(c -> !c.isLatest() && !c.version().equals(primary))
                .map(FunctionConfig::version).toList();
        String chosen = target.get();
        versions.setAll(others);
        // The alias's canary, if it has one, else the newest: what an operator most likely rolls out.
        String preferred = alias.get().orElseThrow().split().canaryVersion().filter(others::contains)
                .orElse(others.isEmpty() ? null : others.get(0));
        target.set(chosen != null && others.contains(chosen) ? chosen : preferred);
    }

    /** Reads the alias's past rollouts from the journal (off the FX thread). */
    public CompletableFuture<Void> reloadHistory() {
        Optional<AliasRoute> a = alias.get();
        if (a.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        int gen = generation;
        return CompletableFuture.supplyAsync(() -> rollouts.history(a.get().functionName(), a.get().name()), ui.background())
                .handleAsync((rows, e) -> {
                    if (gen == generation && e == null) {
                        history.setAll(rows);
                    }
                    return null;
                }, ui.fx());
    }

    private void attachRollout(Rollout r) {
        detachRollout();
        rollout = Optional.of(r);
        int gen = generation;
        unsubscribe = r.subscribe(s -> {
            if (gen == generation) {
                showSnapshot(s);
            }
        });
        showSnapshot(r.snapshot());
    }

    private void detachRollout() {
        unsubscribe.run();
        unsubscribe = () -> { };
        rollout = Optional.empty();
        snapshot.set(Optional.empty());
        why.clear();
    }

    private void showSnapshot(RolloutSnapshot s) {
        boolean wasRunning = snapshot.get().filter(x -> !x.finished()).isPresent();
        snapshot.set(Optional.of(s));
        why.setAll(RolloutWhy.of(s, ui.clock().getZone()));
        if (s.finished() && wasRunning) {
            reloadHistory();
        }
    }

    // ---- commands ----------------------------------------------------------------------------

    /**
     * Asks the operator to confirm (naming function:alias, version and plan), then starts; the timer
     * drives it on. On an alias that already sends a share to another version the confirmation says
     * so and has the operator tick "Replace v8's 10% with v9"; without the tick nothing is sent.
     */
    public CompletableFuture<Boolean> start() {
        if (!canStart.get()) {
            return CompletableFuture.completedFuture(false);
        }
        AliasRoute a = alias.get().orElseThrow();
        RolloutPlan p = plan.get();
        String version = target.get();
        int gen = generation;
        String qualified = a.functionName() + ":" + a.name();
        Optional<CanaryReplacement> replacing = CanaryReplacement.of(a, version);
        String title = "Roll out v" + version + " to " + qualified + " by " + p.name() + "?";
        String before = qualified + " sends " + a.split().arrows();
        String after = "v" + version + " by " + p.name() + ": " + p.describe();
        List<String> notes = new java.util.ArrayList<>(List.of("Each step ends only when the gates pass and the "
                + "evidence is in; a failing gate restores " + a.split().arrows() + " exactly."));
        replacing.ifPresent(r -> notes.add(0, r.current() + ", and an alias routes to one additional version: the "
                + "rollout replaces " + r.share() + " with v" + version + ". A roll back restores it."));
        CompletableFuture<Boolean> confirmed = offFx(() -> rollouts.startFacts(a))
                .exceptionally(e -> List.of("Who it is driven as and who else owns the alias could not be read: "
                        + com.lambdarelease.ui.common.ErrorText.describe(e)))
                .thenComposeAsync(facts -> {
                    notes.addAll(facts); // the owners' warnings, then who it is driven as
                    return replacing.isPresent()
                            ? ui.dialogs().confirmChange(title, "Start rollout", before, after, notes, replacing.get().choice())
                            : ui.dialogs().confirmChange(title, "Start rollout", before, after, notes);
                }, ui.fx());
        return confirmed.thenComposeAsync(ok -> {
            if (!ok || gen != generation) {
                return CompletableFuture.completedFuture(false);
            }
            busy.set(true);
            problem.set("");
            return offFx(() -> rollouts.start(new RolloutEngine.Request(a.functionName(), a.name(), version,
                            p, RolloutSettings.defaults().withRollbackOnFailure(!pauseOnFailure.get()),
                            replacing.isPresent())))
                    .handleAsync((r, e) -> {
                        busy.set(false);
                        if (e != null) {
                            fail("Could not start the rollout of " + qualified, e);
                            return false;
                        }
                        if (gen == generation) {
                            attachRollout(r);
                            reloadHistory();
                        }
                        return true;
                    }, ui.fx());
        }, ui.fx());
    }

    public CompletableFuture<Boolean> pause() {
        return control(canPause, r -> r.pause(reason.get().strip()));
    }

    public CompletableFuture<Boolean> resume() {
        return control(canResume, Rollout::resume);
    }

    public CompletableFuture<Boolean> skipBake() {
        return control(canSkipBake, Rollout::skipBake);
    }

    public CompletableFuture<Boolean> approveGate() {
        return control(canApproveGate, Rollout::approveGate);
    }

    /** Promotes on less evidence than the rule asks, with the reason typed (recorded in the journal). */
    public CompletableFuture<Boolean> acceptRisk() {
        return control(canAcceptRisk, r -> r.acceptRisk(reason.get().strip()));
    }

    /** Goes on past a failing gate for the rest of the step, with the reason typed (recorded). */
    public CompletableFuture<Boolean> overrideGate() {
        return control(canOverride, r -> r.overrideGate(reason.get().strip()));
    }

    /** Sends the typed weight to the new version now, after a confirmation. */
    public CompletableFuture<Boolean> setWeight() {
        Optional<Double> w = parsedWeight();
        if (!canSetWeight.get() || w.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        RolloutSnapshot s = snapshot.get().orElseThrow();
        return ui.dialogs().confirmChange("Set the weight of v" + s.targetVersion() + " on " + s.qualifiedName() + "?",
                "Set weight", "v" + s.targetVersion() + " at " + WeightParser.format(s.canaryPercent()) + "%",
                "v" + s.targetVersion() + " at " + WeightParser.format(w.get()) + "%, the step's bake starts again")
                .thenComposeAsync(ok -> ok ? control(canSetWeight, r -> r.setWeight(w.get()))
                        : CompletableFuture.completedFuture(false), ui.fx());
    }

    /** After a confirmation saying what it restores: rolls back to the exact baseline. */
    public CompletableFuture<Boolean> abort() {
        if (!canAbort.get()) {
            return CompletableFuture.completedFuture(false);
        }
        RolloutSnapshot s = snapshot.get().orElseThrow();
        return ui.dialogs().confirmChange("Abort the rollout of v" + s.targetVersion() + " on " + s.qualifiedName() + "?",
                "Abort and roll back", s.qualifiedName() + " sends " + WeightParser.format(s.canaryPercent()) + "% → v"
                        + s.targetVersion(), "restored exactly: " + s.baseline().split().arrows())
                .thenComposeAsync(ok -> ok ? control(canAbort, r -> r.abort(reason.get().strip()))
                        : CompletableFuture.completedFuture(false), ui.fx());
    }

    private CompletableFuture<Boolean> control(BooleanBinding allowed,
                                               Function<Rollout, CompletableFuture<RolloutSnapshot>> op) {
        if (!allowed.get() || rollout.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Rollout r = rollout.get();
        busy.set(true);
        return offFx(() -> op.apply(r)).handleAsync((s, e) -> {
            busy.set(false);
            if (e != null) {
                fail("The rollout of " + r.snapshot().qualifiedName() + " did not take the operator's control", e);
                return false;
            }
            if (rollout.filter(x -> x == r).isPresent()) {
                showSnapshot(s);
            }
            return true;
        }, ui.fx());
    }

    /** Engine calls take locks and append to the journal (disk): never on the FX thread. */
    private <T> CompletableFuture<T> offFx(java.util.function.Supplier<CompletableFuture<T>> call) {
        return CompletableFuture.supplyAsync(() -> Async.start(call), ui.background()).thenCompose(Function.identity());
    }

    private void fail(String what, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        problem.set(what + ": " + com.lambdarelease.ui.common.ErrorText.describe(cause));
        ui.notifier().failure(what, cause);
    }

    private Optional<Double> parsedWeight() {
        return weightRefusal(weightText.get()).isEmpty() ? WeightParser.parse(weightText.get()).percent() : Optional.empty();
    }

    /**
     * Why the typed weight cannot be set, or empty when it can (or nothing is typed yet): the one
     * weight parser's words, then the rollout's own rule that a shift sends more than 0% and less than 100%.
     */
    static Optional<String> weightRefusal(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        WeightParser.Parsed parsed = WeightParser.parse(text);
        if (!parsed.valid()) {
            return Optional.of(parsed.error());
        }
        try {
            RolloutPlan.Step.shift(parsed.percent().get(), java.time.Duration.ZERO);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    // ---- what the view reads -----------------------------------------------------------------

    public ReadOnlyObjectProperty<Optional<AliasRoute>> aliasProperty() { return alias.getReadOnlyProperty(); }
    public ObservableList<RolloutPlan> plans() { return plans; }
    public ObjectProperty<RolloutPlan> planProperty() { return plan; }
    public ObservableList<String> versions() { return versionsView; }
    public ObjectProperty<String> targetProperty() { return target; }
    public ReadOnlyObjectProperty<Optional<RolloutSnapshot>> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ObservableList<RolloutWhy.Line> why() { return whyView; }
    public ObservableList<RolloutHistory.Row> history() { return historyView; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty drivenElsewhereProperty() { return drivenElsewhere.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Optional<com.lambdarelease.rollout.RolloutLease>> remoteLeaseProperty() {
        return remoteLease.getReadOnlyProperty();
    }
    public BooleanBinding canTakeOver() { return canTakeOver; }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public StringProperty reasonProperty() { return reason; }
    public StringProperty weightTextProperty() { return weightText; }
    /** Why the typed weight is refused ("" when it is not, or nothing is typed). */
    public javafx.beans.value.ObservableStringValue weightProblem() { return weightProblem; }
    /** A failing gate pauses for the operator (to override or abort) instead of rolling back at once. */
    public javafx.beans.property.BooleanProperty pauseOnFailureProperty() { return pauseOnFailure; }

    /** True while the alias has a rollout in flight (the pickers are then fixed). */
    public BooleanBinding running() { return running; }
    public BooleanBinding canStart() { return canStart; }
    public BooleanBinding canPause() { return canPause; }
    public BooleanBinding canResume() { return canResume; }
    public BooleanBinding canSkipBake() { return canSkipBake; }
    public BooleanBinding canApproveGate() { return canApproveGate; }
    public BooleanBinding canAcceptRisk() { return canAcceptRisk; }
    public BooleanBinding canOverride() { return canOverride; }
    public BooleanBinding canSetWeight() { return canSetWeight; }
    public BooleanBinding canAbort() { return canAbort; }

    /** "Baking", "Paused", … ; empty with no rollout. */
    public ObservableValue<String> stateText() {
        return snapshot.map(s -> s.map(x -> capitalised(x.state().words())).orElse(""));
    }

    /** "step 2/9 (20% for 1 min)" */
    public ObservableValue<String> stepText() {
        return snapshot.map(s -> s.map(RolloutSnapshot::stepText).orElse(""));
    }

    /** "v4 at 20%" */
    public ObservableValue<String> canaryText() {
        return snapshot.map(s -> s.map(x -> "v" + x.targetVersion() + " at " + WeightParser.format(x.canaryPercent()) + "%")
                .orElse(""));
    }

    /** What it waits for: the operator's part, else the latest decision. */
    public ObservableValue<String> waitingText() {
        return snapshot.map(s -> s.map(x -> x.awaitingOperator().map(w -> "Waiting for you: " + w.words()).orElse(x.message()))
                .orElse(""));
    }

    /** The latest decision in one sentence. */
    public ObservableValue<String> messageText() {
        return snapshot.map(s -> s.map(RolloutSnapshot::message).orElse(""));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package com.lambdarelease.ui.environments;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.FunctionState;
import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * View-model of the environments matrix: functions as rows, alias names (dev, staging, prod first,
 * then any other found) as columns. A row's aliases are loaded only when it is shown, newest
 * request first and a few at a time, so a 10,000-function account costs requests only for what
 * the operator looks at, and the shared request budget is never flooded. The aliases come from the
 * one {@link FunctionState} per function, so a row already known costs no request and every alias
 * write (from any screen) shows here as it lands.
 */
public final class EnvironmentsModel {

    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    static final int IN_FLIGHT = 4;
    static final int MAX_QUEUED = 200;

    private final LambdaService lambda;
    private final FunctionStates states;
    private final Executor fx;
    /** Rows whose function's aliases this matrix follows, by function name (the stop of each subscription). */
    private final Map<String, Runnable> following = new HashMap<>();
    private final Map<String, EnvironmentRow> rowsByName = new HashMap<>();
    private final ObservableList<EnvironmentRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EnvironmentRow> visible = new FilteredList<>(rows);
    private final ObservableList<String> aliasColumns = FXCollections.observableArrayList(ENVIRONMENTS);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyBooleanWrapper loadingFunctions = new ReadOnlyBooleanWrapper(this, "loadingFunctions");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Deque<EnvironmentRow> queue = new ArrayDeque<>();
    private int inFlight;
    private long requestsSent;
    private boolean active;

    private java.util.function.Function<String, java.util.concurrent.CompletableFuture<List<com.lambdarelease.rollout.RolloutLease>>>
            leases = f -> java.util.concurrent.CompletableFuture.completedFuture(List.of());
    private java.time.Clock clock = java.time.Clock.systemUTC();

    /** Functions are listed with {@code lambda}; their aliases come from {@code states}; {@code fx} is the UI thread. */
    public EnvironmentsModel(LambdaService lambda, FunctionStates states, Executor fx) {
        this.states = states;
        this.lambda = lambda;
        this.fx = fx;
        filter.addListener((o, a, text) -> {
            String f = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            visible.setPredicate(f.isEmpty() ? null : r -> r.functionName().toLowerCase(Locale.ROOT).contains(f));
        });
    }

    public ObservableList<EnvironmentRow> rows() {
        return visible;
    }

    public ObservableList<String> aliasColumns() {
        return aliasColumns;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingFunctionsProperty() {
        return loadingFunctions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** ListAliases requests this matrix has sent (for tests and the status line). */
    public long requestsSent() {
        return requestsSent;
    }

    /** Starts (or restarts) loading: the functions list streams in; aliases load as rows are shown. */
    public void activate() {
        active = true;
        if (rows.isEmpty() && !loadingFunctions.get()) {
            reload();
        }
        pump();
    }

    /** Stops sending requests (queued rows are forgotten and load again when shown). */
    public void deactivate() {
        active = false;
        queue.forEach(r -> r.set(new EnvironmentRow.State.NotLoaded()));
        queue.clear();
    }

    public void reload() {
        following.values().forEach(Runnable::run);
        following.clear();
        rowsByName.clear();
        rows.clear();
        queue.clear();
        aliasColumns.setAll(ENVIRONMENTS);
        loadingFunctions.set(true);
        status.set("Loading functions…");
        lambda.listFunctions(page -> fx.execute(() -> {
                    List<EnvironmentRow> added = page.stream().map(f -> new EnvironmentRow(f.name())).toList();
                    added.forEach(r -> rowsByName.put(r.functionName(), r));
                    rows.addAll(added);
                }))
                .whenCompleteAsync((count, error) -> {
                    loadingFunctions.set(false);
                    status.set(error != null ? "Could not list functions: " + ErrorText.describe(error)
                            : count + " functions; aliases load as you scroll.");
                }, fx);
    }

    /**
     * Reads the rollout leases of each shown function that has a split alias (one GetFunction), so the matrix says
     * who drives a rollout, on any machine, or that nobody does any more.
     */
    public void showRollouts(java.util.function.Function<String, java.util.concurrent.CompletableFuture<
            List<com.lambdarelease.rollout.RolloutLease>>> leases, java.time.Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    /** A row became visible: load its aliases unless loaded or queued. */
    public void wanted(EnvironmentRow row) {
        if (!(row.stateProperty().get() instanceof EnvironmentRow.State.NotLoaded)) {
            return;
        }
        var known = states.of(row.functionName()).currentAliases();
        if (known.isPresent()) { // another screen read or wrote them: no request
            show(row, known.get());
            follow(row.functionName());
            return;
        }
        row.set(new EnvironmentRow.State.Loading());
        queue.addFirst(row);
        while (queue.size() > MAX_QUEUED) {
            queue.removeLast().set(new EnvironmentRow.State.NotLoaded());
        }
        pump();
    }

    private void pump() {
        while (active && inFlight < IN_FLIGHT && !queue.isEmpty()) {
            EnvironmentRow row = queue.removeFirst();
            inFlight++;
            requestsSent++;
            states.of(row.functionName()).loadAliases().whenCompleteAsync((aliases, error) -> {
                inFlight--;
                if (error != null) {
                    row.set(new EnvironmentRow.State.Failed(ErrorText.describe(error)));
                } else {
                    show(row, aliases);
                    follow(row.functionName());
                }
                pump();
            }, fx);
        }
    }

    private void show(EnvironmentRow row, List<AliasRoute> aliases) {
        addColumns(aliases);
        EnvironmentRow.State.Loaded loaded = new EnvironmentRow.State.Loaded(aliases.stream()
                .collect(Collectors.toMap(AliasRoute::name, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        row.set(loaded);
        if (aliases.stream().anyMatch(a -> a.split().isSplit())) { // a rollout in flight splits its alias
            leases.apply(row.functionName()).whenCompleteAsync((found, error) -> {
                if (found != null && !found.isEmpty() && row.stateProperty().get() == loaded) {
                    java.time.Instant now = clock.instant();
                    Map<String, String> notes = new LinkedHashMap<>();
                    found.forEach(l -> notes.put(l.alias(), l.stale(now) ? "rollout: no driver" : "rollout: " + l.by()));
                    row.set(new EnvironmentRow.State.Loaded(loaded.aliases(), notes));
                }
            }, fx);
        }
    }

    /** From now on the row shows every alias list its function's state gets (a write from any screen, a reload). */
    private void follow(String functionName) {
        following.computeIfAbsent(functionName, name -> states.of(name).subscribeAliases(list -> fx.execute(() -> {
            EnvironmentRow row = rowsByName.get(name);
            if (row != null && following.containsKey(name)) {
                show(row, list);
            }
        })));
    }

        private void addColumns(List<AliasRoute> aliases) {
        aliases.stream().map(AliasRoute::name).filter(n -> !aliasColumns.contains(n)).forEach(aliasColumns::add);
    }
}

package com.lambdarelease.ui.functions;

import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The functions list: streams every function in, page by page, and filters as the operator types.
 *
 * <p>Pages arrive on client threads. They are queued and drained in one FX task however many pages
 * arrived meanwhile, so 10,000 functions (200 pages) never flood the FX thread with updates. The
 * count follows every page; the table gets the rows at most every {@link #PUBLISH_INTERVAL}, since
 * each change of its row count costs a rebuild of the visible rows in the next pulse.
 */
public final class FunctionsViewModel {

    private final UiContext ui;
    private final LambdaService lambda;
    private final ObservableList<FunctionSummary> all = FXCollections.observableArrayList();
    private final FilteredList<FunctionSummary> visible = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<FunctionSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyIntegerWrapper loaded = new ReadOnlyIntegerWrapper(this, "loaded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringExpression summary;

    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(300);

    private final ConcurrentLinkedQueue<Page> pending = new ConcurrentLinkedQueue<>();
    private final List<FunctionSummary> held = new ArrayList<>();
    private Instant lastPublished = Instant.EPOCH;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private int generation;

    private record Page(int generation, List<FunctionSummary> functions) {
    }

    public FunctionsViewModel(UiContext ui, LambdaService lambda) {
        this.ui = ui;
        this.lambda = lambda;
        visible.predicateProperty().bind(filter.map(FunctionsViewModel::matching));
        summary = Bindings.createStringBinding(this::describeCount, loading, loaded, filter,
                visible.predicateProperty());
    }

    /** Loads (or reloads) every function. Call on the FX thread. */
    public void load() {
        int gen = ++generation;
        pending.clear();
        held.clear();
        all.clear();
        lastPublished = Instant.EPOCH;
        loaded.set(0);
        error.set("");
        loading.set(true);
        Async.start(() -> lambda.listFunctions(page -> enqueue(new Page(gen, page))))
                .whenCompleteAsync((count, failure) -> {
                    if (gen != generation) {
                        return;
                    }
                    drain();
                    publish();
                    loading.set(false);
                    if (failure != null) {
                        error.set("Could not list functions: " + ErrorText.describe(failure));
                        ui.notifier().failure("Listing functions", failure);
                    }
                }, ui.fx());
    }

    private void enqueue(Page page) {
        pending.add(page);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.fx().execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        for (Page p; (p = pending.poll()) != null; ) {
            if (p.generation() == generation) {
                held.addAll(p.functions());
            }
        }
        loaded.set(all.size() + held.size());
        Instant now = ui.clock().instant();
        if (all.isEmpty() || !now.isBefore(lastPublished.plus(PUBLISH_INTERVAL))) {
            publish();
        }
    }

    /** Hands the held rows to the list (and so to the table) in one change. */
    private void publish() {
        if (!held.isEmpty()) {
            all.addAll(held);
            held.clear();
            lastPublished = ui.clock().instant();
        }
    }

    private static Predicate<FunctionSummary> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return f -> true;
        }
        return f -> f.name().toLowerCase(Locale.ROOT).contains(needle)
                || (f.runtime() != null && f.runtime().toLowerCase(Locale.ROOT).contains(needle));
    }

    private String describeCount() {
        int n = loaded.get();
        String total = loading.get() ? String.format("Loading functions… %,d so far", n) : String.format("%,d functions", n);
        String f = filter.get();
        if (f != null && !f.isBlank()) {
            return String.format("%,d match · ", visible.size()) + total;
        }
        return total;
    }

    /** The functions that match the filter, in the order AWS lists them. */
    public ObservableList<FunctionSummary> visibleFunctions() {
        return visible;
    }

    public ObservableList<FunctionSummary> allFunctions() {
        return FXCollections.unmodifiableObservableList(all);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<FunctionSummary> selectedProperty() {
        return selected;
    }

    public Optional<FunctionSummary> find(String name) {
        return all.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Loading functions… 1,250 so far", "10,000 functions", "3 match · 10,000 functions". */
    public StringExpression summary() {
        return summary;
    }
}

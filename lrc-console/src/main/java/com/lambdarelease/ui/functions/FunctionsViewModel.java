package com.lambdarelease.ui.functions;

import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.cache.CachedListing;
import com.lambdarelease.service.cache.ConnectionCache;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * count follows every page; the table gets new rows at most every {@link #PUBLISH_INTERVAL}, since
 * each change of its row count costs a rebuild of the visible rows in the next pulse.
 *
 * <p>A listing never clears what is shown: rows from the connection's cache ({@link #showCached})
 * or from the last listing stay, and each page updates them in place: a changed function is
 * replaced where it stands, a new one is inserted after the function AWS listed before it, and
 * once the listing is complete the functions it did not name are removed. So the operator's
 * selection and scroll position survive a refresh. A complete listing is saved to the cache, off
 * the FX thread.
 */
public final class FunctionsViewModel {

    private final UiContext ui;
    private LambdaService lambda;
    private ConnectionCache cache = ConnectionCache.none();
    private final ObservableList<FunctionSummary> all = FXCollections.observableArrayList();
    private final FilteredList<FunctionSummary> visible = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<FunctionSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyIntegerWrapper loaded = new ReadOnlyIntegerWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper checked = new ReadOnlyIntegerWrapper(this, "checked");
    private final ReadOnlyObjectWrapper<Instant> cachedAt = new ReadOnlyObjectWrapper<>(this, "cachedAt");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringExpression summary;

    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(300);
    /** The time of day a cached list or function is marked with ("as of 21:14"). */
    public static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final ConcurrentLinkedQueue<Page> pending = new ConcurrentLinkedQueue<>();
    /** New functions not yet in {@link #all}, each after the function listed before it ({@code anchor}, null: first). */
    private final List<Insert> held = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private boolean positionsValid;
    private String lastListed;
    private Instant lastPublished = Instant.EPOCH;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private int generation;
    private boolean listedOnce;

    private record Page(int generation, List<FunctionSummary> functions) {
    }

    private record Insert(String anchor, FunctionSummary function) {
    }

    /** A list with no connection yet: it can show a cached list until {@link #connect} gives it one. */
    public FunctionsViewModel(UiContext ui) {
        this.ui = ui;
        visible.predicateProperty().bind(filter.map(FunctionsViewModel::matching));
        summary = Bindings.createStringBinding(this::describeCount, loading, loaded, checked, cachedAt, error, filter,
                visible.predicateProperty());
    }

    public FunctionsViewModel(UiContext ui, LambdaService lambda) {
        this(ui);
        connect(lambda, ConnectionCache.none());
    }

    /** The connection to list from and the cache to keep its listing in. */
    public void connect(LambdaService lambda, ConnectionCache cache) {
        this.lambda = lambda;
        this.cache = cache;
    }

    /**
     * Shows {@code listing} (the connection's cached list) marked "as of" its time, until a listing
     * confirms it. Ignored once a listing has put rows in. Call on the FX thread.
     */
    public void showCached(CachedListing listing) {
        if (listedOnce || !all.isEmpty() || !held.isEmpty() || listing.functions().isEmpty()) {
            return;
        }
        all.setAll(listing.functions());
        positionsValid = false;
        cachedAt.set(listing.savedAt());
        loaded.set(all.size());
    }

    /** Lists every function again, updating the rows shown in place. Call on the FX thread. */
    public void load() {
        int gen = ++generation;
        pending.clear();
        held.clear();
        seen.clear();
        lastListed = null;
        lastPublished = Instant.EPOCH;
        loaded.set(all.size());
        checked.set(0);
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
                        return;
                    }
                    listedOnce = true;
                    removeUnlisted();
                    cachedAt.set(null);
                    if (cache != ConnectionCache.none()) {
                        List<FunctionSummary> listed = List.copyOf(all);
                        Instant at = ui.clock().instant();
                        ConnectionCache keep = cache;
                        ui.background().execute(() -> keep.saveFunctions(listed, at));
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
                p.functions().forEach(this::reconcile);
            }
        }
        loaded.set(all.size() + held.size());
        checked.set(seen.size());
        Instant now = ui.clock().instant();
        if (all.isEmpty() || !now.isBefore(lastPublished.plus(PUBLISH_INTERVAL))) {
            publish();
        }
    }

    /** One listed function: replaced where it stands when it changed, else held to be inserted after its predecessor. */
    private void reconcile(FunctionSummary f) {
        if (!seen.add(f.name())) {
            return; // listed twice (a page retried): once is enough
        }
        Integer at = position(f.name());
        if (at == null) {
            held.add(new Insert(lastListed, f));
        } else if (!all.get(at).equals(f)) {
            all.set(at, f);
        }
        lastListed = f.name();
    }

    /** Hands the held rows to the list: one change for each run of new functions listed one after another. */
    private void publish() {
        if (held.isEmpty()) {
            return;
        }
        int i = 0;
        while (i < held.size()) {
            int j = i + 1;
            while (j < held.size() && held.get(j - 1).function().name().equals(held.get(j).anchor())) {
                j++;
            }
            String anchor = held.get(i).anchor();
            Integer before = anchor == null ? Integer.valueOf(-1) : position(anchor);
            int at = before == null ? all.size() : before + 1;
            all.addAll(at, held.subList(i, j).stream().map(Insert::function).toList());
            positionsValid = at == all.size() - (j - i) && positionsValid; // appended: earlier positions still hold
            if (positionsValid) {
                for (int k = at; k < all.size(); k++) {
                    positions.put(all.get(k).name(), k);
                }
            }
            i = j;
        }
        held.clear();
        lastPublished = ui.clock().instant();
    }

    /** After a complete listing: the functions it did not name are gone, removed in one change. */
    private void removeUnlisted() {
        if (seen.size() == all.size()) {
            return;
        }
        Set<FunctionSummary> gone = new HashSet<>();
        for (FunctionSummary f : all) {
            if (!seen.contains(f.name())) {
                gone.add(f);
            }
        }
        all.removeAll(gone);
        positionsValid = false;
        loaded.set(all.size());
    }

    private Integer position(String name) {
        if (!positionsValid) {
            positions.clear();
            for (int k = 0; k < all.size(); k++) {
                positions.put(all.get(k).name(), k);
            }
            positionsValid = true;
        }
        return positions.get(name);
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
        String total;
        if (cachedAt.get() != null) {
            // Until a listing confirms the rows they are marked as cached; one is on its way (or failed, said below).
            total = String.format("%,d functions · as of %s", n, AS_OF.format(cachedAt.get()))
                    + (!error.get().isEmpty() ? "" : loading.get() && checked.get() > 0
                    ? String.format(", refreshing… %,d checked", checked.get()) : ", refreshing…");
        } else {
            total = loading.get() ? String.format("Loading functions… %,d so far", n) : String.format("%,d functions", n);
        }
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

    /** How many functions the listing under way has named so far. */
    public int checkedCount() {
        return checked.get();
    }

    /** When the rows shown were cached, while no listing has confirmed them yet; null otherwise. */
    public ReadOnlyObjectProperty<Instant> cachedAtProperty() {
        return cachedAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Loading functions… 1,250 so far", "10,000 functions", "3 match · 10,000 functions",
     * "10,000 functions · as of 21:14, refreshing… 1,250 checked". */
    public StringExpression summary() {
        return summary;
    }
}

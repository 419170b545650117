package com.lambdarelease.ui.history;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.AliasHistory;
import com.lambdarelease.release.Ownership;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The History tab: who changed the selected alias (or, with none selected, any alias of the function) from any
 * machine, the journal merged with CloudTrail, and who else owns it (its stack, a CodeDeploy shift under way).
 * Read off the FX thread; a switch of function or alias drops what an older read brings back.
 */
public final class AliasHistoryModel {

    /** How far back the tab reads. */
    public static final Duration SPAN = Duration.ofDays(7);

    private final AliasHistory history;
    private final Ownership ownership;
    private final UiContext ui;
    private final ObservableList<AliasHistory.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<AliasHistory.Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper owners = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private String function;
    private Optional<AliasRoute> alias = Optional.empty();
    private int generation;

    public AliasHistoryModel(AliasHistory history, Ownership ownership, UiContext ui) {
        this.history = history;
        this.ownership = ownership;
        this.ui = ui;
    }

    /** Shows {@code function}'s history, of {@code alias} when one is selected. Call on the FX thread. */
    public CompletableFuture<Void> show(String function, Optional<AliasRoute> alias) {
        this.function = function;
        this.alias = alias;
        return reload();
    }

    /** Reads again (CloudTrail's new events only: the rest is kept per connection). */
    public CompletableFuture<Void> reload() {
        int gen = ++generation;
        entries.clear();
        owners.set("");
        if (function == null) {
            status.set("");
            return CompletableFuture.completedFuture(null);
        }
        String f = function;
        Optional<AliasRoute> a = alias;
        loading.set(true);
        status.set("Reading CloudTrail…");
        Instant since = ui.clock().instant().minus(SPAN);
        CompletableFuture<AliasHistory.History> read = CompletableFuture.supplyAsync(
                () -> history.of(f, a.map(AliasRoute::name), since), ui.background()).thenCompose(x -> x);
        CompletableFuture<Ownership.Owners> owned = a.map(r -> CompletableFuture.supplyAsync(() -> ownership.of(f, r),
                ui.background()).thenCompose(x -> x)).orElse(CompletableFuture.completedFuture(Ownership.Owners.NONE));
        CompletableFuture<Void> shownOwners = owned.handleAsync((o, e) -> {
            if (gen == generation && o != null) {
                owners.set(a.map(r -> String.join("\n", o.describe(f, r.name()))).orElse(""));
            }
            return null;
        }, ui.fx());
        CompletableFuture<Void> shown = read.handleAsync((h, e) -> {
            if (gen != generation) {
                return null;
            }
            loading.set(false);
            if (e != null) {
                status.set("Could not read the history: " + ErrorText.describe(e));
                return null;
            }
            entries.setAll(h.entries());
            status.set(describe(h, since, a.map(r -> f + ":" + r.name()).orElse("the aliases of " + f)));
            return null;
        }, ui.fx());
        return CompletableFuture.allOf(shown, shownOwners);
    }

    static String describe(AliasHistory.History h, Instant since, String what) {
        long others = h.entries().stream().filter(AliasHistory.Entry::notByThisTool).count();
        String head = h.entries().size() + " change" + (h.entries().size() == 1 ? "" : "s") + " of " + what + " since "
                + since.truncatedTo(ChronoUnit.MINUTES) + (others == 0 ? "" : ", " + others + " not made with this tool (★)")
                + ". CloudTrail shows a call within about 5 minutes.";
        if (!h.trailProblem().isEmpty()) {
            return head + " CloudTrail could not be read, so only this machine's journal is shown: " + h.trailProblem();
        }
        if (!h.trailComplete()) {
            return head + " CloudTrail was read back to " + h.trailReadBackTo().truncatedTo(ChronoUnit.MINUTES)
                    + " only (its page limit).";
        }
        return head;
    }

    public ObservableList<AliasHistory.Entry> entries() { return entriesView; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The alias's other owners' warnings ("" when none): its stack, a CodeDeploy shift. */
    public ReadOnlyStringProperty ownersProperty() { return owners.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
}

package com.lambdarelease.ui.rollout;

import com.lambdarelease.rollout.RolloutLease;
import com.lambdarelease.ui.common.UiContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The rollouts anyone drives on the shown function, alias by alias, from their leases (one GetFunction when the
 * function is shown or refreshed), for the Aliases tab: this console's, another machine's, and those whose driver
 * stopped.
 */
public final class AliasLeasesModel {

    private final ConsoleRollouts rollouts;
    private final UiContext ui;
    private final ObservableMap<String, RolloutLease> leases = FXCollections.observableHashMap();
    private final ObservableMap<String, RolloutLease> leasesView = FXCollections.unmodifiableObservableMap(leases);
    private int generation;

    public AliasLeasesModel(ConsoleRollouts rollouts, UiContext ui) {
        this.rollouts = rollouts;
        this.ui = ui;
    }

    /** Reads {@code function}'s leases (null: none shown). Call on the FX thread. */
    public CompletableFuture<Void> show(String function) {
        int gen = ++generation;
        leases.clear();
        if (function == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> rollouts.leases(function), ui.background()).thenCompose(f -> f)
                .handleAsync((List<RolloutLease> found, Throwable e) -> {
                    if (gen == generation && found != null) {
                        found.forEach(l -> leases.put(l.alias(), l));
                    }
                    return null; // a function whose tags cannot be read shows no rollouts; the panel says why on its alias
                }, ui.fx());
    }

    /** Alias name to the lease on it. */
    public ObservableMap<String, RolloutLease> leases() {
        return leasesView;
    }

    /** Short, for a table cell: "alice · 10%", "no driver since 15:04:05", or "" for none. */
    public String describe(String alias) {
        RolloutLease l = leases.get(alias);
        if (l == null) {
            return "";
        }
        Instant now = rollouts.clock().instant();
        return l.stale(now) ? "no driver since " + TIME.format(l.beat())
                : l.by() + " · " + com.lambdarelease.domain.Weight.percentNumber(l.canaryPercent()) + "%";
    }

    /** Whole, for the cell's tooltip: "driven by alice on host-7, step 1/1 at 10%, heartbeat …", or "". */
    public String details(String alias) {
        RolloutLease l = leases.get(alias);
        return l == null ? "" : "Rollout " + l.describe(rollouts.clock().instant()) + (l.ownerArn().isEmpty() ? ""
                : "\n" + l.ownerArn());
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);
}

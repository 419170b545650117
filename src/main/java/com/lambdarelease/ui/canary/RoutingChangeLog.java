package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.TrafficSplit;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The routing changes this console made, kept in memory so the charts can mark the moment a split
 * changed. Fed by Apply; read by metric refreshes off the FX thread, hence thread-safe.
 */
public final class RoutingChangeLog {

    /** One successful UpdateAlias made from this console, at the connection's time. */
    public record RoutingChange(String functionName, String alias, Instant at, TrafficSplit before,
                                TrafficSplit after) {
        public String describe() {
            return before.describe() + " → " + after.describe();
        }
    }

    private final List<RoutingChange> changes = new CopyOnWriteArrayList<>();
    private final List<Consumer<RoutingChange>> listeners = new CopyOnWriteArrayList<>();

    public void record(RoutingChange change) {
        changes.add(change);
        listeners.forEach(l -> l.accept(change));
    }

    /** Changes to {@code functionName:alias} made in [{@code from}, {@code to}), oldest first. */
    public List<RoutingChange> changesFor(String functionName, String alias, Instant from, Instant to) {
        return changes.stream()
                .filter(c -> c.functionName().equals(functionName) && c.alias().equals(alias))
                .filter(c -> !c.at().isBefore(from) && c.at().isBefore(to))
                .toList();
    }

    /** Tells {@code listener} of every new change (on the thread that recorded it); run the result to stop. */
    public Runnable subscribe(Consumer<RoutingChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Listeners still subscribed: a view that was detached must not be among them. */
    public int listenerCount() {
        return listeners.size();
    }
}

package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.service.LambdaService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one copy of a function's versions and aliases on one connection, observed by every screen
 * (detail tabs, canary workspace, toolbar) and updated by every write the {@link AliasWriter}
 * makes, so no screen keeps a second copy in step by hand. Thread-safe; listeners are told on the
 * thread that changed the state and hop to their own executor.
 */
public final class FunctionState {

    private final String functionName;
    private final LambdaService lambda;
    private final AtomicReference<Optional<FunctionSnapshot>> snapshot = new AtomicReference<>(Optional.empty());
    private final AtomicLong generation = new AtomicLong();
    private final List<Consumer<FunctionSnapshot>> listeners = new CopyOnWriteArrayList<>();
    /** The aliases as last known: from a full load, an aliases-only read (the environments matrix) or a write. */
    private final AtomicReference<Optional<List<AliasRoute>>> aliases = new AtomicReference<>(Optional.empty());
    private final AtomicLong aliasGeneration = new AtomicLong();
    private final List<Consumer<List<AliasRoute>>> aliasListeners = new CopyOnWriteArrayList<>();

    FunctionState(String functionName, LambdaService lambda) {
        this.functionName = functionName;
        this.lambda = lambda;
    }

    public String functionName() {
        return functionName;
    }

    /** The function as last read, or empty before the first load. */
    public Optional<FunctionSnapshot> current() {
        return snapshot.get();
    }

    /**
     * Reads versions, aliases and provisioned concurrency again; listeners get the new snapshot.
     * Provisioned concurrency that cannot be read leaves the snapshot's {@code provisioned} empty
     * (the routing warning then says it could not check) rather than failing the load.
     */
    public CompletableFuture<FunctionSnapshot> load() {
        long gen = generation.incrementAndGet();
        CompletableFuture<List<FunctionConfig>> versions = lambda.listVersions(functionName);
        CompletableFuture<List<AliasRoute>> aliases = lambda.listAliases(functionName);
        CompletableFuture<Optional<Map<String, Integer>>> pc = lambda.provisionedConcurrency(functionName)
                .thenApply(Optional::of).exceptionally(e -> Optional.empty());
        return versions.thenCombine(aliases, (v, a) -> new FunctionSnapshot(functionName, v, a, Optional.empty()))
                .thenCombine(pc, (s, p) -> new FunctionSnapshot(functionName, s.versions(), s.aliases(), p))
                .thenApply(s -> {
                    if (generation.get() == gen) {
                        publish(s);
                    }
                    return s;
                });
    }

    /** The function's aliases as last known (a full load, an aliases-only read or a write), or empty. */
    public Optional<List<AliasRoute>> currentAliases() {
        return aliases.get();
    }

    /**
     * Reads only the aliases (one ListAliases), for screens that show nothing else of the function,
     * such as the environments matrix; alias observers get the list, and a loaded snapshot takes it.
     */
    public CompletableFuture<List<AliasRoute>> loadAliases() {
        long gen = aliasGeneration.incrementAndGet();
        return lambda.listAliases(functionName).thenApply(list -> {
            if (aliasGeneration.get() == gen) {
                Optional<FunctionSnapshot> now = snapshot.get();
                if (now.isPresent()) {
                    publish(new FunctionSnapshot(functionName, now.get().versions(), list, now.get().provisioned()));
                } else {
                    publishAliases(list);
                }
            }
            return list;
        });
    }

    /** An alias write landed: every observer sees the alias as AWS now has it. */
    public void aliasChanged(AliasRoute changed) {
        if (snapshot.get().isPresent()) {
            update(s -> s.withAlias(changed));
        } else {
            aliases.get().ifPresent(list -> publishAliases(FunctionSnapshot.withAlias(list, changed)));
        }
    }

    public void aliasDeleted(String aliasName) {
        if (snapshot.get().isPresent()) {
            update(s -> s.withoutAlias(aliasName));
        } else {
            aliases.get().ifPresent(list -> publishAliases(FunctionSnapshot.withoutAlias(list, aliasName)));
        }
    }

    private void update(java.util.function.UnaryOperator<FunctionSnapshot> change) {
        Optional<FunctionSnapshot> now = snapshot.get();
        now.map(change).ifPresent(this::publish);
    }

    private void publish(FunctionSnapshot s) {
        snapshot.set(Optional.of(s));
        listeners.forEach(l -> l.accept(s));
        publishAliases(s.aliases());
    }

    private void publishAliases(List<AliasRoute> list) {
        aliases.set(Optional.of(list));
        aliasListeners.forEach(l -> l.accept(list));
    }

    /** Tells {@code listener} of every new alias list (loads, aliases-only reads, writes); run the result to stop. */
    public Runnable subscribeAliases(Consumer<List<AliasRoute>> listener) {
        aliasListeners.add(listener);
        return () -> aliasListeners.remove(listener);
    }

    /** Tells {@code listener} of every new snapshot; run the result to stop. */
    public Runnable subscribe(Consumer<FunctionSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }
}

package com.lambdarelease.sandbox.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * All functions of the account, sorted by name so ListFunctions can page with the last name as
 * its marker. The map itself is concurrent; each function is locked on its own while used.
 */
final class FunctionStore {

    private final ConcurrentSkipListMap<String, LambdaFunction> functions = new ConcurrentSkipListMap<>();
    private final Runnable onWrite;
    private final Arns arns;

    /**
     * @param onWrite told after every successful write (the state file's debounced saver)
     * @param arns    the account and region these functions live in
     */
    FunctionStore(Runnable onWrite, Arns arns) {
        this.onWrite = onWrite;
        this.arns = arns;
    }

    Arns arns() {
        return arns;
    }

    /**
     * Runs {@code action} on the named function while holding its lock.
     *
     * @throws LambdaError 404 when there is no such function (or it was deleted meanwhile)
     */
    <T> T withFunction(String name, Function<LambdaFunction, T> action) {
        LambdaFunction fn = functions.get(name);
        if (fn == null) {
            throw LambdaError.functionNotFound(arns.function(name));
        }
        synchronized (fn) {
            if (fn.isDeleted()) {
                throw LambdaError.functionNotFound(arns.function(name));
            }
            return action.apply(fn);
        }
    }

    /** Like {@link #withFunction} for an action that changes state; the saver is told afterwards. */
    <T> T write(String name, Function<LambdaFunction, T> action) {
        T result = withFunction(name, action);
        onWrite.run();
        return result;
    }

    /** Adds a new function; false when the name is taken. */
    boolean add(LambdaFunction fn) {
        boolean added = functions.putIfAbsent(fn.name(), fn) == null;
        if (added) {
            onWrite.run();
        }
        return added;
    }

    /** Adds without telling the saver (seeding and loading). */
    void addQuietly(LambdaFunction fn) {
        functions.putIfAbsent(fn.name(), fn);
    }

    void remove(String name) {
        write(name, fn -> {
            fn.markDeleted();
            functions.remove(name, fn);
            return null;
        });
    }

    boolean contains(String name) {
        return functions.containsKey(name);
    }

    /** Up to {@code max} functions' {@code $LATEST} after {@code marker} (exclusive), by name. */
    List<FunctionConfig> page(String marker, int max) {
        NavigableMap<String, LambdaFunction> tail = marker == null ? functions : functions.tailMap(marker, false);
        List<FunctionConfig> out = new ArrayList<>(max);
        for (LambdaFunction fn : tail.values()) {
            if (out.size() == max) {
                break;
            }
            synchronized (fn) {
                if (!fn.isDeleted()) {
                    out.add(fn.latest());
                }
            }
        }
        return out;
    }

    /**
     * ListFunctions with FunctionVersion=ALL: every function's $LATEST and versions, by name then as
     * ListVersionsByFunction orders them, up to {@code max} after {@code marker} ({@code name:version}).
     * One more than asked is returned when there is more, so the caller knows to hand out a marker.
     */
    List<FunctionConfig> everyVersion(String marker, int max) {
        String afterName = marker == null ? null : marker.substring(0, Math.max(0, marker.lastIndexOf(':')));
        String afterVersion = marker == null ? null : marker.substring(marker.lastIndexOf(':') + 1);
        NavigableMap<String, LambdaFunction> tail = afterName == null ? functions : functions.tailMap(afterName, true);
        List<FunctionConfig> out = new ArrayList<>(max + 1);
        for (LambdaFunction fn : tail.values()) {
            List<FunctionConfig> all;
            synchronized (fn) {
                if (fn.isDeleted()) {
                    continue;
                }
                all = fn.allVersions();
            }
            boolean skipping = fn.name().equals(afterName);
            for (FunctionConfig c : all) {
                if (skipping) {
                    skipping = !c.version().equals(afterVersion);
                    continue;
                }
                out.add(c);
                if (out.size() > max) {
                    return out;
                }
            }
        }
        return out;
    }

    boolean hasAfter(String name) {
        return functions.higherKey(name) != null;
    }

    /** A consistent copy of each function, for the state file. */
    List<LambdaFunction.FunctionSnapshot> snapshot() {
        List<LambdaFunction.FunctionSnapshot> out = new ArrayList<>(functions.size());
        for (LambdaFunction fn : functions.values()) {
            synchronized (fn) {
                if (!fn.isDeleted()) {
                    out.add(fn.snapshot());
                }
            }
        }
        return out;
    }

    int size() {
        return functions.size();
    }
}

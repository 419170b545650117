package com.lambdarelease.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Starting service calls so that input refused up front arrives as a failed future, like every other failure. */
public final class Async {
    private Async() {
    }

    /** Runs {@code call}; an exception it throws before returning becomes a failed future. */
    public static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

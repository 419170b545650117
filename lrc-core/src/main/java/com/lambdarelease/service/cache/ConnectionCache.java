package com.lambdarelease.service.cache;

import com.lambdarelease.domain.FunctionSummary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one connection keeps between runs: its last function list and the versions and aliases of
 * the functions opened lately. Reads and writes the disk: call off the FX thread. A failure to read
 * is an empty answer and a failure to write is logged; neither ever stops the console.
 */
public interface ConnectionCache {

    Optional<CachedListing> functions();

    /** Keeps {@code functions} (a complete listing) as of {@code at}. */
    void saveFunctions(List<FunctionSummary> functions, Instant at);

    Optional<CachedDetail> detail(String functionName);

    void saveDetail(CachedDetail detail);

    /** Keeps nothing: tests, and connections nothing should be remembered for. */
    static ConnectionCache none() {
        return Nothing.NONE;
    }

    /** Holder of the one cache that keeps nothing. */
    final class Nothing {
        private Nothing() {
        }

        static final ConnectionCache NONE = new ConnectionCache() {
            @Override
            public Optional<CachedListing> functions() {
                return Optional.empty();
            }

            @Override
            public void saveFunctions(List<FunctionSummary> functions, Instant at) {
            }

            @Override
            public Optional<CachedDetail> detail(String functionName) {
                return Optional.empty();
            }

            @Override
            public void saveDetail(CachedDetail detail) {
            }
        };
    }
}

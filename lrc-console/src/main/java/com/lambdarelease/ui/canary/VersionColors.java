package com.lambdarelease.ui.canary;

import java.util.HashMap;
import java.util.Map;

/**
 * Which colour each version's line has, kept for as long as the workspace lives: the first version
 * seen of a function gets the first colour, the next the second, and so on. A version keeps its
 * colour when it changes role, so after a promote v4 stays orange and v3 stays blue, and the
 * evidence of a bad canary reads the same before and after a roll back. Thread-safe (snapshots are
 * built off the FX thread).
 */
final class VersionColors {

    private final Map<String, Map<String, Integer>> byFunction = new HashMap<>();

    /** The colour index of {@code version} of {@code function}, assigned on first sight. */
    synchronized int of(String function, String version) {
        Map<String, Integer> colours = byFunction.computeIfAbsent(function, f -> new HashMap<>());
        return colours.computeIfAbsent(version, v -> colours.size());
    }
}

package com.lambdarelease.sandbox.traffic;

import com.lambdarelease.sandbox.FunctionRuntime;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;

import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/** Steady, noisy requests to the seeded aliases so charts move. STUB: to be built. */
public final class TrafficSimulator {

    public TrafficSimulator(FunctionRuntime runtime, SandboxClock clock, SandboxOptions options, RandomGenerator random) {
    }

    /** Generates the configured backfill of history, then keeps generating on {@code scheduler}. */
    public void start(ScheduledExecutorService scheduler) {
    }
}

package com.lambdarelease.sandbox.lambda;

/**
 * A plausible typical run time per function version: the runtime's usual speed, a little faster
 * with more memory, and a stable per-function factor so functions don't all look alike.
 */
final class DurationModel {

    private DurationModel() {
    }

    static double baseMs(FunctionConfig config) {
        String runtime = config.runtime();
        double base = runtime.startsWith("java") ? 110 : runtime.startsWith("python") ? 45
                : runtime.startsWith("nodejs") ? 32 : runtime.startsWith("provided") || runtime.startsWith("go") ? 14 : 50;
        double memoryFactor = 0.6 + 0.4 * Math.sqrt(512.0 / Math.max(128, config.memorySize()));
        double personality = 0.75 + (Math.floorMod(config.functionName().hashCode(), 1000) / 1000.0) * 0.5;
        return base * memoryFactor * personality;
    }
}

package com.lambdarelease.logs;

/**
 * What one version's REPORT lines say together: how many runs, how many cold starts and their
 * Init Duration, and the memory used against the memory size. Immutable; {@link #plus} adds one report.
 */
public record RunStats(int runs, int coldStarts, double initTotalMs, double initMaxMs, int maxMemoryUsedMb,
                       int memorySizeMb) {

    public static final RunStats NONE = new RunStats(0, 0, 0, 0, 0, 0);

    public RunStats plus(RunReport r) {
        double init = r.initMs().orElse(0);
        return new RunStats(runs + 1, coldStarts + (r.coldStart() ? 1 : 0), initTotalMs + init, Math.max(initMaxMs, init),
                Math.max(maxMemoryUsedMb, r.maxMemoryUsedMb()), Math.max(memorySizeMb, r.memorySizeMb()));
    }

    /** Mean Init Duration of the cold starts, NaN without any. */
    public double meanInitMs() {
        return coldStarts == 0 ? Double.NaN : initTotalMs / coldStarts;
    }

    /** Share of runs that were cold starts, NaN without runs. */
    public double coldStartShare() {
        return runs == 0 ? Double.NaN : (double) coldStarts / runs;
    }

    /** "3 cold starts in 120 runs (mean init 182 ms) · max memory 81 of 256 MB", or "no runs". */
    public String summary() {
        if (runs == 0) {
            return "no runs";
        }
        return String.format(java.util.Locale.ROOT, "%d cold start%s in %d runs%s · max memory %d of %d MB", coldStarts,
                coldStarts == 1 ? "" : "s", runs, coldStarts == 0 ? "" : String.format(java.util.Locale.ROOT,
                        " (mean init %.0f ms)", meanInitMs()), maxMemoryUsedMb, memorySizeMb);
    }
}

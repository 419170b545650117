package com.lambdarelease.ui.canary;

/** The charts of the canary workspace, in the order they are laid out. */
public enum ChartKind {
    INVOCATIONS("Invocations", "count per period"),
    ERRORS("Errors", "count per period"),
    ERROR_RATE("Error rate", "% of invocations"),
    DURATION("Duration", "ms · solid average, dashed p99"),
    THROTTLES("Throttles", "count per period"),
    CONCURRENCY("Concurrent executions", "max, whole alias");

    private final String title;
    private final String unit;

    ChartKind(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** A file-name friendly name, e.g. "error-rate". */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}

package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.FunctionConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Two versions' configurations side by side, with what differs, and what AWS would refuse in a
 * weighted alias. Environment values are never shown, only the variable names.
 */
public record VersionComparison(FunctionConfig primary, FunctionConfig canary, List<Row> rows) {

    /** One compared field; {@code blocking} when the difference makes a split impossible. */
    public record Row(String field, String primary, String canary, boolean differs, boolean blocking) {
    }

    public VersionComparison {
        rows = List.copyOf(rows);
    }

    public static VersionComparison of(FunctionConfig primary, FunctionConfig canary) {
        List<Row> rows = new ArrayList<>();
        boolean unpublished = primary.isLatest() || canary.isLatest();
        rows.add(new Row("Version", primary.version(), canary.version(), unpublished, unpublished));
        rows.add(row("Runtime", primary.runtime(), canary.runtime(), false));
        rows.add(row("Handler", primary.handler(), canary.handler(), false));
        rows.add(row("Memory", primary.memoryMb() + " MB", canary.memoryMb() + " MB", false));
        rows.add(row("Timeout", primary.timeoutSeconds() + " s", canary.timeoutSeconds() + " s", false));
        rows.add(row("Role", primary.role(), canary.role(), true));
        rows.add(row("Dead-letter queue", primary.deadLetterTargetArn().orElse("none"),
                canary.deadLetterTargetArn().orElse("none"), true));
        rows.add(row("Layers", layers(primary), layers(canary), false));
        rows.add(row("Architecture", String.join(", ", primary.execution().architectures()),
                String.join(", ", canary.execution().architectures()), false));
        rows.add(row("Ephemeral storage", primary.execution().ephemeralStorageMb() + " MB",
                canary.execution().ephemeralStorageMb() + " MB", false));
        rows.add(row("Tracing", primary.execution().tracingMode(), canary.execution().tracingMode(), false));
        rows.add(row("VPC", primary.execution().vpcText(), canary.execution().vpcText(), false));
        rows.add(row("Environment (names)", envNames(primary), envNames(canary), false));
        rows.add(environmentValues(primary, canary));
        rows.add(row("Code SHA-256", primary.codeSha256(), canary.codeSha256(), false));
        return new VersionComparison(primary, canary, rows);
    }

    /** Why AWS would refuse to split traffic between these two versions; empty when it would not. */
    public List<String> blockers() {
        return com.lambdarelease.domain.RoutingPreflight.blockers(primary, canary);
    }

    public long differences() {
        return rows.stream().filter(Row::differs).count();
    }

    private static Row row(String field, String a, String b, boolean blockingIfDifferent) {
        String left = a == null ? "" : a;
        String right = b == null ? "" : b;
        boolean differs = !left.equals(right);
        return new Row(field, left, right, differs, differs && blockingIfDifferent);
    }

    /** Which variables' values differ, by name only: the values themselves may be secrets. */
    private static Row environmentValues(FunctionConfig primary, FunctionConfig canary) {
        java.util.SortedSet<String> differing = primary.environmentNamesDifferingFrom(canary);
        String text = differing.isEmpty() ? "same" : "differ: " + String.join(", ", differing);
        return new Row("Environment (values)", text, text, !differing.isEmpty(), false);
    }

    private static String layers(FunctionConfig c) {
        return c.layerArns().isEmpty() ? "none" : String.join("\n", c.layerArns());
    }

    private static String envNames(FunctionConfig c) {
        return c.environment().isEmpty() ? "none" : String.join(", ", new TreeSet<>(c.environment().keySet()));
    }
}

package com.lambdarelease.ui.canary;

import javafx.css.PseudoClass;

/** Style classes of the canary workspace (canary.css), typed so a rename breaks the build, not the look. */
final class CanaryStyles {
    static final String STYLESHEET = CanaryStyles.class.getResource("canary.css").toExternalForm();

    static final String PANE = "canary-pane";
    static final String HEADER = "canary-header";
    static final String SECTION = "canary-section";
    static final String SECTION_TITLE = "canary-section-title";
    static final String EDITOR = "canary-editor";
    static final String STATE_BADGE = "canary-state";
    static final String PREVIEW = "canary-preview";
    static final String HINT = "canary-hint";
    static final String ERROR = "canary-error";
    static final String WARNING = "canary-warning";
    static final String CHART = "canary-chart";
    static final String CHART_TITLE = "canary-chart-title";
    static final String ALIAS_LINE = "canary-alias";
    static final String ROUTING_MARKER = "canary-routing-marker";
    static final String ROLLOUT_MARKER = "canary-rollout-marker";

    /** A rollout decision's marker: its base class and one for its kind ("canary-rollout-marker-failed"). */
    static String rolloutMarker(com.lambdarelease.rollout.RolloutMark.Kind kind) {
        return ROLLOUT_MARKER + "-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    static final String LEGEND = "canary-legend";
    static final String SWATCH = "canary-swatch";
    static final String SHARES = "canary-shares";
    static final String COMPARISON = "canary-comparison";
    static final String DIFF = "canary-diff";
    static final String BLOCKING = "canary-blocking";
    static final String FRESHNESS = "canary-freshness";

    /** The editor shows a split that is not applied yet. */
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private CanaryStyles() {
    }

    /** Style class of the {@code index}-th version's line and swatch; colours repeat after six. */
    static String versionColor(int index) {
        return "canary-v" + (index % 6);
    }
}

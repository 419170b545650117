package com.lambdarelease.ui.rollout;

/** Style classes of the Rollouts panel (rollout.css), typed so a rename breaks the build, not the look. */
final class RolloutStyles {
    static final String STYLESHEET = RolloutStyles.class.getResource("rollout.css").toExternalForm();

    static final String PANEL = "rollout-panel";
    static final String TITLE = "rollout-title";
    static final String SUBTITLE = "rollout-subtitle";
    static final String STATE = "rollout-state";
    static final String HINT = "rollout-hint";
    static final String PROBLEM = "rollout-problem";
    static final String KEY = "rollout-key";
    static final String VALUE = "rollout-value";
    static final String WAITING = "rollout-waiting";
    static final String WHY = "rollout-why";
    static final String HISTORY_ROW = "rollout-history-row";
    static final String TIMELINE = "rollout-timeline";
    static final String TIMELINE_LINE = "rollout-timeline-line";
    static final String TIMELINE_AXIS = "rollout-timeline-axis";
    static final String TIMELINE_NOW = "rollout-timeline-now";
    static final String TIMELINE_LABEL = "rollout-timeline-label";

    private RolloutStyles() {
    }

    /** The state badge's colour class: "rollout-state-failing", "-done", "-operator", "-running". */
    static String stateClass(com.lambdarelease.rollout.RolloutSnapshot s) {
        if (s.state() == com.lambdarelease.rollout.RolloutState.ROLLED_BACK
                || s.state() == com.lambdarelease.rollout.RolloutState.FAILED || s.verdict().result().failing()) {
            return "rollout-state-failing";
        }
        if (s.state() == com.lambdarelease.rollout.RolloutState.PROMOTED) {
            return "rollout-state-done";
        }
        return s.needsOperator() ? "rollout-state-operator" : "rollout-state-running";
    }
}

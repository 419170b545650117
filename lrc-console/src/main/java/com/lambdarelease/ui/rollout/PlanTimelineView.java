package com.lambdarelease.ui.rollout;

import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.rollout.RolloutSnapshot;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The plan's canary weight over time as a small step line (0-100%, first shift to promotion), with
 * the rollout's current step drawn over it when one runs. Redrawn on resize and on every change.
 */
final class PlanTimelineView {

    private static final double HEIGHT = 64;
    private static final double LEFT = 34;
    private static final double BOTTOM = 16;

    private final Pane root = new Pane();
    private final ObservableValue<RolloutPlan> plan;
    private final ObservableValue<Optional<RolloutSnapshot>> snapshot;

    PlanTimelineView(ObservableValue<RolloutPlan> plan, ObservableValue<Optional<RolloutSnapshot>> snapshot) {
        this.plan = plan;
        this.snapshot = snapshot;
        root.getStyleClass().add(RolloutStyles.TIMELINE);
        root.setId("rollout-timeline");
        root.setMinHeight(HEIGHT);
        root.setPrefHeight(HEIGHT);
        root.setMinWidth(200);
        root.widthProperty().addListener((o, a, b) -> draw());
        plan.addListener((o, a, b) -> draw());
        snapshot.addListener((o, a, b) -> draw());
    }

    Node node() {
        return root;
    }

    private void draw() {
        root.getChildren().clear();
        RolloutPlan p = snapshot.getValue().map(RolloutSnapshot::plan).orElse(plan.getValue());
        double w = root.getWidth() - LEFT - 8;
        if (p == null || w <= 20) {
            return;
        }
        double h = HEIGHT - BOTTOM - 4;
        double span = PlanTimeline.span(p).toSeconds();
        List<PlanTimeline.Point> points = PlanTimeline.of(p);
        Polyline line = new Polyline();
        line.getStyleClass().add(RolloutStyles.TIMELINE_LINE);
        for (PlanTimeline.Point pt : points) {
            line.getPoints().addAll(x(pt.at(), span, w), y(pt.percent(), h));
        }
        Line axis = new Line(LEFT, y(0, h), LEFT + w, y(0, h));
        axis.getStyleClass().add(RolloutStyles.TIMELINE_AXIS);
        root.getChildren().addAll(axis, line);
        root.getChildren().addAll(label("100%", 0, y(100, h) - 8), label("0", 0, y(0, h) - 8),
                label("0 min", LEFT, HEIGHT - BOTTOM), label(PlanTimeline.span(p).toMinutes() + " min", LEFT + w - 40,
                        HEIGHT - BOTTOM));
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).gate() && points.get(i - 1).gate()) {
                Label g = label("gate", x(points.get(i - 1).at(), span, w), y(points.get(i).percent(), h) - 16);
                root.getChildren().add(g);
            }
        }
        snapshot.getValue().filter(s -> !s.finished() && s.step() >= 0).ifPresent(s -> {
            Duration at = Duration.ZERO;
            for (int i = 0; i < s.step() && i < p.steps().size(); i++) {
                at = at.plus(p.steps().get(i).kind() == RolloutPlan.Kind.GATE ? PlanTimeline.GATE_WIDTH : p.steps().get(i).bake());
            }
            double x = x(at, span, w);
            Line now = new Line(x, 2, x, y(0, h));
            now.getStyleClass().add(RolloutStyles.TIMELINE_NOW);
            root.getChildren().add(now);
        });
    }

    private static double x(Duration at, double span, double w) {
        return LEFT + w * at.toSeconds() / span;
    }

    private static double y(double percent, double h) {
        return 4 + h * (1 - percent / 100);
    }

    private static Label label(String text, double x, double y) {
        Label l = new Label(text);
        l.getStyleClass().add(RolloutStyles.TIMELINE_LABEL);
        l.relocate(x, y); // a Pane sizes its children to their preferred size and leaves them where put
        return l;
    }
}

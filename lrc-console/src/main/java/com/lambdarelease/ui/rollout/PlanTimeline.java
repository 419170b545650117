package com.lambdarelease.ui.rollout;

import com.lambdarelease.rollout.RolloutPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as weights over time, for the picker's small chart: the canary weight from the first
 * shift to the promotion, each step held for its bake (the least it takes; evidence holds and the
 * wait for final data come on top). A manual gate is drawn as {@link #GATE_WIDTH} at the weight
 * before it, since how long it waits is the operator's.
 */
public final class PlanTimeline {

    /** How wide a manual gate is drawn. */
    public static final Duration GATE_WIDTH = Duration.ofMinutes(1);

    /** One corner of the step line: at {@code at} after the first shift the canary has {@code percent}. */
    public record Point(Duration at, double percent, boolean gate) {
    }

    private PlanTimeline() {
    }

    /** Corners of the step line: 0% at the start, each step's weight over its bake, then 100%. */
    public static List<Point> of(RolloutPlan plan) {
        List<Point> out = new ArrayList<>();
        Duration t = Duration.ZERO;
        double weight = 0;
        out.add(new Point(t, 0, false));
        for (RolloutPlan.Step s : plan.steps()) {
            boolean gate = s.kind() == RolloutPlan.Kind.GATE;
            if (!gate) {
                out.add(new Point(t, weight, false));
                weight = s.percent();
            }
            out.add(new Point(t, weight, gate));
            t = t.plus(gate ? GATE_WIDTH : s.bake());
            out.add(new Point(t, weight, gate));
        }
        out.add(new Point(t, 100, false));
        return out;
    }

    /** The time the drawn line spans (at least a minute, so AllAtOnce draws). */
    public static Duration span(RolloutPlan plan) {
        List<Point> points = of(plan);
        Duration d = points.get(points.size() - 1).at();
        return d.isZero() ? Duration.ofMinutes(1) : d;
    }

    /** "9 steps, at least 9 min" */
    public static String summary(RolloutPlan plan) {
        long gates = plan.steps().stream().filter(s -> s.kind() == RolloutPlan.Kind.GATE).count();
        long minutes = plan.minimumDuration().toMinutes();
        String steps = plan.steps().isEmpty() ? "all at once" : plan.steps().size() + (plan.steps().size() == 1 ? " step" : " steps");
        return steps + (gates > 0 ? " (" + gates + (gates == 1 ? " manual gate" : " manual gates") + ")" : "")
                + ", at least " + minutes + " min";
    }
}

package com.lambdarelease.rollout;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.Weight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How traffic moves to the new version: an ordered list of steps, each a canary weight held for at
 * least a bake time, or a manual gate that waits for an operator; after the last step the new
 * version is promoted (all traffic, routing cleared). CodeDeploy's predefined names are built in;
 * custom plans are saved by name ({@link PlanStore}).
 */
public record RolloutPlan(String name, List<Step> steps) {

    public enum Kind { SHIFT, GATE }

    /**
     * One step. A {@code SHIFT} sends {@code percent} (0.1 % grid, above 0 and below 100) to the new
     * version and bakes at least {@code bake}; a {@code GATE} keeps the weight and waits for approval.
     */
    public record Step(Kind kind, double percent, Duration bake) {
        public Step {
            if (kind == Kind.SHIFT) {
                if (!(percent > 0 && percent < 100) || Weight.tenthsOfPercent(percent) / 10.0 != percent) {
                    throw new InvalidInputException("A step's weight must be above 0% and below 100% in steps of 0.1, was "
                            + percent + ".");
                }
                if (bake.isNegative()) {
                    throw new InvalidInputException("A step's bake time cannot be negative.");
                }
            }
        }

        public static Step shift(double percent, Duration bake) {
            return new Step(Kind.SHIFT, percent, bake);
        }

        public static Step gate() {
            return new Step(Kind.GATE, 0, Duration.ZERO);
        }

        /** "10% for 5 min" or "manual gate". */
        public String describe() {
            return kind == Kind.GATE ? "manual gate" : Weight.percentNumber(percent) + "% for " + minutes(bake);
        }
    }

    public RolloutPlan {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("A plan needs a name.");
        }
        steps = List.copyOf(steps);
    }

    private static final Map<String, RolloutPlan> PREDEFINED = new LinkedHashMap<>();

    static {
        for (int m : new int[] {5, 10, 15, 30}) {
            add(new RolloutPlan("Canary10Percent" + m + "Minutes", List.of(Step.shift(10, Duration.ofMinutes(m)))));
        }
        for (int m : new int[] {1, 2, 3, 10}) {
            List<Step> steps = new ArrayList<>();
            for (int p = 10; p < 100; p += 10) {
                steps.add(Step.shift(p, Duration.ofMinutes(m)));
            }
            add(new RolloutPlan("Linear10PercentEvery" + m + (m == 1 ? "Minute" : "Minutes"), steps));
        }
        add(new RolloutPlan("AllAtOnce", List.of()));
    }

    private static void add(RolloutPlan plan) {
        PREDEFINED.put(plan.name(), plan);
    }

    /** CodeDeploy's predefined plan of that name. */
    public static Optional<RolloutPlan> predefined(String name) {
        return Optional.ofNullable(PREDEFINED.get(name));
    }

    public static List<RolloutPlan> predefined() {
        return List.copyOf(PREDEFINED.values());
    }

    /** The minimum time the plan takes, bakes only (the data delay and evidence holds come on top). */
    public Duration minimumDuration() {
        return steps.stream().map(Step::bake).reduce(Duration.ZERO, Duration::plus);
    }

    /** "10% for 1 min → 20% for 1 min → … → 100%" */
    public String describe() {
        List<String> parts = new ArrayList<>(steps.stream().map(Step::describe).toList());
        parts.add("100%");
        return String.join(" → ", parts);
    }

    static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }
}

package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Custom plans saved by name as JSON, one file per plan in {@code rollout-plans/} beside the
 * console's settings, so the console and the command line offer the same plans. Predefined
 * (CodeDeploy) names cannot be overwritten. Blocking file I/O: call it off the FX thread.
 */
public final class PlanStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path folder;

    public PlanStore(Path folder) {
        this.folder = folder;
    }

    /** {@code rollout-plans/} beside {@code settings.json}. */
    public static PlanStore besideSettings(Path settingsFile) {
        return new PlanStore(settingsFile.resolveSibling("rollout-plans"));
    }

    public void save(RolloutPlan plan) {
        if (!NAME.matcher(plan.name()).matches()) {
            throw new InvalidInputException("A plan's name is 1-64 letters, digits, '.', '_' or '-', was '" + plan.name() + "'.");
        }
        if (RolloutPlan.predefined(plan.name()).isPresent()) {
            throw new InvalidInputException(plan.name() + " is one of CodeDeploy's predefined plans; choose another name.");
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(plan.name() + ".json"), JSON.writeValueAsString(toJson(plan)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the plan " + plan.name() + " in " + folder, e);
        }
    }

    /** A predefined plan, else a saved one. */
    public Optional<RolloutPlan> find(String name) {
        Optional<RolloutPlan> predefined = RolloutPlan.predefined(name);
        if (predefined.isPresent() || !NAME.matcher(name).matches()) {
            return predefined;
        }
        Path file = folder.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(JSON.readTree(file.toFile())));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("The saved plan " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Every plan: the predefined ones, then the saved ones by name. */
    public List<RolloutPlan> all() {
        List<RolloutPlan> out = new ArrayList<>(RolloutPlan.predefined());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                        .forEach(n -> find(n.substring(0, n.length() - 5)).ifPresent(out::add));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** {"name":"…","steps":[{"weight":10,"bakeSeconds":300},{"gate":true}]} */
    public static ObjectNode toJson(RolloutPlan plan) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", plan.name());
        ArrayNode steps = n.putArray("steps");
        for (RolloutPlan.Step s : plan.steps()) {
            ObjectNode step = steps.addObject();
            if (s.kind() == RolloutPlan.Kind.GATE) {
                step.put("gate", true);
            } else {
                step.put("weight", s.percent());
                step.put("bakeSeconds", s.bake().toSeconds());
            }
        }
        return n;
    }

    public static RolloutPlan fromJson(JsonNode n) {
        List<RolloutPlan.Step> steps = new ArrayList<>();
        for (JsonNode s : n.path("steps")) {
            steps.add(s.path("gate").asBoolean(false) ? RolloutPlan.Step.gate()
                    : RolloutPlan.Step.shift(s.path("weight").asDouble(), Duration.ofSeconds(s.path("bakeSeconds").asLong())));
        }
        return new RolloutPlan(n.path("name").asText(), steps);
    }
}

package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.ReleaseJournal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollout's story in the release journal, beside the alias changes it made: {@code "type":"rollout"}
 * lines (which readers of alias changes skip) for its start (plan, settings, the exact baseline),
 * every transition (with the progress a restart needs: step, weight, the RevisionId it last wrote),
 * every operator control, and requests from another process (the command line asking the console's
 * rollout to pause, or the reverse).
 */
public final class RolloutJournal {

    static final String TYPE = "rollout";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReleaseJournal journal;

    public RolloutJournal(ReleaseJournal journal) {
        this.journal = journal;
    }

    public ReleaseJournal releaseJournal() {
        return journal;
    }

    ObjectNode record(String id, String function, String alias, String event, Instant at) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", TYPE);
        n.put("at", at.toString());
        n.put("id", id);
        n.put("function", function);
        n.put("alias", alias);
        n.put("event", event);
        return n;
    }

    void append(ObjectNode record) {
        journal.appendRecord(record);
    }

    /** Asks whoever drives the rollout of {@code function:alias} to do {@code control} (pause, resume, approve, abort, …). */
    public void request(String id, String function, String alias, String control, String reason, String who, Instant at) {
        ObjectNode n = record(id, function, alias, "request", at);
        n.put("control", control);
        n.put("reason", reason);
        n.put("who", who);
        append(n);
    }

    /** Every rollout record, oldest first (read from the file: other processes append too). */
    public List<ObjectNode> all() {
        return journal.records(TYPE);
    }

    /** The records of one rollout, oldest first. */
    public List<ObjectNode> of(String id) {
        return all().stream().filter(r -> id.equals(r.path("id").asText())).toList();
    }

    /** The latest record of each rollout, by id, in the order they started. */
    public Map<String, ObjectNode> latest() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode r : all()) {
            if (!"request".equals(r.path("event").asText())) {
                out.put(r.path("id").asText(), r);
            }
        }
        return out;
    }

    /** The newest rollout of {@code function:alias}: its latest record. */
    public Optional<ObjectNode> latestOf(String function, String alias) {
        return latest().values().stream()
                .filter(r -> function.equals(r.path("function").asText()) && alias.equals(r.path("alias").asText()))
                .reduce((a, b) -> b);
    }

    /**
     * The decisions of rollouts of {@code function:alias} between {@code from} and {@code to}, oldest
     * first, to mark on its charts (blocking I/O: the journal is read from its file).
     */
    public List<RolloutMark> marks(String function, String alias, Instant from, Instant to) {
        return all().stream()
                .filter(r -> "state".equals(r.path("event").asText()) && function.equals(r.path("function").asText())
                        && alias.equals(r.path("alias").asText()))
                .map(r -> mark(r, from, to)).flatMap(Optional::stream).toList();
    }

    private static Optional<RolloutMark> mark(ObjectNode r, Instant from, Instant to) {
        RolloutMark.Kind kind = switch (r.path("change").asText()) {
            case "gate", "pause", "hold", "conflict" -> RolloutMark.Kind.WAITING;
            case "override", "promoted" -> RolloutMark.Kind.WENT_ON;
            case "rolled back", "failed" -> RolloutMark.Kind.FAILED;
            default -> null;
        };
        Instant at;
        try {
            at = Instant.parse(r.path("at").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        if (kind == null || at.isBefore(from) || at.isAfter(to)) {
            return Optional.empty();
        }
        if (kind == RolloutMark.Kind.WAITING && causeOf(r).filter(Cause::gateFailed).isPresent()) {
            kind = RolloutMark.Kind.FAILED;
        }
        return Optional.of(new RolloutMark(at, kind, "Rollout, " + state(r).words() + ": " + r.path("message").asText()));
    }

    /** Rollouts whose latest record is not promoted, rolled back or failed. */
    public List<ObjectNode> unfinished() {
        return latest().values().stream().filter(r -> !state(r).finished()).toList();
    }

    /** The typed cause a state line recorded, if any. */
    static Optional<Cause> causeOf(JsonNode r) {
        try {
            return r.hasNonNull("cause") ? Optional.of(Cause.valueOf(r.get("cause").asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static RolloutState state(JsonNode r) {
        try {
            return RolloutState.valueOf(r.path("state").asText("PENDING"));
        } catch (IllegalArgumentException e) {
            return RolloutState.PENDING;
        }
    }

    static ObjectNode aliasJson(AliasRoute a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("arn", a.arn());
        n.set("split", ReleaseJournal.splitJson(Optional.of(a.split())));
        n.put("description", a.description());
        n.put("revisionId", a.revisionId());
        return n;
    }

    static AliasRoute aliasFrom(JsonNode n, String function, String alias) {
        JsonNode s = n.path("split");
        Map<String, Double> weights = new LinkedHashMap<>();
        s.path("additionalVersionWeights").fields().forEachRemaining(f -> weights.put(f.getKey(), f.getValue().asDouble()));
        return new AliasRoute(function, alias, n.path("arn").asText(), TrafficSplit.fromRouting(
                s.path("functionVersion").asText(), weights), n.path("description").asText(""),
                n.path("revisionId").asText());
    }

    static ObjectNode settingsJson(RolloutSettings s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("alpha", s.alpha());
        s.maxErrorRate().ifPresent(r -> n.put("maxErrorRate", r));
        n.put("maxDurationRatio", s.maxDurationRatio());
        n.put("durationMinInvocations", s.durationMinInvocations());
        n.put("durationMinutes", s.durationMinutes());
        n.put("maxThrottleShare", s.maxThrottleShare());
        n.put("dataDelaySeconds", s.dataDelay().toSeconds());
        n.put("maxHoldSeconds", s.maxHold().toSeconds());
        n.put("rollbackOnFailure", s.rollbackOnFailure());
        n.put("unjudgedLimitSeconds", s.unjudgedLimit().toSeconds());
        n.put("rollbackWhenUnjudged", s.rollbackWhenUnjudged());
        return n;
    }

    static RolloutSettings settingsFrom(JsonNode n) {
        return new RolloutSettings(n.path("alpha").asDouble(0.01),
                n.hasNonNull("maxErrorRate") ? Optional.of(n.get("maxErrorRate").asDouble()) : Optional.empty(),
                n.path("maxDurationRatio").asDouble(1.5), n.path("durationMinInvocations").asInt(20),
                n.path("durationMinutes").asInt(3), n.path("maxThrottleShare").asDouble(0.01),
                java.time.Duration.ofSeconds(n.path("dataDelaySeconds").asLong(180)),
                java.time.Duration.ofSeconds(n.path("maxHoldSeconds").asLong(1800)),
                n.path("rollbackOnFailure").asBoolean(true),
                java.time.Duration.ofSeconds(n.path("unjudgedLimitSeconds").asLong(300)),
                n.path("rollbackWhenUnjudged").asBoolean(true));
    }
}

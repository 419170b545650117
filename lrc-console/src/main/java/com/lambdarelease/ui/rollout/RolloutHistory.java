package com.lambdarelease.ui.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Past rollouts of one alias as the journal tells them: one row per rollout, newest first. */
public final class RolloutHistory {

    /**
     * @param state   the latest recorded state ("ROLLED_BACK"), as the journal has it
     * @param message the latest decision in one sentence
     */
    public record Row(String id, Instant startedAt, String target, String plan, String state, String message,
                      Optional<Instant> endedAt) {

        /** "rolled back" */
        public String stateWords() {
            return state.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    private RolloutHistory() {
    }

    public static List<Row> of(List<ObjectNode> records, String function, String alias) {
        Map<String, ObjectNode> started = new LinkedHashMap<>();
        Map<String, ObjectNode> last = new LinkedHashMap<>();
        for (ObjectNode r : records) {
            if (!function.equals(r.path("function").asText()) || !alias.equals(r.path("alias").asText())) {
                continue;
            }
            String id = r.path("id").asText();
            String event = r.path("event").asText();
            if ("started".equals(event)) {
                started.put(id, r);
            }
            if (r.has("state") && !"request".equals(event) && !"control".equals(event)) {
                last.put(id, r);
            }
        }
        List<Row> out = new ArrayList<>();
        started.forEach((id, s) -> {
            ObjectNode l = last.getOrDefault(id, s);
            String state = l.path("state").asText("PENDING");
            boolean ended = state.equals("PROMOTED") || state.equals("ROLLED_BACK") || state.equals("FAILED");
            out.add(new Row(id, Instant.parse(s.path("at").asText()), s.path("target").asText(),
                    s.path("plan").path("name").asText(), state, l.path("message").asText(""),
                    ended ? Optional.of(Instant.parse(l.path("at").asText())) : Optional.empty()));
        });
        java.util.Collections.reverse(out);
        return out;
    }
}

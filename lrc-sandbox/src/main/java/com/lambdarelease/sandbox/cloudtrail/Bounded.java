package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Keeps each recorded event small whatever a client sent, so the trail's memory is bounded by its event
 * count: a part of a record (requestParameters, responseElements) over {@link #MAX_PART_CHARS} is
 * replaced by a note saying so. AWS documents no such cut; the sandbox makes it to stay bounded.
 */
final class Bounded {

    static final int MAX_PART_CHARS = 16 * 1024;

    private Bounded() {
    }

    /** {@code part} as it is, or a note when its JSON is longer than {@link #MAX_PART_CHARS}. */
    static JsonNode part(JsonNode part) {
        if (part == null) {
            return null;
        }
        String json = Json.write(part);
        if (json.length() <= MAX_PART_CHARS) {
            return part;
        }
        ObjectNode note = Json.MAPPER.createObjectNode();
        note.put("sandboxOmitted", "over " + MAX_PART_CHARS + " characters (" + json.length() + ")");
        return note;
    }

    /** A map's values with long strings cut; its keys are kept (tags are at most 128 characters on success). */
    static JsonNode map(JsonNode map) {
        if (!map.isObject()) {
            return CamelCase.of(map);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        map.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue().isTextual()
                && e.getValue().asText().length() > CamelCase.MAX_STRING
                ? TextNode.valueOf(e.getValue().asText().substring(0, CamelCase.MAX_STRING) + "...") : e.getValue()));
        return out;
    }
}

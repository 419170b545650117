package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Set;

/**
 * Lambda's members as CloudTrail writes them in requestParameters and responseElements: each structure
 * member's name with its first letter lower-cased ({@code FunctionVersion} → {@code functionVersion},
 * {@code KMSKeyArn} → {@code kMSKeyArn}); the keys of maps (tags, environment variables, routing weights)
 * kept as sent. A deployment package's bytes are left out and environment variables hidden, as
 * CloudTrail records of Lambda show them (not documented; the sandbox follows what is seen in the field).
 * Strings longer than {@link #MAX_STRING} characters are cut (the sandbox's own bound: a refused 10 MB
 * Description must not make a 10 MB event).
 */
final class CamelCase {

    /** Members whose value is a map: its keys are data, not member names. */
    private static final Set<String> MAPS = Set.of("Tags", "AdditionalVersionWeights");
    private static final Set<String> LEFT_OUT = Set.of("ZipFile");
    static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    static final int MAX_STRING = 1024;

    private CamelCase() {
    }

    static JsonNode of(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(item -> out.add(of(item)));
            return out;
        }
        if (node.isTextual() && node.asText().length() > MAX_STRING) {
            return TextNode.valueOf(node.asText().substring(0, MAX_STRING) + "...");
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        node.fields().forEachRemaining(e -> {
            String name = e.getKey();
            if (LEFT_OUT.contains(name)) {
                return;
            }
            JsonNode value = name.equals("Variables") ? TextNode.valueOf(HIDDEN)
                    : MAPS.contains(name) ? Bounded.map(e.getValue()) : of(e.getValue());
            out.set(member(name), value);
        });
        return out;
    }

    static String member(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

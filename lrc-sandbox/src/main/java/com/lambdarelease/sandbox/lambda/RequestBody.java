package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's JSON body with typed, strict getters: a member of the wrong JSON type is refused
 * with 400 InvalidRequestContentException, as AWS's deserialiser does. Absent and null read alike.
 */
final class RequestBody {

    private final JsonNode root;

    private RequestBody(JsonNode root) {
        this.root = root;
    }

    /** Parses the body; an empty body reads as {@code {}}. */
    static RequestBody parse(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new RequestBody(Json.MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw LambdaError.badContent(e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw LambdaError.badContent("unreadable body");
        }
        if (node == null || !node.isObject()) {
            throw LambdaError.badContent("Cannot deserialize value of type `Request` from "
                    + describe(node == null ? JsonNodeType.MISSING : node.getNodeType()) + " (expected a JSON object)");
        }
        return new RequestBody(node);
    }

    Optional<String> string(String member) {
        return present(member).map(n -> expect(n, member, JsonNodeType.STRING, "java.lang.String").asText());
    }

    Optional<Integer> integer(String member) {
        return present(member).map(n -> {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw wrongType(member, "java.lang.Integer", n);
            }
            return n.intValue();
        });
    }

    Optional<Boolean> bool(String member) {
        return present(member).map(n -> expect(n, member, JsonNodeType.BOOLEAN, "java.lang.Boolean").booleanValue());
    }

    Optional<RequestBody> object(String member) {
        return present(member).map(n -> new RequestBody(expect(n, member, JsonNodeType.OBJECT, "Structure")));
    }

    /** A JSON object whose values are all strings (environment variables). */
    Optional<Map<String, String>> stringMap(String member) {
        return object(member).map(o -> {
            Map<String, String> out = new LinkedHashMap<>();
            o.root.fields().forEachRemaining(e -> out.put(e.getKey(),
                    expect(e.getValue(), member + "." + e.getKey(), JsonNodeType.STRING, "java.lang.String").asText()));
            return out;
        });
    }

    /** A JSON object whose values are numbers or null (routing weights); null values are kept as null. */
    Optional<Map<String, Double>> weightMap(String member) {
        return object(member).map(o -> {
            Map<String, Double> out = new LinkedHashMap<>();
            o.root.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    out.put(e.getKey(), null);
                } else if (v.isNumber()) {
                    out.put(e.getKey(), v.doubleValue());
                } else {
                    throw wrongType(member + "." + e.getKey(), "java.lang.Double", v);
                }
            });
            return out;
        });
    }

    Optional<List<String>> stringList(String member) {
        return present(member).map(n -> {
            expect(n, member, JsonNodeType.ARRAY, "java.util.List");
            List<String> out = new ArrayList<>();
            n.forEach(item -> out.add(expect(item, member, JsonNodeType.STRING, "java.lang.String").asText()));
            return out;
        });
    }

    /** The member as sent, whatever its JSON type. */
    Optional<JsonNode> node(String member) {
        return present(member);
    }

    boolean has(String member) {
        return present(member).isPresent();
    }

    private Optional<JsonNode> present(String member) {
        JsonNode n = root.get(member);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    private static JsonNode expect(JsonNode n, String member, JsonNodeType type, String javaType) {
        if (n.getNodeType() != type) {
            throw wrongType(member, javaType, n);
        }
        return n;
    }

    private static LambdaError wrongType(String member, String javaType, JsonNode n) {
        return LambdaError.badContent("Cannot deserialize value of type `" + javaType + "` from "
                + describe(n.getNodeType()) + " at '" + member + "'");
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case STRING -> "String value";
            case NUMBER -> "Number value";
            case BOOLEAN -> "Boolean value";
            case ARRAY -> "Array value";
            case OBJECT -> "Object value";
            case NULL -> "null value";
            default -> "nothing";
        };
    }
}

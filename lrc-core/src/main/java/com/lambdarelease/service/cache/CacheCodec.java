package com.lambdarelease.service.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.TrafficSplit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cache files' format. The function list is read and written with Jackson's streaming parser,
 * one array per function ({@code [name, arn, runtime, memoryMb, timeoutSeconds, lastModifiedMillis]}),
 * because it is read on the way to the first screen, where a data-binding pass over 10,000 objects
 * would cost more than the file's I/O. Every file starts with {@code format} and {@code key}; a file of
 * another format or for another key is not ours to read.
 */
final class CacheCodec {

    /** Raise when the files' meaning changes; older files are then ignored, never misread. */
    static final int FORMAT = 1;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper(FACTORY);

    private CacheCodec() {
    }

    static void writeListing(OutputStream out, String key, CachedListing listing) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("key", key);
            if (listing.account().isPresent()) {
                g.writeStringField("account", listing.account().get());
            }
            g.writeNumberField("savedAt", listing.savedAt().toEpochMilli());
            g.writeBooleanField("complete", listing.complete());
            g.writeArrayFieldStart("functions");
            for (FunctionSummary f : listing.functions()) {
                g.writeStartArray();
                g.writeString(f.name());
                g.writeString(f.arn());
                g.writeString(f.runtime());
                g.writeNumber(f.memoryMb());
                g.writeNumber(f.timeoutSeconds());
                g.writeNumber(f.lastModified() == null ? 0 : f.lastModified().toEpochMilli());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The listing in {@code in}, or empty when it is of another format or key. Throws on a file that does not parse. */
    static Optional<CachedListing> readListing(InputStream in, String key, int maxFunctions) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Integer format = null;
            String fileKey = null;
            String account = null;
            Long savedAt = null;
            boolean complete = false;
            List<FunctionSummary> functions = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "key" -> fileKey = p.getText();
                    case "account" -> account = p.getText();
                    case "savedAt" -> savedAt = p.getLongValue();
                    case "complete" -> complete = p.getBooleanValue();
                    case "functions" -> {
                        if (format == null || format != FORMAT || !key.equals(fileKey)) {
                            return Optional.empty(); // "format" and "key" come first: stop before reading the rest
                        }
                        expect(value, JsonToken.START_ARRAY);
                        functions = readFunctions(p, maxFunctions);
                    }
                    default -> p.skipChildren();
                }
            }
            if (format == null || format != FORMAT || !key.equals(fileKey) || savedAt == null || functions == null) {
                return Optional.empty();
            }
            return Optional.of(new CachedListing(Optional.ofNullable(account), Instant.ofEpochMilli(savedAt), functions, complete));
        }
    }

    private static List<FunctionSummary> readFunctions(JsonParser p, int maxFunctions) throws IOException {
        List<FunctionSummary> functions = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            if (functions.size() == maxFunctions) {
                throw new IOException("more than " + maxFunctions + " functions");
            }
            String name = text(p);
            String arn = text(p);
            String runtime = text(p);
            int memory = number(p).intValue();
            int timeout = number(p).intValue();
            long modified = number(p).longValue();
            expect(p.nextToken(), JsonToken.END_ARRAY);
            if (name == null || name.isEmpty()) {
                throw new IOException("a function without a name");
            }
            functions.add(new FunctionSummary(name, arn, runtime, memory, timeout, Instant.ofEpochMilli(modified), ""));
        }
        expect(p.currentToken(), JsonToken.END_ARRAY);
        return functions;
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static Number number(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getNumberValue();
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + ", found " + actual);
        }
    }

    // ---- versions and aliases: small, read when a function is opened, so a tree is plain enough

    /** The details file: the functions opened lately, most recent first. Empty when of another format or key. */
    static Map<String, CachedDetail> readDetails(InputStream in, String key) throws IOException {
        JsonNode root = TREE.readTree(in);
        Map<String, CachedDetail> out = new LinkedHashMap<>();
        if (root == null || root.path("format").asInt(-1) != FORMAT || !key.equals(root.path("key").asText(null))) {
            return out;
        }
        for (JsonNode d : root.path("functions")) {
            List<FunctionConfig> versions = new ArrayList<>();
            String name = d.path("name").asText();
            for (JsonNode v : d.path("versions")) {
                versions.add(new FunctionConfig(name, v.path("arn").asText(), v.path("version").asText(),
                        v.path("description").asText(""), v.path("runtime").asText(null), v.path("handler").asText(null),
                        v.path("memoryMb").asInt(), v.path("timeoutSeconds").asInt(), v.path("role").asText(null),
                        v.path("codeSha256").asText(null), v.path("codeSize").asLong(),
                        Instant.ofEpochMilli(v.path("lastModified").asLong()), v.path("revisionId").asText(null),
                        List.of(), Map.of(), Optional.empty()));
            }
            List<AliasRoute> aliases = new ArrayList<>();
            for (JsonNode a : d.path("aliases")) {
                Map<String, Double> weights = new LinkedHashMap<>();
                a.path("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
                aliases.add(new AliasRoute(name, a.path("name").asText(), a.path("arn").asText(),
                        TrafficSplit.fromRouting(a.path("primary").asText(), weights), a.path("description").asText(""),
                        a.path("revisionId").asText(null)));
            }
            out.put(name, new CachedDetail(name, Instant.ofEpochMilli(d.path("savedAt").asLong()), versions, aliases));
        }
        return out;
    }

    static void writeDetails(OutputStream out, String key, Iterable<CachedDetail> details) throws IOException {
        ObjectNode root = TREE.createObjectNode();
        root.put("format", FORMAT);
        root.put("key", key);
        ArrayNode functions = root.putArray("functions");
        for (CachedDetail d : details) {
            ObjectNode f = functions.addObject();
            f.put("name", d.functionName());
            f.put("savedAt", d.savedAt().toEpochMilli());
            ArrayNode versions = f.putArray("versions");
            for (FunctionConfig c : d.versions()) {
                versions.addObject().put("arn", c.functionArn()).put("version", c.version())
                        .put("description", c.description()).put("runtime", c.runtime()).put("handler", c.handler())
                        .put("memoryMb", c.memoryMb()).put("timeoutSeconds", c.timeoutSeconds()).put("role", c.role())
                        .put("codeSha256", c.codeSha256()).put("codeSize", c.codeSize())
                        .put("lastModified", c.lastModified() == null ? 0 : c.lastModified().toEpochMilli())
                        .put("revisionId", c.revisionId());
            }
            ArrayNode aliases = f.putArray("aliases");
            for (AliasRoute a : d.aliases()) {
                ObjectNode n = aliases.addObject().put("name", a.name()).put("arn", a.arn())
                        .put("primary", a.split().primaryVersion()).put("description", a.description())
                        .put("revisionId", a.revisionId());
                ObjectNode weights = n.putObject("weights");
                a.split().additionalVersionWeights().forEach(weights::put);
            }
        }
        TREE.writeValue(out, root);
    }
}

package com.lambdarelease.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The two ways a command prints its result: aligned columns for people, one JSON document for scripts. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static void json(PrintWriter out, JsonNode document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Columns padded to their widest cell; the last column is not padded. */
    static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** {"functionVersion":"3","additionalVersionWeights":{"4":0.1}}, the shape of AWS's own alias fields. */
    static JsonNode split(Optional<TrafficSplit> split) {
        return com.lambdarelease.release.ReleaseJournal.splitJson(split);
    }

    static ObjectNode alias(AliasRoute a) {
        ObjectNode n = object();
        n.put("function", a.functionName());
        n.put("name", a.name());
        n.put("arn", a.arn());
        n.setAll((ObjectNode) split(Optional.of(a.split())));
        n.put("routing", a.split().describe());
        n.put("description", a.description());
        n.put("revisionId", a.revisionId());
        return n;
    }
}

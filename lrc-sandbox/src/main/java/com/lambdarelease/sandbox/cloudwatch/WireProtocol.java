package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The two ways CloudWatch is spoken here: smithy-rpc-v2-cbor (Java SDK v2) and awsJson1_0
 * (AWS CLI v1). Both carry the same document shape; they differ in encoding, headers and how a
 * timestamp is written (CBOR tag 1 + epoch seconds, or a plain epoch-seconds number).
 *
 * <p>Answers are built as plain trees of {@link Map}, {@link List}, {@link String},
 * {@link Number}, {@link Boolean} and {@link Instant}, and written by {@link #write(Object)}.
 */
enum WireProtocol {

    CBOR("application/cbor", new ObjectMapper(new CBORFactory())),
    JSON("application/x-amz-json-1.0", new ObjectMapper(new JsonFactory()));

    private final String contentType;
    private final ObjectMapper mapper;

    WireProtocol(String contentType, ObjectMapper mapper) {
        this.contentType = contentType;
        this.mapper = mapper;
    }

    String contentType() {
        return contentType;
    }

    /** The request document; an empty body is an empty input. */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return mapper.createObjectNode();
            }
            if (!node.isObject()) {
                throw CloudWatchError.malformed("expected a " + (this == CBOR ? "CBOR map" : "JSON object"));
            }
            return node;
        } catch (IOException e) {
            throw CloudWatchError.malformed(e.getMessage() == null ? "unreadable" : firstLine(e.getMessage()));
        }
    }

    byte[] write(Object document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            writeValue(g, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Instant instant) {
            if (g instanceof CBORGenerator cbor) {
                cbor.writeTag(1);
            }
            writeEpochSeconds(g, instant);
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static void writeEpochSeconds(JsonGenerator g, Instant t) throws IOException {
        if (t.getNano() == 0) {
            g.writeNumber(t.getEpochSecond());
        } else {
            g.writeNumber(BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).doubleValue());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * CloudWatch over awsQuery, what older SDKs and AWS CLI v2 before 2.32.14 (Debian's and Ubuntu's
 * packaged {@code awscli}) speak: {@code Action=GetMetricData&Version=2010-08-01&...} form-encoded,
 * lists as {@code Name.member.N}, answers in XML ({@code <GetMetricDataResponse><GetMetricDataResult>})
 * and errors as {@code <ErrorResponse><Error><Type>Sender</Type><Code>…}. The form becomes the same
 * document the other protocols decode to, so every operation and its checks are shared.
 */
final class QueryProtocol {

    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private static final Set<String> NUMBERS = Set.of("Period", "MaxDatapoints", "Value", "Values", "Counts",
            "SampleCount", "Sum", "Minimum", "Maximum", "StorageResolution");
    private static final Set<String> BOOLEANS = Set.of("ReturnData", "StrictEntityValidation");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private QueryProtocol() {
    }

    /** The Action parameter of a decoded form. */
    static String action(Map<String, String> form) {
        return form.getOrDefault("Action", "");
    }

    /** The form as a document: {@code A.member.1.B=x} becomes {@code {"A":[{"B":"x"}]}}, typed by member name. */
    static JsonNode document(Map<String, String> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> e : new TreeMap<>(form).entrySet()) {
            if (e.getKey().equals("Action") || e.getKey().equals("Version")) {
                continue;
            }
            put(root, e.getKey().split("\\."), 0, e.getValue());
        }
        return root;
    }

    private static void put(JsonNode parent, String[] path, int i, String value) {
        String name = path[i];
        boolean list = i + 2 < path.length && path[i + 1].equals("member");
        ObjectNode obj = (ObjectNode) parent;
        if (list) {
            ArrayNode array = obj.has(name) && obj.get(name).isArray() ? (ArrayNode) obj.get(name) : obj.putArray(name);
            int index = Integer.parseInt(path[i + 2]) - 1;
            if (i + 3 == path.length) {
                while (array.size() <= index) {
                    array.addNull();
                }
                array.set(index, leaf(name, value));
                return;
            }
            while (array.size() <= index) {
                array.addObject();
            }
            JsonNode item = array.get(index);
            if (!item.isObject()) {
                item = JsonNodeFactory.instance.objectNode();
                array.set(index, item);
            }
            put(item, path, i + 3, value);
            return;
        }
        if (i + 1 == path.length) {
            obj.set(name, leaf(name, value));
            return;
        }
        JsonNode child = obj.has(name) && obj.get(name).isObject() ? obj.get(name) : obj.putObject(name);
        put(child, path, i + 1, value);
    }

    private static JsonNode leaf(String name, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (NUMBERS.contains(name)) {
            try {
                return value.contains(".") || value.contains("e") || value.contains("E")
                        ? f.numberNode(Double.parseDouble(value)) : f.numberNode(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return f.textNode(value); // refused later as "must be a number", as AWS refuses it
            }
        }
        if (BOOLEANS.contains(name)) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? f.booleanNode(Boolean.parseBoolean(value)) : f.textNode(value);
        }
        return f.textNode(value);
    }

    /** {@code <{Op}Response><{Op}Result>…</{Op}Result><ResponseMetadata>…}; no Result element when empty. */
    static byte[] answer(String operation, Map<String, Object> output) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(operation)
                .append("Response xmlns=\"").append(XMLNS).append("\">");
        if (!output.isEmpty()) {
            xml.append('<').append(operation).append("Result>");
            writeMembers(xml, output);
            xml.append("</").append(operation).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(UUID.randomUUID()).append("</RequestId></ResponseMetadata></")
                .append(operation).append("Response>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] error(CloudWatchError e) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>"
                + (e.senderFault ? "Sender" : "Receiver") + "</Type><Code>" + escape(e.queryCode) + "</Code><Message>"
                + escape(e.getMessage()) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeMembers(StringBuilder xml, Map<?, ?> members) {
        members.forEach((k, v) -> {
            xml.append('<').append(k).append('>');
            writeValue(xml, v);
            xml.append("</").append(k).append('>');
        });
    }

    private static void writeValue(StringBuilder xml, Object value) {
        if (value instanceof Map<?, ?> map) {
            writeMembers(xml, map);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                xml.append("<member>");
                writeValue(xml, item);
                xml.append("</member>");
            }
        } else if (value instanceof Instant t) {
            xml.append(ISO.format(t));
        } else if (value != null) {
            xml.append(escape(value.toString()));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package com.lambdarelease.sandbox.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A JSON filter pattern, {@code { SELECTOR OP VALUE }} joined with {@code &&}, {@code ||} and
 * parentheses: selectors {@code $.a.b} and {@code $.list[0]}, operators {@code = != < > <= >=},
 * string values quoted or bare with {@code *} as a wildcard, numeric values compared as numbers,
 * and {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}. An event whose
 * message is not a JSON object never matches.
 */
final class JsonPattern {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private int at;

    private JsonPattern(String text) {
        this.text = text;
    }

    static Predicate<String> parse(String pattern) {
        String p = pattern.trim();
        if (!p.endsWith("}")) {
            throw invalid("a JSON pattern must end with }");
        }
        JsonPattern parser = new JsonPattern(p.substring(1, p.length() - 1));
        parser.tokenize();
        Predicate<JsonNode> test = parser.or();
        if (parser.at != parser.tokens.size()) {
            throw invalid("unexpected '" + parser.tokens.get(parser.at) + "'");
        }
        return message -> {
            int brace = message.indexOf('{');
            if (brace < 0) {
                return false;
            }
            try {
                JsonNode doc = MAPPER.readTree(message);
                return doc != null && doc.isObject() && test.test(doc);
            } catch (IOException notJson) {
                return false;
            }
        };
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (peek("||")) {
            at++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = unary();
        while (peek("&&")) {
            at++;
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<JsonNode> unary() {
        if (peek("(")) {
            at++;
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        String selector = next();
        if (!selector.startsWith("$")) {
            throw invalid("expected a selector such as $.level, found '" + selector + "'");
        }
        List<Object> path = path(selector);
        String op = next();
        if (op.equals("IS")) {
            String what = next();
            return switch (what) {
                case "NULL" -> doc -> resolve(doc, path) != null && resolve(doc, path).isNull();
                case "TRUE" -> doc -> resolve(doc, path) != null && resolve(doc, path).isBoolean() && resolve(doc, path).asBoolean();
                case "FALSE" -> doc -> resolve(doc, path) != null && resolve(doc, path).isBoolean() && !resolve(doc, path).asBoolean();
                default -> throw invalid("IS must be followed by NULL, TRUE or FALSE");
            };
        }
        if (op.equals("NOT")) {
            expect("EXISTS");
            return doc -> resolve(doc, path) == null;
        }
        if (!List.of("=", "!=", "<", ">", "<=", ">=").contains(op)) {
            throw invalid("expected an operator (= != < > <= >=) after " + selector + ", found '" + op + "'");
        }
        String value = next();
        boolean quotedValue = value.startsWith("\"");
        String literal = quotedValue ? value.substring(1) : value;
        Double number = quotedValue ? null : number(literal);
        if (number == null && !op.equals("=") && !op.equals("!=")) {
            throw invalid(op + " needs a number, found '" + literal + "'");
        }
        if (number != null) {
            double n = number;
            return doc -> {
                JsonNode v = resolve(doc, path);
                if (v == null || !(v.isNumber() || (v.isTextual() && number(v.asText()) != null))) {
                    return false;
                }
                double d = v.isNumber() ? v.asDouble() : number(v.asText());
                return switch (op) {
                    case "=" -> d == n;
                    case "!=" -> d != n;
                    case "<" -> d < n;
                    case ">" -> d > n;
                    case "<=" -> d <= n;
                    default -> d >= n;
                };
            };
        }
        Pattern glob = Pattern.compile(Pattern.quote(literal).replace("*", "\\E.*\\Q"), Pattern.DOTALL);
        boolean equal = op.equals("=");
        return doc -> {
            JsonNode v = resolve(doc, path);
            if (v == null || v.isContainerNode()) {
                return !equal && v != null;
            }
            return glob.matcher(v.asText()).matches() == equal;
        };
    }

    private static List<Object> path(String selector) {
        List<Object> path = new ArrayList<>();
        int i = 1;
        while (i < selector.length()) {
            char c = selector.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < selector.length() && selector.charAt(j) != '.' && selector.charAt(j) != '[') {
                    j++;
                }
                if (j == i + 1) {
                    throw invalid("empty member name in " + selector);
                }
                path.add(selector.substring(i + 1, j));
                i = j;
            } else if (c == '[') {
                int close = selector.indexOf(']', i);
                if (close < 0) {
                    throw invalid("unclosed [ in " + selector);
                }
                try {
                    path.add(Integer.parseInt(selector.substring(i + 1, close)));
                } catch (NumberFormatException e) {
                    throw invalid("index must be a number in " + selector);
                }
                i = close + 1;
            } else {
                throw invalid("unexpected '" + c + "' in " + selector);
            }
        }
        if (path.isEmpty()) {
            throw invalid("a selector must name a member: $.name");
        }
        return path;
    }

    /** The node at {@code path}, or null when there is none. */
    private static JsonNode resolve(JsonNode doc, List<Object> path) {
        JsonNode n = doc;
        for (Object step : path) {
            n = step instanceof Integer i ? (n.isArray() ? n.get(i) : null) : n.get((String) step);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (text.startsWith("&&", i) || text.startsWith("||", i) || text.startsWith("!=", i)
                    || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else if (c == '=' || c == '<' || c == '>') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder("\"");
                i = FilterPattern.quoted(text, i, s);
                tokens.add(s.toString());
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "()=!<>&|\"".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                if (j == i) {
                    throw invalid("unexpected '" + c + "'");
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw invalid("the pattern ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        if (!next().equals(token)) {
            throw invalid("expected '" + token + "'");
        }
    }

    private static LogsError invalid(String why) {
        return LogsError.invalidParameter("Invalid filter pattern: " + why);
    }
}

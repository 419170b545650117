package com.lambdarelease.sandbox.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/**
 * GetMetricData's metric math
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html):
 * {@code + - * / ^}, comparisons, AND/OR between
 * query ids and numbers; SUM, AVG, MIN, MAX (a time series to a scalar, an array of series to one
 * series), METRICS() and METRICS("s") (the MetricStat queries whose Id contains s), FILL(m, value |
 * REPEAT | LINEAR), IF(condition, a[, b]) and RATE(m). A timestamp one operand lacks counts as 0, and
 * a division by zero drops the point. Functions AWS has but the sandbox does not compute are refused.
 */
final class MetricMath {

    /** A value of an expression: a number, a time series, or an array of labelled time series. */
    sealed interface Value permits Scalar, Series, SeriesArray {
    }

    record Scalar(double value) implements Value {
    }

    /** Sorted by timestamp. */
    record Series(String label, TreeMap<Instant, Double> points) implements Value {
    }

    record SeriesArray(List<Series> series) implements Value {
    }

    /** What an expression can see: the other queries by id, and the time grid FILL fills. */
    interface Context {
        Value resolve(String id);

        List<Series> metricStats(String idContains);

        List<Instant> grid();
    }

    private final String text;
    private final Context context;
    private final List<String> tokens;
    private int pos;

    private MetricMath(String text, Context context) {
        this.text = text;
        this.context = context;
        this.tokens = tokenize(text);
    }

    /** Evaluates {@code expression}; a malformed one is refused with {@code where} named in the message. */
    static Value evaluate(String expression, Context context, String where) {
        try {
            MetricMath m = new MetricMath(expression, context);
            Value v = m.or();
            if (m.pos != m.tokens.size()) {
                throw new IllegalArgumentException("unexpected '" + m.tokens.get(m.pos) + "'");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw CloudWatchError.invalidParameterValue("Error in expression " + where + ": " + e.getMessage());
        }
    }

    // ---- parsing, lowest precedence first ----

    private Value or() {
        Value left = and();
        while (accept("OR") || accept("||")) {
            left = combine(left, and(), (a, b) -> a != 0 || b != 0 ? 1 : 0);
        }
        return left;
    }

    private Value and() {
        Value left = comparison();
        while (accept("AND") || accept("&&")) {
            left = combine(left, comparison(), (a, b) -> a != 0 && b != 0 ? 1 : 0);
        }
        return left;
    }

    private Value comparison() {
        Value left = additive();
        while (true) {
            String op = peek();
            DoubleBinaryOperator f = switch (op == null ? "" : op) {
                case "<" -> (a, b) -> a < b ? 1 : 0;
                case "<=" -> (a, b) -> a <= b ? 1 : 0;
                case ">" -> (a, b) -> a > b ? 1 : 0;
                case ">=" -> (a, b) -> a >= b ? 1 : 0;
                case "==" -> (a, b) -> a == b ? 1 : 0;
                case "!=" -> (a, b) -> a != b ? 1 : 0;
                default -> null;
            };
            if (f == null) {
                return left;
            }
            pos++;
            left = combine(left, additive(), f);
        }
    }

    private Value additive() {
        Value left = multiplicative();
        while (true) {
            if (accept("+")) {
                left = combine(left, multiplicative(), Double::sum);
            } else if (accept("-")) {
                left = combine(left, multiplicative(), (a, b) -> a - b);
            } else {
                return left;
            }
        }
    }

    private Value multiplicative() {
        Value left = power();
        while (true) {
            if (accept("*")) {
                left = combine(left, power(), (a, b) -> a * b);
            } else if (accept("/")) {
                left = combine(left, power(), (a, b) -> b == 0 ? Double.NaN : a / b);
            } else {
                return left;
            }
        }
    }

    private Value power() {
        Value base = unary();
        if (accept("^")) {
            return combine(base, power(), Math::pow);
        }
        return base;
    }

    private Value unary() {
        if (accept("-")) {
            return combine(new Scalar(0), unary(), (a, b) -> a - b);
        }
        return primary();
    }

    private Value primary() {
        String t = next();
        if (t.equals("(")) {
            Value v = or();
            expect(")");
            return v;
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
            return new Scalar(Double.parseDouble(t));
        }
        if (t.startsWith("\"")) {
            throw new IllegalArgumentException("a string is only allowed as METRICS()'s argument");
        }
        if (accept("(")) {
            return function(t.toUpperCase(Locale.ROOT));
        }
        return context.resolve(t);
    }

    private Value function(String name) {
        switch (name) {
            case "METRICS" -> {
                String filter = "";
                if (peek() != null && peek().startsWith("\"")) {
                    String s = next();
                    filter = s.substring(1, s.length() - 1);
                }
                expect(")");
                return new SeriesArray(context.metricStats(filter));
            }
            case "SUM", "AVG", "MIN", "MAX" -> {
                Value v = or();
                expect(")");
                return aggregate(name, v);
            }
            case "FILL" -> {
                Value v = or();
                expect(",");
                String how = peek() == null ? "" : peek().toUpperCase(Locale.ROOT);
                Value with = null;
                if (how.equals("REPEAT") || how.equals("LINEAR")) {
                    pos++;
                } else {
                    with = or();
                }
                expect(")");
                Value filler = with;
                return map(v, s -> fill(s, how, filler));
            }
            case "IF" -> {
                Value condition = or();
                expect(",");
                Value then = or();
                Value otherwise = accept(",") ? or() : null;
                expect(")");
                return conditional(condition, then, otherwise);
            }
            case "RATE" -> {
                Value v = or();
                expect(")");
                return map(v, MetricMath::rate);
            }
            default -> throw new IllegalArgumentException("the sandbox does not compute " + name + "()");
        }
    }

    // ---- functions ----

    private static Value aggregate(String name, Value v) {
        if (v instanceof Scalar) {
            return v;
        }
        if (v instanceof Series s) {
            List<Double> values = new ArrayList<>(s.points().values());
            return new Scalar(values.isEmpty() ? Double.NaN : reduce(name, values));
        }
        List<Series> all = ((SeriesArray) v).series();
        TreeSet<Instant> times = new TreeSet<>();
        all.forEach(s -> times.addAll(s.points().keySet()));
        TreeMap<Instant, Double> out = new TreeMap<>();
        for (Instant t : times) {
            List<Double> at = all.stream().map(s -> s.points().get(t)).filter(x -> x != null).toList();
            out.put(t, reduce(name, at));
        }
        return new Series(name, out);
    }

    private static double reduce(String name, List<Double> values) {
        return switch (name) {
            case "SUM" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "AVG" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            case "MIN" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            default -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        };
    }

    private Series fill(Series s, String how, Value with) {
        TreeMap<Instant, Double> out = new TreeMap<>(s.points());
        for (Instant t : context.grid()) {
            if (out.containsKey(t)) {
                continue;
            }
            Double value;
            if (how.equals("REPEAT")) {
                Map.Entry<Instant, Double> before = s.points().floorEntry(t);
                value = before == null ? null : before.getValue();
            } else if (how.equals("LINEAR")) {
                Map.Entry<Instant, Double> before = s.points().floorEntry(t);
                Map.Entry<Instant, Double> after = s.points().ceilingEntry(t);
                value = before == null || after == null ? null : before.getValue() + (after.getValue() - before.getValue())
                        * (t.getEpochSecond() - before.getKey().getEpochSecond())
                        / (double) (after.getKey().getEpochSecond() - before.getKey().getEpochSecond());
            } else if (with instanceof Scalar sc) {
                value = sc.value();
            } else if (with instanceof Series ws) {
                value = ws.points().get(t);
            } else {
                throw new IllegalArgumentException("FILL takes a number, a time series, REPEAT or LINEAR");
            }
            if (value != null) {
                out.put(t, value);
            }
        }
        return new Series(s.label(), out);
    }

    private static Series rate(Series s) {
        TreeMap<Instant, Double> out = new TreeMap<>();
        Map.Entry<Instant, Double> previous = null;
        for (Map.Entry<Instant, Double> e : s.points().entrySet()) {
            if (previous != null) {
                long seconds = e.getKey().getEpochSecond() - previous.getKey().getEpochSecond();
                out.put(e.getKey(), (e.getValue() - previous.getValue()) / seconds);
            }
            previous = e;
        }
        return new Series(s.label(), out);
    }

    private static Value conditional(Value condition, Value then, Value otherwise) {
        if (condition instanceof Scalar c) {
            return c.value() != 0 ? then : (otherwise == null ? new Series("", new TreeMap<>()) : otherwise);
        }
        return map(condition, c -> {
            TreeMap<Instant, Double> out = new TreeMap<>();
            c.points().forEach((t, v) -> {
                Double picked = v != 0 ? valueAt(then, t) : otherwise == null ? null : valueAt(otherwise, t);
                if (picked != null && !picked.isNaN()) {
                    out.put(t, picked);
                }
            });
            return new Series(c.label(), out);
        });
    }

    private static Double valueAt(Value v, Instant t) {
        if (v instanceof Scalar s) {
            return s.value();
        }
        if (v instanceof Series s) {
            return s.points().getOrDefault(t, 0.0);
        }
        throw new IllegalArgumentException("IF takes numbers or time series, not an array of time series");
    }

    // ---- arithmetic between values ----

    private static Value map(Value v, Function<Series, Series> f) {
        if (v instanceof Series s) {
            return f.apply(s);
        }
        if (v instanceof SeriesArray a) {
            return new SeriesArray(a.series().stream().map(f).toList());
        }
        throw new IllegalArgumentException("expected a time series, got a number");
    }

    private static Value combine(Value a, Value b, DoubleBinaryOperator op) {
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return new Scalar(op.applyAsDouble(x.value(), y.value()));
        }
        if (a instanceof SeriesArray arr) {
            return new SeriesArray(arr.series().stream().map(s -> (Series) combine(s, b, op)).toList());
        }
        if (b instanceof SeriesArray arr) {
            return new SeriesArray(arr.series().stream().map(s -> (Series) combine(a, s, op)).toList());
        }
        TreeSet<Instant> times = new TreeSet<>();
        String label = a instanceof Series s ? s.label() : ((Series) b).label();
        if (a instanceof Series s) {
            times.addAll(s.points().keySet());
        }
        if (b instanceof Series s) {
            times.addAll(s.points().keySet());
        }
        TreeMap<Instant, Double> out = new TreeMap<>();
        for (Instant t : times) {
            double r = op.applyAsDouble(at(a, t), at(b, t));
            if (!Double.isNaN(r) && !Double.isInfinite(r)) {
                out.put(t, r); // a division by zero drops the point
            }
        }
        return new Series(label, out);
    }

    /** A scalar everywhere, or the series' value, 0 where it has none. */
    private static double at(Value v, Instant t) {
        return v instanceof Scalar s ? s.value() : ((Series) v).points().getOrDefault(t, 0.0);
    }

    // ---- tokens ----

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '.') {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                if (j < 0) {
                    throw CloudWatchError.invalidParameterValue("Error in expression: unterminated string in " + s);
                }
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if (i + 1 < s.length() && List.of("<=", ">=", "==", "!=", "&&", "||").contains(s.substring(i, i + 2))) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("+-*/^()<>,".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                throw CloudWatchError.invalidParameterValue("Error in expression: unexpected character '" + c + "' in " + s);
            }
        }
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of " + text);
        }
        return tokens.get(pos++);
    }

    private boolean accept(String token) {
        if (token.equalsIgnoreCase(peek())) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected '" + token + "' in " + text);
        }
    }
}

package com.lambdarelease.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the sandbox's protocol handlers see it: already read whole, path decoded,
 * header names lower-cased. Handlers are plain functions from this to a {@link SandboxResponse}.
 */
public record SandboxRequest(String method, String rawPath, Map<String, String> query,
                             Map<String, List<String>> headers, byte[] body, String rawQuery) {

    public SandboxRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        query = Map.copyOf(query);
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    /** A request whose query string is known only as its map (last duplicate kept). */
    public SandboxRequest(String method, String rawPath, Map<String, String> query, Map<String, List<String>> headers,
                          byte[] body) {
        this(method, rawPath, query, headers, body, "");
    }

    /** Every value of a repeated query parameter, in order ({@code tagKeys=a&tagKeys=b}). */
    public List<String> queryValues(String name) {
        List<String> out = new java.util.ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (!pair.isEmpty() && URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                    out.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException badEscape) {
                // skipped, as a broken pair names nothing
            }
        }
        if (out.isEmpty() && query.containsKey(name)) {
            out.add(query.get(name));
        }
        return out;
    }

    /** The path with percent-escapes decoded (ARNs arrive with ':' escaped as %3A). */
    public String path() {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses {@code a=1&b=2} into a map; later duplicates win, as AWS's single-valued params do. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}

package com.lambdarelease.service.sso;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The loopback address the browser is sent back to after the PKCE authorization
 * ({@code http://127.0.0.1:PORT/oauth/callback}, RFC 8252 §7.3): a one-shot HTTP listener on
 * 127.0.0.1 only, answering the browser with a short page and handing over the query's
 * {@code code}, {@code state} or {@code error}.
 */
final class LoopbackRedirect implements AutoCloseable {

    /** What came back to the loopback. */
    record Callback(Map<String, String> params) {
        String get(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private final HttpServer server;
    private final CompletableFuture<Callback> callback = new CompletableFuture<>();

    LoopbackRedirect() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth/callback", exchange -> {
            Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
            boolean ok = params.containsKey("code");
            byte[] page = ("<!doctype html><html><body><h1>" + (ok ? "Signed in" : "Sign-in did not complete")
                    + "</h1><p>You can close this tab and return to Lambda Release Console.</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
            callback.complete(new Callback(params));
        });
        server.start();
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/callback");
    }

    CompletableFuture<Callback> callback() {
        return callback;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}

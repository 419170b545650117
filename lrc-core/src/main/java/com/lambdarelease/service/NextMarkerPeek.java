package com.lambdarelease.service;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a listing page's top-level {@code NextMarker} off the wire as soon as its body has arrived, before
 * the SDK unmarshals the page, and tells whoever asked for it on this thread ({@link #reporting}), so the
 * next page can be asked for while this one is still being read ({@link PagedListing}). Only a 200's body is
 * looked at, only when someone on this thread is listening, and the SDK gets the same bytes to unmarshal.
 * A marker it cannot read plainly (escaped, not a string) is not reported: the listing then waits for the
 * SDK's answer, as it always did.
 */
final class NextMarkerPeek implements ExecutionInterceptor {

    private static final Logger LOG = Logger.getLogger(NextMarkerPeek.class.getName());
    private static final ThreadLocal<Consumer<String>> LISTENER = new ThreadLocal<>();
    private static final byte[] KEY = "NextMarker".getBytes(StandardCharsets.US_ASCII);

    /** Runs the blocking {@code call} on this thread; {@code listener} hears its answer's NextMarker, if any. */
    static <T> T reporting(Consumer<String> listener, Supplier<T> call) {
        LISTENER.set(listener);
        try {
            return call.get();
        } finally {
            LISTENER.remove();
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Consumer<String> listener = LISTENER.get();
        Optional<InputStream> body = context.responseBody();
        if (listener == null || body.isEmpty() || context.httpResponse().statusCode() != 200) {
            return body;
        }
        byte[] bytes;
        try {
            bytes = body.get().readAllBytes();
        } catch (IOException e) {
            return Optional.of(failing(e)); // the SDK meets the same failure it would have met reading
        }
        String marker = nextMarker(bytes);
        if (marker != null) {
            try {
                listener.accept(marker);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the early NextMarker's listener failed; the listing waits for the page", e);
            }
        }
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    /**
     * The top-level {@code "NextMarker"} string of a JSON object, or null when there is none, it is null or
     * empty, or it holds an escape. Nested keys of that name (an environment variable, say) do not count.
     */
    static String nextMarker(byte[] json) {
        int depth = 0;
        boolean keyMatches = false;
        boolean afterColon = false;
        for (int i = 0; i < json.length; i++) {
            byte c = json[i];
            if (c == '"') {
                int start = i + 1;
                boolean escaped = false;
                int end = start;
                while (end < json.length && json[end] != '"') {
                    if (json[end] == '\\') {
                        escaped = true;
                        end++;
                    }
                    end++;
                }
                if (depth == 1) {
                    if (afterColon) {
                        if (keyMatches) {
                            return escaped || end == start || end >= json.length ? null
                                    : new String(json, start, end - start, StandardCharsets.UTF_8);
                        }
                        afterColon = false;
                    } else {
                        keyMatches = !escaped && end - start == KEY.length && regionEquals(json, start, KEY);
                    }
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
                afterColon = false;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 1) {
                    afterColon = false;
                    keyMatches = false;
                }
            } else if (c == ':' && depth == 1) {
                afterColon = true;
            } else if (c == ',' && depth == 1) {
                afterColon = false;
                keyMatches = false;
            } else if (depth == 1 && afterColon && keyMatches && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return null; // null, a number: not a marker
            }
        }
        return null;
    }

    private static boolean regionEquals(byte[] json, int from, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (json[from + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static InputStream failing(IOException e) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw e;
            }
        };
    }
}

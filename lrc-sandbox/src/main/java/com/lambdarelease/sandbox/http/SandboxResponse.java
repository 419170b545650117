package com.lambdarelease.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer from a protocol handler: status, headers and the whole body, and how long after
 * it was made it may leave ({@code delay}: a slow function's run time). The front door holds the
 * answer on a timer for that long, so a slow Invoke costs a scheduled task, not a sleeping thread.
 */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body, Duration delay) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
    }

    public SandboxResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, Duration.ZERO);
    }

    public static SandboxResponse json(int status, String json) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, copy, body, delay);
    }

    /** This answer, to leave no sooner than {@code d} after it was made. */
    public SandboxResponse delayedBy(Duration d) {
        return new SandboxResponse(status, headers, body, d);
    }
}

package com.lambdarelease.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer from a protocol handler: status, headers and the whole body. */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static SandboxResponse json(int status, String json) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, copy, body);
    }
}

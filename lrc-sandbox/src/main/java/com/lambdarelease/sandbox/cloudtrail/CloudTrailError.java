package com.lambdarelease.sandbox.cloudtrail;

import com.lambdarelease.sandbox.http.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A refusal in awsJson1_1's shape: 400, the type in {@code __type} and {@code x-amzn-ErrorType}, a message. */
final class CloudTrailError extends RuntimeException {

    private final int status;
    private final String type;

    CloudTrailError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static CloudTrailError invalid(String type, String message) {
        return new CloudTrailError(400, type, message);
    }

    SandboxResponse toResponse() {
        String json = "{\"__type\":" + Json.quote("com.amazonaws.cloudtrail.v20131101#" + type) + ",\"message\":"
                + Json.quote(getMessage()) + "}";
        return new SandboxResponse(status, Map.of("Content-Type", "application/x-amz-json-1.1", "x-amzn-ErrorType", type),
                json.getBytes(StandardCharsets.UTF_8));
    }
}

package com.lambdarelease.sandbox.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An error answer of the OIDC or portal service, in the shape each uses
 * (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html
 * and https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/Welcome.html): OIDC
 * writes {@code {"error":"invalid_grant","error_description":...}}, the portal
 * {@code {"message":...,"__type":"com.amazonaws.switchboard.portal#UnauthorizedException"}}; both
 * name the modelled exception in {@code x-amzn-ErrorType}, which the SDKs read.
 */
final class SsoError extends RuntimeException {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final String type;
    private final String oauthError;

    private SsoError(int status, String type, String oauthError, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.oauthError = oauthError;
    }

    /** An OIDC error: the modelled exception {@code type}, the OAuth {@code error} code. */
    static SsoError oidc(int status, String type, String error, String description) {
        return new SsoError(status, type, error, description);
    }

    static SsoError invalidRequest(String description) {
        return oidc(400, "InvalidRequestException", "invalid_request", description);
    }

    static SsoError invalidClient(String description) {
        return oidc(401, "InvalidClientException", "invalid_client", description);
    }

    static SsoError invalidGrant(String description) {
        return oidc(400, "InvalidGrantException", "invalid_grant", description);
    }

    /** A portal error (no OAuth code). */
    static SsoError portal(int status, String type, String message) {
        return new SsoError(status, type, null, message);
    }

    static SsoError unauthorized() {
        return portal(401, "UnauthorizedException", "Session token not found or invalid");
    }

    /** A client's value as echoed in an error: at most 200 characters. */
    static String cut(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    SandboxResponse toResponse() {
        ObjectNode body = MAPPER.createObjectNode();
        if (oauthError != null) {
            body.put("error", oauthError);
            body.put("error_description", getMessage());
        } else {
            body.put("message", getMessage());
            body.put("__type", "com.amazonaws.switchboard.portal#" + type);
        }
        SandboxResponse response = new SandboxResponse(status, Map.of("Content-Type", "application/json",
                "x-amzn-ErrorType", type), body.toString().getBytes(StandardCharsets.UTF_8));
        return status == 429 ? response.withHeader("Retry-After", "1") : response;
    }
}

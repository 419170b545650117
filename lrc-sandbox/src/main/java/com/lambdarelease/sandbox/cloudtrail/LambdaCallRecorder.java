package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.http.CallObserver;
import com.lambdarelease.sandbox.http.RequestScope;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.identity.Callers;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a management event for every Lambda write call the sandbox answered, succeeded or failed (a
 * failed one carries {@code errorCode} and {@code errorMessage} and no responseElements, as CloudTrail's
 * do), in the account and region it was for. Reads are not recorded: AWS records them as read-only
 * management events, the sandbox leaves them out to keep the trail bounded. Invoke is a data event and
 * never in LookupEvents.
 */
final class LambdaCallRecorder implements CallObserver {

    /** Longest userAgent kept; a client's header must not grow the trail. */
    static final int MAX_USER_AGENT = 1024;
    /** The front door listens on 127.0.0.1 only, so every client calls from there. */
    static final String SOURCE_IP = "127.0.0.1";

    private final Trail trail;
    private final Callers callers;
    private final Clock clock;

    LambdaCallRecorder(Trail trail, Callers callers, Clock clock) {
        this.trail = trail;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public void served(SandboxRequest request, SandboxResponse response) {
        Optional<LambdaCall> call = LambdaCall.of(request);
        if (call.isEmpty()) {
            return;
        }
        RequestScope scope = RequestScope.of(request);
        boolean ok = response.status() < 300;
        JsonNode body = ok ? answer(response) : null;
        Optional<EventRecord.Error> error = ok ? Optional.empty() : Optional.of(new EventRecord.Error(
                response.headers().getOrDefault("x-amzn-ErrorType", "ServiceException"), message(response)));
        String userAgent = request.header("User-Agent").orElse("");
        // CloudTrail's times are whole seconds; events of one second keep the order they were recorded in.
        EventRecord record = new EventRecord(UUID.randomUUID().toString(), call.get().eventName(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                scope.account(), scope.region(), callers.of(request), Callers.accessKeyId(request), SOURCE_IP,
                userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT),
                call.get().requestParameters(), body, error,
                response.headers().getOrDefault("x-amzn-RequestId", UUID.randomUUID().toString()),
                LambdaCall.resources(call.get().functionName()));
        trail.record(scope.account(), scope.region(), record.toEvent(trail.nextSequence()));
    }

    /** The answer's members camelCased; null for an empty answer (204). */
    private static JsonNode answer(SandboxResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(response.body());
            return n == null ? null : CamelCase.of(n);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String message(SandboxResponse response) {
        try {
            JsonNode n = Json.MAPPER.readTree(response.body());
            return n == null ? "" : n.path("message").asText(n.path("Message").asText(""));
        } catch (IOException notJson) {
            return "";
        }
    }
}

package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.Refusal;
import com.lambdarelease.sandbox.http.RequestScope;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.http.TokenBucket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * CloudTrail's LookupEvents over awsJson1_1 ({@code X-Amz-Target:
 * com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}), on the management events the
 * sandbox recorded for each account and region, newest first. "The rate of lookup requests is limited to
 * two per second, per account, per Region" (API reference, LookupEvents): past it 400 ThrottlingException
 * "Rate exceeded", unless the options turn the limit off. Every other CloudTrail operation is unknown.
 */
public final class CloudTrailService implements ProtocolHandler {

    static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    static final double LOOKUPS_PER_SECOND = 2;

    private final Trail trail;
    private final boolean rateLimited;
    private final LongSupplier nanos;
    private final Map<RequestScope, TokenBucket> rates = new ConcurrentHashMap<>();

    CloudTrailService(Trail trail, boolean rateLimited, LongSupplier nanos) {
        this.trail = trail;
        this.rateLimited = rateLimited;
        this.nanos = nanos;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            String target = request.header("x-amz-target").orElse("");
            if (!target.equals(TARGET + "LookupEvents") || !request.method().equalsIgnoreCase("POST")) {
                throw CloudTrailError.invalid("UnknownOperationException", "The sandbox's CloudTrail serves "
                        + "LookupEvents only, not " + target.substring(Math.min(target.length(), TARGET.length())));
            }
            RequestScope scope = RequestScope.of(request);
            if (rateLimited && !rates.computeIfAbsent(scope, s -> new TokenBucket(LOOKUPS_PER_SECOND, nanos)).tryTake()) {
                throw CloudTrailError.invalid("ThrottlingException", "Rate exceeded");
            }
            return lookup(scope, LookupQuery.parse(request.body()));
        } catch (CloudTrailError e) {
            return e.toResponse();
        }
    }

    @Override
    public SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        return switch (refusal) {
            case THROTTLED, OVERLOADED -> CloudTrailError.invalid("ThrottlingException", "Rate exceeded").toResponse();
            case SERVER_ERROR -> new CloudTrailError(500, "InternalFailure", "The sandbox injected a service error").toResponse();
            case TOO_LARGE -> new CloudTrailError(413, "SerializationException",
                    "Request must be smaller than " + bodyLimit + " bytes").toResponse();
        };
    }

    private SandboxResponse lookup(RequestScope scope, LookupQuery query) {
        // Insights events are never recorded by the sandbox: asking for them finds none.
        List<TrailEvent> events = query.insights() ? List.of()
                : trail.page(scope.account(), scope.region(), query.after(), query.maxResults() + 1, query::accepts);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Events");
        events.stream().limit(query.maxResults()).forEach(e -> list.add(render(e)));
        if (events.size() > query.maxResults()) {
            out.put("NextToken", query.tokenAfter(events.get(query.maxResults() - 1)));
        }
        return new SandboxResponse(200, Map.of("Content-Type", "application/x-amz-json-1.1"),
                Json.write(out).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode render(TrailEvent e) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("EventId", e.eventId());
        n.put("EventName", e.eventName());
        n.put("ReadOnly", TrailEvent.READ_ONLY);
        if (e.accessKeyId() != null) {
            n.put("AccessKeyId", e.accessKeyId());
        }
        n.put("EventTime", e.eventTime().getEpochSecond()); // awsJson timestamps are epoch seconds
        n.put("EventSource", e.eventSource());
        if (e.username() != null) {
            n.put("Username", e.username());
        }
        ArrayNode resources = n.putArray("Resources");
        e.resources().forEach(r -> resources.addObject().put("ResourceType", r.type()).put("ResourceName", r.name()));
        n.put("CloudTrailEvent", e.cloudTrailEvent());
        return n;
    }
}

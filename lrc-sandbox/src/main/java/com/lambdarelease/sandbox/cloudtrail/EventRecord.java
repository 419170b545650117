package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.identity.Caller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One CloudTrail record as the {@code CloudTrailEvent} string holds it, in the members and order of the
 * record contents reference (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html)
 * and the userIdentity element (.../cloudtrail-event-reference-user-identity.html), event version 1.08.
 *
 * @param caller            who called; empty for a temporary key the sandbox did not issue ({@code Unknown})
 * @param requestParameters the request's members, camelCased as CloudTrail writes them
 * @param responseElements  the answer's members camelCased; null for a failed call or an empty answer
 * @param error             the error code and message of a failed call
 */
record EventRecord(String eventId, String eventName, Instant eventTime, String account, String region,
                   Optional<Caller> caller, String accessKeyId, String sourceIp, String userAgent,
                   JsonNode requestParameters, JsonNode responseElements, Optional<Error> error, String requestId,
                   List<TrailEvent.Resource> resources) {

    static final String LAMBDA = "lambda.amazonaws.com";

    record Error(String code, String message) {
    }

    TrailEvent toEvent(long sequence) {
        String username = caller.map(Caller::userName).orElse(null);
        return new TrailEvent(eventId, eventName, eventTime, accessKeyId, username, LAMBDA, resources,
                Json.write(json()), sequence);
    }

    ObjectNode json() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("eventVersion", "1.08");
        n.set("userIdentity", userIdentity());
        n.put("eventTime", eventTime.truncatedTo(ChronoUnit.SECONDS).toString());
        n.put("eventSource", LAMBDA);
        n.put("eventName", eventName);
        n.put("awsRegion", region);
        n.put("sourceIPAddress", sourceIp);
        n.put("userAgent", userAgent);
        error.ifPresent(e -> n.put("errorCode", e.code()).put("errorMessage", e.message()));
        JsonNode request = Bounded.part(requestParameters);
        JsonNode response = Bounded.part(responseElements);
        n.set("requestParameters", request == null ? NullNode.getInstance() : request);
        n.set("responseElements", response == null ? NullNode.getInstance() : response);
        n.put("requestID", requestId);
        n.put("eventID", eventId);
        n.put("readOnly", false);
        n.put("eventType", "AwsApiCall");
        n.put("managementEvent", true);
        n.put("recipientAccountId", account);
        n.put("eventCategory", "Management");
        return n;
    }

    private ObjectNode userIdentity() {
        ObjectNode u = Json.MAPPER.createObjectNode();
        if (caller.isEmpty()) {
            // CloudTrail's type for a caller it cannot name.
            u.put("type", "Unknown");
            u.put("accountId", account);
            u.put("accessKeyId", accessKeyId);
            return u;
        }
        Caller c = caller.get();
        u.put("type", c.type());
        u.put("principalId", c.principalId());
        u.put("arn", c.arn());
        u.put("accountId", c.account());
        u.put("accessKeyId", c.accessKeyId());
        if (Caller.IAM_USER.equals(c.type())) {
            u.put("userName", c.userName());
        }
        c.role().ifPresent(role -> {
            ObjectNode context = u.putObject("sessionContext");
            ObjectNode issuer = context.putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("principalId", role.roleId());
            issuer.put("arn", role.arn());
            issuer.put("accountId", c.account());
            issuer.put("userName", role.name());
            // sessionContext.attributes (creationDate, mfaAuthenticated) is left out: the sandbox does not keep
            // when a session began.
        });
        c.invokedBy().ifPresent(s -> u.put("invokedBy", s));
        return u;
    }
}

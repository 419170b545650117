package com.lambdarelease.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.TrailEvent;
import com.lambdarelease.service.errors.AwsErrors;
import software.amazon.awssdk.services.cloudtrail.CloudTrailAsyncClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * CloudTrail {@code LookupEvents} by event name, paged with {@code NextToken}, each request within the
 * connection's budget: CloudTrail answers 2 lookups a second per account and region and throttles
 * past it (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 */
public final class SdkTrailService implements TrailService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTrailAsyncClient client;
    private final RequestBudget budget;

    public SdkTrailService(CloudTrailAsyncClient client, RequestBudget budget) {
        this.client = client;
        this.budget = budget;
    }

    /** LookupEvents' own rate: 2 a second per account and region. */
    public static RequestBudget lookupBudget(java.time.Clock clock, java.util.concurrent.ScheduledExecutorService scheduler) {
        return RequestBudget.perSecond(2, 1, clock, scheduler);
    }

    @Override
    public CompletableFuture<Read> lambdaEvents(String eventName, Instant start, Instant end, int maxPages) {
        List<TrailEvent> found = new ArrayList<>();
        return page(eventName, start, end, null, maxPages, found).handle((read, e) -> {
            if (e != null) {
                throw new CompletionException(AwsErrors.translate(e));
            }
            return read;
        });
    }

    private CompletableFuture<Read> page(String eventName, Instant start, Instant end, String token, int pagesLeft,
                                         List<TrailEvent> found) {
        LookupEventsRequest request = LookupEventsRequest.builder()
                .lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME)
                        .attributeValue(eventName).build())
                .startTime(start).endTime(end).maxResults(50).nextToken(token).build();
        return budget.acquire().thenCompose(v -> client.lookupEvents(request)).thenCompose(response -> {
            for (Event e : response.events()) {
                parse(e).ifPresent(found::add);
            }
            String next = response.nextToken();
            if (next == null || next.isEmpty()) {
                return CompletableFuture.completedFuture(new Read(found, true, start));
            }
            if (pagesLeft <= 1) {
                Instant oldest = found.isEmpty() ? end : found.get(found.size() - 1).at();
                return CompletableFuture.completedFuture(new Read(found, false, oldest));
            }
            return page(eventName, start, end, next, pagesLeft - 1, found);
        });
    }

    /** The Lambda call an event records, or empty for another service's or an unreadable record. */
    static Optional<TrailEvent> parse(Event event) {
        try {
            return parse(event.eventId(), JSON.readTree(event.cloudTrailEvent()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A CloudTrail record's Lambda call (the record's fields: CloudTrail user guide, "CloudTrail record contents"). */
    public static Optional<TrailEvent> parse(String eventId, JsonNode r) {
        if (!"lambda.amazonaws.com".equals(r.path("eventSource").asText())) {
            return Optional.empty();
        }
        JsonNode request = r.path("requestParameters");
        JsonNode response = r.path("responseElements");
        String function = functionName(request.path("functionName").asText(""));
        if (function.isEmpty()) {
            return Optional.empty();
        }
        String name = r.path("eventName").asText();
        boolean aliasCall = name.startsWith("CreateAlias") || name.startsWith("UpdateAlias") || name.startsWith("DeleteAlias");
        String alias = aliasCall ? request.path("name").asText("") : "";
        Optional<TrafficSplit> after = Optional.empty();
        if (aliasCall && !name.startsWith("DeleteAlias")) {
            JsonNode source = response.hasNonNull("functionVersion") ? response : request;
            String version = source.path("functionVersion").asText("");
            if (!version.isEmpty()) {
                Map<String, Double> weights = new LinkedHashMap<>();
                source.path("routingConfig").path("additionalVersionWeights").fields()
                        .forEachRemaining(f -> weights.put(f.getKey(), f.getValue().asDouble()));
                try {
                    after = Optional.of(TrafficSplit.fromRouting(version, weights));
                } catch (RuntimeException e) {
                    after = Optional.empty(); // a routing this console cannot show; the event still counts
                }
            }
        }
        JsonNode who = r.path("userIdentity");
        String arn = who.path("arn").asText("");
        String whoName;
        if (arn.contains(":assumed-role/")) {
            whoName = arn.substring(arn.lastIndexOf('/') + 1); // the role session name
        } else if (who.hasNonNull("userName")) {
            whoName = who.path("userName").asText();
        } else if (!arn.isEmpty()) {
            whoName = arn.substring(arn.lastIndexOf(arn.contains("/") ? '/' : ':') + 1);
        } else {
            whoName = who.path("invokedBy").asText(who.path("type").asText("unknown"));
        }
        return Optional.of(new TrailEvent(eventId == null ? r.path("eventID").asText("") : eventId,
                Instant.parse(r.path("eventTime").asText()), name, function, alias, after,
                request.path("revisionId").asText(""), response.path("revisionId").asText(""),
                name.startsWith("PublishVersion") ? response.path("version").asText("") : "",
                arn, whoName, who.path("invokedBy").asText(""), r.path("sourceIPAddress").asText(""),
                r.path("userAgent").asText(""), r.path("errorCode").asText(""), r.path("errorMessage").asText("")));
    }

    /** "orders-api", from a name, a partial ARN ("123456789012:function:orders-api") or a full one, qualifier cut. */
    static String functionName(String given) {
        int at = given.indexOf("function:");
        String rest = at < 0 ? given : given.substring(at + "function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}

package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A LookupEvents request, read and checked as the API reference says
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html): at most one lookup
 * attribute, of the eight keys; a start not after the end; MaxResults 1-50 (50 when absent); a NextToken
 * only with the parameters it was given for. AWS does not document its texts for these refusals; the
 * messages are the sandbox's own.
 *
 * @param after where the page starts (the last event of the previous page), or null for the newest
 */
record LookupQuery(Optional<String> attributeKey, Optional<String> attributeValue, Optional<Instant> start,
                   Optional<Instant> end, boolean insights, int maxResults, Trail.Position after) {

    static final Set<String> KEYS = Set.of("EventId", "EventName", "ReadOnly", "Username", "ResourceType",
            "ResourceName", "EventSource", "AccessKeyId");
    static final int DEFAULT_MAX = 50;

    static LookupQuery parse(byte[] body) {
        JsonNode in;
        try {
            in = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw CloudTrailError.invalid("SerializationException", "The request body is not JSON");
        }
        if (in == null || !in.isObject()) {
            throw CloudTrailError.invalid("SerializationException", "The request body is not a JSON object");
        }
        Optional<String> key = Optional.empty();
        Optional<String> value = Optional.empty();
        JsonNode attributes = in.path("LookupAttributes");
        if (!attributes.isMissingNode() && !attributes.isNull()) {
            if (!attributes.isArray() || attributes.size() > 1) {
                throw CloudTrailError.invalid("InvalidLookupAttributesException",
                        "LookupAttributes can contain only one item.");
            }
            if (attributes.size() == 1) {
                JsonNode a = attributes.get(0);
                String k = a.path("AttributeKey").asText("");
                if (!KEYS.contains(k)) {
                    throw CloudTrailError.invalid("InvalidLookupAttributesException", "AttributeKey must be one of "
                            + "EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId.");
                }
                String v = a.path("AttributeValue").asText("");
                if (v.isEmpty() || v.length() > 2000) {
                    throw CloudTrailError.invalid("InvalidLookupAttributesException",
                            "AttributeValue must be 1 to 2000 characters long.");
                }
                key = Optional.of(k);
                value = Optional.of(v);
            }
        }
        Optional<Instant> start = time(in.path("StartTime"));
        Optional<Instant> end = time(in.path("EndTime"));
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw CloudTrailError.invalid("InvalidTimeRangeException", "Start time must not be after end time.");
        }
        String category = in.path("EventCategory").asText("");
        if (!category.isEmpty() && !category.equals("insight")) {
            throw CloudTrailError.invalid("InvalidEventCategoryException", "EventCategory must be insight.");
        }
        int max = DEFAULT_MAX;
        JsonNode m = in.path("MaxResults");
        if (!m.isMissingNode() && !m.isNull()) {
            if (!m.isIntegralNumber() || m.asLong() < 1 || m.asLong() > 50) {
                throw CloudTrailError.invalid("InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
            }
            max = m.asInt();
        }
        LookupQuery query = new LookupQuery(key, value, start, end, !category.isEmpty(), max, null);
        String token = in.path("NextToken").asText("");
        return token.isEmpty() ? query : query.from(token);
    }

    /** True when {@code e} is in this query's time range and has its attribute. */
    boolean accepts(TrailEvent e) {
        return start.map(s -> !e.eventTime().isBefore(s)).orElse(true)
                && end.map(t -> !e.eventTime().isAfter(t)).orElse(true)
                && attributeKey.map(k -> e.matches(k, attributeValue.orElseThrow())).orElse(true);
    }

    /** The token for the page after {@code last}, bound to this query's parameters. */
    String tokenAfter(TrailEvent last) {
        String text = "v1|" + last.eventTime().toEpochMilli() + "|" + last.sequence() + "|" + fingerprint();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private LookupQuery from(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length == 4 && parts[0].equals("v1") && parts[3].equals(fingerprint())) {
                Trail.Position after = new Trail.Position(Instant.ofEpochMilli(Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
                return new LookupQuery(attributeKey, attributeValue, start, end, insights, maxResults, after);
            }
        } catch (RuntimeException unreadable) {
            // refused below
        }
        throw CloudTrailError.invalid("InvalidNextTokenException", "Invalid NextToken: it is not one this query was "
                + "given, or the query's parameters changed.");
    }

    /** The parameters a token is valid with (the API reference: "passed in with the same parameters"). */
    private String fingerprint() {
        return Integer.toHexString((attributeKey + "/" + attributeValue + "/" + start + "/" + end + "/" + insights).hashCode());
    }

    /** awsJson timestamps are epoch seconds; an ISO-8601 string is read too. */
    private static Optional<Instant> time(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        try {
            if (n.isNumber()) {
                BigDecimal seconds = n.decimalValue();
                return Optional.of(Instant.ofEpochMilli(seconds.movePointRight(3).longValue()));
            }
            return Optional.of(Instant.parse(n.asText()));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw CloudTrailError.invalid("InvalidTimeRangeException", "Unreadable time: " + n.asText());
        }
    }
}

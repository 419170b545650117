package com.lambdarelease.sandbox.cloudtrail;

import java.time.Instant;
import java.util.List;

/**
 * One management event as LookupEvents lists it
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html): the members it can be
 * looked up by, and the whole record as the JSON string CloudTrail keeps ({@code cloudTrailEvent}).
 *
 * @param sequence orders events of the same instant: the order they were recorded in
 */
record TrailEvent(String eventId, String eventName, Instant eventTime, String accessKeyId, String username,
                  String eventSource, List<Resource> resources, String cloudTrailEvent, long sequence) {

    /** A resource the event names: {@code AWS::Lambda::Function} and the function's name. */
    record Resource(String type, String name) {
    }

    static final String READ_ONLY = "false";

    /** True when this event's {@code key} attribute equals {@code value} (LookupEvents matches exactly). */
    boolean matches(String key, String value) {
        return switch (key) {
            case "EventId" -> eventId.equals(value);
            case "EventName" -> eventName.equals(value);
            case "ReadOnly" -> READ_ONLY.equals(value);
            case "Username" -> value.equals(username);
            case "ResourceType" -> resources.stream().anyMatch(r -> r.type().equals(value));
            case "ResourceName" -> resources.stream().anyMatch(r -> r.name().equals(value));
            case "EventSource" -> eventSource.equals(value);
            case "AccessKeyId" -> value.equals(accessKeyId);
            default -> false;
        };
    }
}

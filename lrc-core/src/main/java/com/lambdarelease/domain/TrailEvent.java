package com.lambdarelease.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One Lambda management call as CloudTrail recorded it (LookupEvents' {@code CloudTrailEvent}, read
 * into what the console shows). Lambda's event names carry the API version
 * ({@code UpdateAlias20150331}); {@link #operation()} is the name without it.
 * (https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html)
 *
 * @param eventId      CloudTrail's id of the event
 * @param at           when the call was made
 * @param eventName    as CloudTrail writes it, e.g. {@code UpdateAlias20150331}
 * @param function     the function's name (the request's {@code functionName}, an ARN cut to its name)
 * @param alias        the alias the call is about ({@code name}), empty for a version or function call
 * @param after        the split the call asked for (UpdateAlias, CreateAlias), when it named a version
 * @param basedOnRevision the RevisionId the call was based on, "" when it sent none
 * @param newRevision  the RevisionId the call's answer carried, "" when none (a failed call)
 * @param version      the version a PublishVersion made, "" otherwise
 * @param who          the caller's ARN ({@code userIdentity.arn}), "" when CloudTrail gives none
 * @param whoName      the person or program: the role session name, the user name, else the ARN
 * @param invokedBy    the AWS service that made the call on someone's behalf ({@code userIdentity.invokedBy}), ""
 * @param sourceIp     {@code sourceIPAddress}: an address, or a service's name when a service called
 * @param userAgent    {@code userAgent}
 * @param errorCode    "" when the call succeeded
 * @param errorMessage "" when the call succeeded
 */
public record TrailEvent(String eventId, Instant at, String eventName, String function, String alias,
                         Optional<TrafficSplit> after, String basedOnRevision, String newRevision, String version,
                         String who, String whoName, String invokedBy, String sourceIp, String userAgent,
                         String errorCode, String errorMessage) {

    /** Where a call came from, told by its user agent and the service that made it. */
    public enum Source {
        THIS_TOOL("this tool"), AWS_CLI("AWS CLI"), AWS_CONSOLE("AWS console"), CODEDEPLOY("CodeDeploy"),
        CLOUDFORMATION("CloudFormation"), SDK("an SDK program"), OTHER("another client");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The operation without its API version: "UpdateAlias". */
    public String operation() {
        return eventName.replaceFirst("\\d{8}(v\\d+)?$", "");
    }

    public boolean succeeded() {
        return errorCode.isEmpty();
    }

    /**
     * Which client made the call. The SDK's app id ({@code app/lambda-release-console}) marks this tool; the AWS CLI
     * and the SDKs name themselves in the user agent; a service acting for someone shows as {@code invokedBy} and
     * as the source address (CloudTrail user guide, "userIdentity element", "sourceIPAddress").
     */
    public Source source() {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        String by = (invokedBy + " " + sourceIp).toLowerCase(Locale.ROOT);
        if (agent.contains("app/lambda-release-console")) {
            return Source.THIS_TOOL;
        }
        if (by.contains("codedeploy.amazonaws.com") || agent.contains("codedeploy.amazonaws.com")) {
            return Source.CODEDEPLOY;
        }
        if (by.contains("cloudformation.amazonaws.com") || agent.contains("cloudformation.amazonaws.com")) {
            return Source.CLOUDFORMATION;
        }
        if (agent.startsWith("aws-cli/") || agent.contains(" aws-cli/")) {
            return Source.AWS_CLI;
        }
        if (agent.contains("console.amazonaws.com") || agent.equals("aws internal")) {
            return Source.AWS_CONSOLE;
        }
        if (agent.contains("aws-sdk-") || agent.contains("boto3/") || agent.contains("botocore/")) {
            return Source.SDK;
        }
        return Source.OTHER;
    }
}

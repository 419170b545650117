package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.AccessKeyIds;
import com.lambdarelease.sandbox.identity.Caller;
import com.lambdarelease.sandbox.identity.Callers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the demo account's aliases went through before the sandbox started, so history is not empty and
 * agrees with the aliases as they are:
 * <ul>
 * <li>orders-api (us-east-1) {@code live}: a person (an IAM Identity Center user in ReleaseManager) moved it
 * to v7 three days ago, then sent v8 5% two hours ago and 10% an hour ago (live = v7, 10% to v8 now);</li>
 * <li>eu-invoices (eu-west-1), a SAM function with {@code AutoPublishAlias: live} and a
 * {@code DeploymentPreference}: the stack's CloudFormation role published v2 thirty minutes ago, and
 * CodeDeploy shifted {@code live} to 10% twenty minutes ago and 20% ten minutes ago (live = v1, 20% to v2
 * now), as CodeDeploy's calls show in CloudTrail: an assumed role, {@code invokedBy},
 * {@code sourceIPAddress} and {@code userAgent} all {@code codedeploy.amazonaws.com}
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).</li>
 * </ul>
 * The seeded events carry no revisionId: the aliases' RevisionIds are drawn when the sandbox starts.
 * Event ids are derived from the events, and the keys from a random source of their own, so seeding
 * changes no other seeded stream.
 */
final class TrailSeeds {

    private static final String ACCOUNT = "123456789012";
    private static final String PERSON = "alice@example.com";
    private static final String CLI = "aws-cli/2.22.0 md/awscrt#0.23.4 ua/2.0 os/macos#24.1.0 md/arch#arm64 "
            + "lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off "
            + "md/command#lambda.update-alias";
    /** A documentation address (RFC 5737) for the person's laptop: no traffic goes there. */
    private static final String PERSON_IP = "203.0.113.10";
    private static final String CODEDEPLOY = "codedeploy.amazonaws.com";
    private static final String CLOUDFORMATION = "cloudformation.amazonaws.com";

    private TrailSeeds() {
    }

    static void seed(Trail trail, Instant start) {
        SplittableRandom keys = new SplittableRandom(0x7a11L);
        Caller person = Callers.assumedRole(ACCOUNT, Callers.ssoRole(ACCOUNT, "ReleaseManager"), PERSON,
                AccessKeyIds.temporary(ACCOUNT, keys));
        String orders = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders-api";
        record(trail, "us-east-1", start.minus(Duration.ofDays(3)), person, PERSON_IP, CLI,
                updateAlias("orders-api", "live", "7", Map.of(), "Live traffic"), aliasAnswer(orders, "live", "7",
                        Map.of(), "Live traffic"), "UpdateAlias20150331", "orders-api");
        record(trail, "us-east-1", start.minus(Duration.ofHours(2)), person, PERSON_IP, CLI,
                updateAlias("orders-api", "live", "7", Map.of("8", 0.05), "Canary: 5% to v8"),
                aliasAnswer(orders, "live", "7", Map.of("8", 0.05), "Canary: 5% to v8"), "UpdateAlias20150331", "orders-api");
        record(trail, "us-east-1", start.minus(Duration.ofHours(1)), person, PERSON_IP, CLI,
                updateAlias("orders-api", "live", "7", Map.of("8", 0.1), "Canary: 10% to v8"),
                aliasAnswer(orders, "live", "7", Map.of("8", 0.1), "Canary: 10% to v8"), "UpdateAlias20150331", "orders-api");

        String invoices = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:eu-invoices";
        Caller stack = Callers.assumedRole(ACCOUNT, role("invoices-eu-CloudFormationExecutionRole-K2M4Q6S8U0W2"),
                "AWSCloudFormation", AccessKeyIds.temporary(ACCOUNT, keys)).invokedBy(CLOUDFORMATION);
        ObjectNode publish = Json.MAPPER.createObjectNode().put("functionName", invoices);
        ObjectNode published = Json.MAPPER.createObjectNode().put("functionName", "eu-invoices")
                .put("functionArn", invoices + ":2").put("version", "2").put("description", "Invoices 2");
        record(trail, "eu-west-1", start.minus(Duration.ofMinutes(30)), stack, CLOUDFORMATION, CLOUDFORMATION,
                publish, published, "PublishVersion20150331", "eu-invoices");
        Caller codeDeploy = Callers.assumedRole(ACCOUNT, role("CodeDeployServiceRole"), "AWSCodeDeploy",
                AccessKeyIds.temporary(ACCOUNT, keys)).invokedBy(CODEDEPLOY);
        for (int step = 1; step <= 2; step++) {
            Map<String, Double> weights = Map.of("2", step / 10.0);
            record(trail, "eu-west-1", start.minus(Duration.ofMinutes(30 - 10L * step)), codeDeploy, CODEDEPLOY,
                    CODEDEPLOY, updateAlias("eu-invoices", "live", "1", weights, null),
                    aliasAnswer(invoices, "live", "1", weights, "Canary: 20% to v2"), "UpdateAlias20150331", "eu-invoices");
        }
    }

    private static Caller.Role role(String name) {
        return new Caller.Role(name, "arn:aws:iam::" + ACCOUNT + ":role/" + name, Callers.uniqueId("AROA", ACCOUNT + "/role/" + name));
    }

    private static ObjectNode updateAlias(String function, String alias, String version, Map<String, Double> weights,
                                          String description) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("functionName", function).put("name", alias)
                .put("functionVersion", version);
        ObjectNode w = n.putObject("routingConfig").putObject("additionalVersionWeights");
        weights.forEach(w::put);
        if (description != null) {
            n.put("description", description);
        }
        return n;
    }

    private static ObjectNode aliasAnswer(String functionArn, String alias, String version, Map<String, Double> weights,
                                          String description) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("aliasArn", functionArn + ":" + alias).put("name", alias)
                .put("functionVersion", version).put("description", description);
        if (!weights.isEmpty()) {
            ObjectNode w = n.putObject("routingConfig").putObject("additionalVersionWeights");
            weights.forEach(w::put);
        }
        return n;
    }

    private static void record(Trail trail, String region, Instant at, Caller caller, String sourceIp, String userAgent,
                               ObjectNode request, ObjectNode response, String eventName, String function) {
        String seed = region + "/" + function + "/" + eventName + "/" + at;
        String eventId = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        String requestId = UUID.nameUUIDFromBytes(("request/" + seed).getBytes(StandardCharsets.UTF_8)).toString();
        EventRecord record = new EventRecord(eventId, eventName, at, ACCOUNT, region, Optional.of(caller),
                caller.accessKeyId(), sourceIp, userAgent, request, response, Optional.empty(), requestId,
                LambdaCall.resources(function));
        trail.record(ACCOUNT, region, record.toEvent(trail.nextSequence()));
    }
}

package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given the sandbox, every Lambda write call an operator makes, succeeded or failed, shows in CloudTrail's
 * LookupEvents as a management event named as CloudTrail names it, with the caller, the parameters and the
 * answer; reads and Invoke do not. Paging, filters, the time range and the documented refusals behave as
 * the API reference says.
 */
class LookupEventsTest {

    private static final String ORDERS = "arn:aws:lambda:us-east-1:123456789012:function:orders-api";

    private TrailSandbox s = new TrailSandbox();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void whenAnAliasIsUpdated_thenItsEventNamesTheUserTheParametersAndTheAnswer() {
        try (LambdaClient lambda = s.lambda("AKIAIOSFODNN7EXAMPLE", Region.US_EAST_1)) {
            String revision = lambda.getAlias(b -> b.functionName("orders-api").name("live")).revisionId();
            s.clock.advance(Duration.ofSeconds(5));
            lambda.updateAlias(b -> b.functionName(ORDERS).name("live").functionVersion("7").revisionId(revision)
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("8", 0.25))).description("Canary: 25% to v8"));
        }
        Event e = s.lookup(LookupAttributeKey.EVENT_NAME, "UpdateAlias20150331").get(0);
        assertThat(e.eventName()).isEqualTo("UpdateAlias20150331");
        assertThat(e.readOnly()).isEqualTo("false");
        assertThat(e.eventSource()).isEqualTo("lambda.amazonaws.com");
        assertThat(e.username()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(e.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(e.eventTime()).isEqualTo(TrailSandbox.START.plusSeconds(5));
        assertThat(e.resources()).singleElement().satisfies(r -> {
            assertThat(r.resourceType()).isEqualTo("AWS::Lambda::Function");
            assertThat(r.resourceName()).isEqualTo("orders-api");
        });
        JsonNode record = TrailSandbox.record(e);
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.08");
        assertThat(record.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
        assertThat(record.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/AKIAIOSFODNN7EXAMPLE");
        assertThat(record.path("userIdentity").path("userName").asText()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(record.path("userIdentity").path("principalId").asText()).matches("AIDA[A-Z2-7]{17}");
        assertThat(record.path("eventTime").asText()).isEqualTo("2026-12-07T15:00:05Z");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(record.path("userAgent").asText()).contains("aws-sdk-java");
        JsonNode params = record.path("requestParameters");
        assertThat(params.path("functionName").asText()).isEqualTo(ORDERS);
        assertThat(params.path("name").asText()).isEqualTo("live");
        assertThat(params.path("functionVersion").asText()).isEqualTo("7");
        assertThat(params.path("routingConfig").path("additionalVersionWeights").path("8").asDouble()).isEqualTo(0.25);
        assertThat(params.path("revisionId").asText()).isNotEmpty();
        assertThat(params.path("description").asText()).isEqualTo("Canary: 25% to v8");
        JsonNode answer = record.path("responseElements");
        assertThat(answer.path("aliasArn").asText()).isEqualTo(ORDERS + ":live");
        assertThat(answer.path("routingConfig").path("additionalVersionWeights").path("8").asDouble()).isEqualTo(0.25);
        assertThat(answer.path("revisionId").asText()).isNotEqualTo(params.path("revisionId").asText());
        assertThat(record.path("eventID").asText()).isEqualTo(e.eventId());
        assertThat(record.path("requestID").asText()).isNotEmpty();
        assertThat(record.path("readOnly").asBoolean(true)).isFalse();
        assertThat(record.path("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(record.path("managementEvent").asBoolean()).isTrue();
        assertThat(record.path("recipientAccountId").asText()).isEqualTo("123456789012");
        assertThat(record.path("eventCategory").asText()).isEqualTo("Management");
        assertThat(record.has("errorCode")).isFalse();
    }

    @Test
    void whenACallFails_thenItsEventCarriesTheErrorAndNoAnswer() {
        try (LambdaClient lambda = s.lambda("sandbox", Region.US_EAST_1)) {
            assertThatThrownBy(() -> lambda.updateAlias(b -> b.functionName("orders-api").name("live").revisionId("stale")))
                    .isInstanceOf(LambdaException.class);
        }
        JsonNode record = TrailSandbox.record(s.lookup(LookupAttributeKey.EVENT_NAME, "UpdateAlias20150331").get(0));
        assertThat(record.path("errorCode").asText()).isEqualTo("PreconditionFailedException");
        assertThat(record.path("errorMessage").asText()).startsWith("The Revision Id provided does not match");
        assertThat(record.path("responseElements").isNull()).isTrue();
        assertThat(record.path("requestParameters").path("revisionId").asText()).isEqualTo("stale");
    }

    @Test
    void everyWriteIsRecordedUnderItsCloudTrailName_andReadsAndInvokeAreNot() {
        try (LambdaClient lambda = s.lambda("deployer", Region.US_EAST_1)) {
            lambda.createFunction(b -> b.functionName("trail-fn").runtime(Runtime.PYTHON3_12).handler("a.h")
                    .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(SdkBytes.fromUtf8String("zip"))));
            lambda.updateFunctionCode(b -> b.functionName("trail-fn").zipFile(SdkBytes.fromUtf8String("zip2")));
            lambda.updateFunctionConfiguration(b -> b.functionName("trail-fn").memorySize(256)
                    .environment(en -> en.variables(Map.of("SECRET", "s3cr3t"))));
            lambda.publishVersion(b -> b.functionName("trail-fn"));
            lambda.createAlias(b -> b.functionName("trail-fn").name("live").functionVersion("1"));
            lambda.updateAlias(b -> b.functionName("trail-fn").name("live").description("d"));
            lambda.tagResource(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:trail-fn").tags(Map.of("a", "b")));
            lambda.untagResource(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:trail-fn").tagKeys("a"));
            lambda.putProvisionedConcurrencyConfig(b -> b.functionName("trail-fn").qualifier("live").provisionedConcurrentExecutions(1));
            lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("trail-fn").qualifier("live"));
            lambda.deleteAlias(b -> b.functionName("trail-fn").name("live"));
            lambda.getFunction(b -> b.functionName("trail-fn"));
            lambda.listAliases(b -> b.functionName("trail-fn"));
            lambda.listTags(b -> b.resource("arn:aws:lambda:us-east-1:123456789012:function:trail-fn"));
            lambda.invoke(b -> b.functionName("trail-fn"));
            lambda.deleteFunction(b -> b.functionName("trail-fn"));
        }
        List<Event> events = s.lookup(LookupAttributeKey.USERNAME, "deployer");
        assertThat(events).extracting(Event::eventName).containsExactly(
                "DeleteFunction20150331", "DeleteAlias20150331", "DeleteProvisionedConcurrencyConfig20190930",
                "PutProvisionedConcurrencyConfig20190930", "UntagResource20170331v2", "TagResource20170331v2",
                "UpdateAlias20150331", "CreateAlias20150331", "PublishVersion20150331",
                "UpdateFunctionConfiguration20150331v2", "UpdateFunctionCode20150331v2", "CreateFunction20150331");
        assertThat(events).allSatisfy(e -> assertThat(e.resources()).extracting(r -> r.resourceName()).containsExactly("trail-fn"));
        JsonNode untag = TrailSandbox.record(events.get(4)).path("requestParameters");
        assertThat(untag.path("tagKeys").get(0).asText()).isEqualTo("a");
        JsonNode config = TrailSandbox.record(events.get(9));
        assertThat(config.toString()).doesNotContain("s3cr3t");
        assertThat(config.path("requestParameters").path("memorySize").asInt()).isEqualTo(256);
        assertThat(TrailSandbox.record(events.get(11)).path("requestParameters").has("code")).isTrue();
        assertThat(TrailSandbox.record(events.get(11)).toString()).doesNotContain("zipFile");
    }

    @Test
    void aCallSignedWithATemporaryKeyTheSandboxDidNotIssueIsRecordedAsAnUnknownCaller() {
        String key = "ASIAJEXAMPLEXEG2JICEA";
        try (LambdaClient lambda = s.lambda(key, Region.US_EAST_1)) {
            lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("a", "b")));
        }
        Event e = s.lookup(LookupAttributeKey.ACCESS_KEY_ID, key).get(0);
        assertThat(e.username()).isNull();
        JsonNode identity = TrailSandbox.record(e).path("userIdentity");
        assertThat(identity.path("type").asText()).isEqualTo("Unknown");
        assertThat(identity.path("accessKeyId").asText()).isEqualTo(key);
    }

    @Test
    void aHugeRefusedRequestMakesASmallEvent() {
        String huge = "d".repeat(100_000);
        try (LambdaClient lambda = s.lambda("huge", Region.US_EAST_1)) {
            assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("orders-api").description(huge)))
                    .isInstanceOf(LambdaException.class);
            Map<String, String> many = new java.util.HashMap<>();
            for (int i = 0; i < 60; i++) {
                many.put("key-" + i + "-" + "k".repeat(300), "v".repeat(300));
            }
            assertThatThrownBy(() -> lambda.tagResource(b -> b.resource(ORDERS).tags(many))).isInstanceOf(LambdaException.class);
        }
        List<Event> events = s.lookup(LookupAttributeKey.USERNAME, "huge");
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.cloudTrailEvent().length()).isLessThan(20_000));
        JsonNode config = TrailSandbox.record(events.get(1));
        assertThat(config.path("errorCode").asText()).isNotEmpty();
        assertThat(config.path("requestParameters").path("description").asText()).hasSize(1027).endsWith("...");
        assertThat(TrailSandbox.record(events.get(0)).path("requestParameters").path("sandboxOmitted").asText())
                .startsWith("over 16384 characters");
    }

    @Test
    void pagesAreStableWhileNewEventsArrive() {
        try (LambdaClient lambda = s.lambda("pager", Region.US_EAST_1);
             CloudTrailClient trail = s.cloudTrail(Region.US_EAST_1)) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("k" + n, "v")));
                s.clock.advance(Duration.ofSeconds(1));
            }
            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                LookupEventsResponse page = trail.lookupEvents(b -> b.maxResults(2).nextToken(t)
                        .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.USERNAME).attributeValue("pager")));
                page.events().forEach(e -> seen.add(TrailSandbox.record(e).path("requestParameters").path("tags").fieldNames().next()));
                lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("later", "v"))); // a newer event between pages
                token = page.nextToken();
            } while (token != null);
            assertThat(seen).containsExactly("k4", "k3", "k2", "k1", "k0");
        }
    }

    @Test
    void theSamDeploymentOfEuInvoicesShowsCodeDeployShiftingTheAlias() {
        List<Event> events;
        try (CloudTrailClient trail = s.cloudTrail(Region.EU_WEST_1)) {
            events = trail.lookupEventsPaginator(b -> b.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME)
                    .attributeValue("eu-invoices"))).events().stream().toList();
        }
        assertThat(events).extracting(Event::eventName)
                .containsExactly("UpdateAlias20150331", "UpdateAlias20150331", "PublishVersion20150331");
        assertThat(events).extracting(Event::eventTime).containsExactly(TrailSandbox.START.minus(Duration.ofMinutes(10)),
                TrailSandbox.START.minus(Duration.ofMinutes(20)), TrailSandbox.START.minus(Duration.ofMinutes(30)));
        JsonNode last = TrailSandbox.record(events.get(0));
        assertThat(last.path("userIdentity").path("type").asText()).isEqualTo("AssumedRole");
        assertThat(last.path("userIdentity").path("arn").asText())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/CodeDeployServiceRole/AWSCodeDeploy");
        assertThat(last.path("userIdentity").path("invokedBy").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(last.path("sourceIPAddress").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(last.path("userAgent").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(last.path("awsRegion").asText()).isEqualTo("eu-west-1");
        assertThat(last.path("requestParameters").path("routingConfig").path("additionalVersionWeights").path("2").asDouble())
                .isEqualTo(0.2);
        assertThat(TrailSandbox.record(events.get(1)).path("requestParameters").path("routingConfig")
                .path("additionalVersionWeights").path("2").asDouble()).isEqualTo(0.1);
        assertThat(TrailSandbox.record(events.get(2)).path("userIdentity").path("invokedBy").asText())
                .isEqualTo("cloudformation.amazonaws.com");
        try (LambdaClient eu = s.lambda("x", Region.EU_WEST_1)) { // history agrees with the alias as it is
            var live = eu.getAlias(b -> b.functionName("eu-invoices").name("live"));
            assertThat(live.functionVersion()).isEqualTo(last.path("requestParameters").path("functionVersion").asText());
            assertThat(live.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.2));
        }
    }

    @Test
    void ordersApisHistoryIsAPersonsAndEndsWhereTheAliasIs() {
        List<Event> events = s.lookup(LookupAttributeKey.RESOURCE_NAME, "orders-api");
        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.username()).isEqualTo("alice@example.com"));
        JsonNode newest = TrailSandbox.record(events.get(0));
        assertThat(newest.path("userIdentity").path("arn").asText())
                .matches("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReleaseManager_[0-9a-f]{16}/alice@example.com");
        assertThat(newest.path("userIdentity").path("sessionContext").path("sessionIssuer").path("arn").asText())
                .matches("arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReleaseManager_[0-9a-f]{16}");
        assertThat(newest.path("requestParameters").path("functionVersion").asText()).isEqualTo("7");
        assertThat(newest.path("requestParameters").path("routingConfig").path("additionalVersionWeights").path("8").asDouble())
                .isEqualTo(0.1);
    }

    @Test
    void timeRangesAndRefusalsFollowTheApiReference() {
        try (CloudTrailClient trail = s.cloudTrail(Region.US_EAST_1)) {
            assertThat(trail.lookupEvents(b -> b.startTime(TrailSandbox.START.minus(Duration.ofMinutes(90)))
                    .endTime(TrailSandbox.START.minus(Duration.ofMinutes(30)))).events()).singleElement()
                    .satisfies(e -> assertThat(e.eventTime()).isEqualTo(TrailSandbox.START.minus(Duration.ofHours(1))));
            refused(() -> trail.lookupEvents(b -> b.lookupAttributes(
                    a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("x"),
                    a -> a.attributeKey(LookupAttributeKey.USERNAME).attributeValue("y"))), "InvalidLookupAttributesException");
            refused(() -> trail.lookupEvents(b -> b.startTime(TrailSandbox.START).endTime(TrailSandbox.START.minusSeconds(1))),
                    "InvalidTimeRangeException");
            refused(() -> trail.lookupEvents(b -> b.maxResults(51)), "InvalidMaxResultsException");
            refused(() -> trail.lookupEvents(b -> b.maxResults(0)), "InvalidMaxResultsException");
            refused(() -> trail.lookupEvents(b -> b.nextToken("not-a-token")), "InvalidNextTokenException");
            String token = trail.lookupEvents(b -> b.maxResults(1)).nextToken();
            refused(() -> trail.lookupEvents(b -> b.maxResults(1).nextToken(token)
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.READ_ONLY).attributeValue("false"))),
                    "InvalidNextTokenException");
        }
    }

    @Test
    void eventsOlderThanNinetyDaysAreGone() {
        s.clock.advance(Duration.ofDays(90).minusHours(2));
        assertThat(s.lookup(LookupAttributeKey.RESOURCE_NAME, "orders-api")).hasSize(2); // the 3-day-old one went
        s.clock.advance(Duration.ofHours(3));
        assertThat(s.lookup(LookupAttributeKey.RESOURCE_NAME, "orders-api")).isEmpty();
    }

    @Test
    void withAnAwsLikeDelay_anEventIsVisibleOnlyOnceItHasBeenDelivered() {
        s.close();
        s = new TrailSandbox(SandboxOptions.builderForTests().cloudTrailDelay(Duration.ofMinutes(5)).build());
        try (LambdaClient lambda = s.lambda("late", Region.US_EAST_1)) {
            lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("a", "b")));
        }
        assertThat(s.lookup(LookupAttributeKey.USERNAME, "late")).isEmpty();
        s.clock.advance(Duration.ofMinutes(5));
        assertThat(s.lookup(LookupAttributeKey.USERNAME, "late")).hasSize(1);
    }

    @Test
    void theTrailKeepsAtMostItsBoundPerAccountAndRegion_oldestDroppedFirst() {
        s.close();
        s = new TrailSandbox(SandboxOptions.builderForTests().cloudTrail(SandboxOptions.CloudTrail.defaults()
                .withRateLimited(false).withMaxEvents(4)).build());
        try (LambdaClient lambda = s.lambda("many", Region.US_EAST_1)) {
            for (int i = 0; i < 6; i++) {
                int n = i;
                s.clock.advance(Duration.ofSeconds(1));
                lambda.tagResource(b -> b.resource(ORDERS).tags(Map.of("k" + n, "v")));
            }
        }
        assertThat(s.sandbox.trailEventCount("123456789012", "us-east-1")).isEqualTo(4);
        assertThat(s.lookup(LookupAttributeKey.USERNAME, "many")).extracting(e -> TrailSandbox.record(e)
                .path("requestParameters").path("tags").fieldNames().next()).containsExactly("k5", "k4", "k3", "k2");
    }

    @Test
    void pastTwoLookupsASecond_cloudTrailThrottles() {
        s.close();
        s = new TrailSandbox(SandboxOptions.builderForTests().cloudTrail(SandboxOptions.CloudTrail.defaults()).build());
        try (CloudTrailClient trail = s.cloudTrail(Region.US_EAST_1)) {
            CloudTrailException throttled = null;
            for (int i = 0; i < 8 && throttled == null; i++) {
                try {
                    trail.lookupEvents(b -> b.maxResults(1));
                } catch (CloudTrailException e) {
                    throttled = e;
                }
            }
            assertThat(throttled).isNotNull();
            assertThat(throttled.statusCode()).isEqualTo(400);
            assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        }
        try (CloudTrailClient eu = s.cloudTrail(Region.EU_WEST_1)) { // another region has a rate of its own
            assertThat(eu.lookupEvents(b -> b.maxResults(1)).events()).hasSize(1);
        }
    }

    @Test
    void anotherCloudTrailOperationIsUnknown() {
        try (CloudTrailClient trail = s.cloudTrail(Region.US_EAST_1)) {
            refused(trail::describeTrails, "UnknownOperationException");
        }
    }

    private static void refused(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CloudTrailException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        });
    }
}

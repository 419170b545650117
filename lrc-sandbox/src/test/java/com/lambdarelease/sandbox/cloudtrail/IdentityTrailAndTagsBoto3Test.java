package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 reads the sandbox's STS, CloudTrail and Lambda tags as the Java SDK does: GetCallerIdentity for a
 * root key, an IAM user's key and a key from the sandbox's Identity Center; LookupEvents through its
 * paginator by EventName and by ResourceName, two events a page; and TagResource, ListTags and
 * UntagResource of two keys at once. The AWS CLI on PATH parses lookup-events too. Each is skipped,
 * saying so, where python3 has no boto3 or there is no {@code aws}.
 */
class IdentityTrailAndTagsBoto3Test {

    private static final String SCRIPT = """
            import boto3, json, sys
            endpoint, spec = sys.argv[1], json.loads(sys.argv[2])
            def client(service, key, region='us-east-1', token=None):
                return boto3.client(service, endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                                    aws_secret_access_key='x', aws_session_token=token)
            out = {'who': {}}
            for name, (key, token) in spec['keys'].items():
                r = client('sts', key, token=token).get_caller_identity()
                out['who'][name] = [r['Account'], r['Arn'], r['UserId']]
            lam = client('lambda', 'boto-user')
            lam.tag_resource(Resource=spec['arn'], Tags={'team': 'orders', 'tier': 'gold', 'keep': 'yes'})
            out['tagged'] = lam.list_tags(Resource=spec['arn'])['Tags']
            lam.untag_resource(Resource=spec['arn'], TagKeys=['team', 'tier'])
            out['untagged'] = lam.list_tags(Resource=spec['arn'])['Tags']
            ct = client('cloudtrail', 'reader')
            def ids(key, value):
                pages = ct.get_paginator('lookup_events').paginate(
                    LookupAttributes=[{'AttributeKey': key, 'AttributeValue': value}], PaginationConfig={'PageSize': 2})
                return [[e['EventId'], e['EventName'], e.get('Username'), json.loads(e['CloudTrailEvent'])['eventID']]
                        for p in pages for e in p['Events']]
            out['byName'] = ids('EventName', 'UpdateAlias20150331')
            out['byResource'] = ids('ResourceName', 'orders-api')
            print(json.dumps(out))
            """;

    private final TrailSandbox s = new TrailSandbox();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void boto3SeesWhatTheJavaSdkSees() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        boolean ready = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        Assumptions.assumeTrue(ready, "python3 with boto3 is not installed: " + read(probe));

        RoleCredentials sso = ssoCredentials("310987654321", "PowerUserAccess");
        try (LambdaClient lambda = s.lambda("sandbox", Region.US_EAST_1)) { // one more UpdateAlias, so paging has 4
            lambda.updateAlias(b -> b.functionName("orders-api").name("live").description("Canary: 10% to v8"));
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("root", java.util.Arrays.asList("210987654321", null));
        keys.put("user", java.util.Arrays.asList("AKIAIOSFODNN7EXAMPLE", null));
        keys.put("sso", List.of(sso.accessKeyId(), sso.sessionToken()));
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:orders-api";
        ObjectMapper json = new ObjectMapper();
        Process run = new ProcessBuilder("python3", "-c", SCRIPT, s.sandbox.endpoint().toString(),
                json.writeValueAsString(Map.of("keys", keys, "arn", arn))).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out + read(run)).isZero();
        JsonNode boto = json.readTree(out);

        assertThat(texts(boto.path("who").path("root"))).isEqualTo(who(AwsBasicCredentials.create("210987654321", "x")))
                .containsExactly("210987654321", "arn:aws:iam::210987654321:root", "210987654321");
        assertThat(texts(boto.path("who").path("user"))).isEqualTo(who(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x")));
        assertThat(texts(boto.path("who").path("sso"))).isEqualTo(who(AwsSessionCredentials.create(sso.accessKeyId(),
                sso.secretAccessKey(), sso.sessionToken())));
        assertThat(boto.path("who").path("sso").get(1).asText())
                .matches("arn:aws:sts::310987654321:assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}/alice@example.com");

        assertThat(json.convertValue(boto.path("tagged"), Map.class)).isEqualTo(Map.of("team", "orders", "tier", "gold", "keep", "yes"));
        try (LambdaClient lambda = s.lambda("x", Region.US_EAST_1)) {
            assertThat(json.convertValue(boto.path("untagged"), Map.class)).isEqualTo(Map.of("keep", "yes"))
                    .isEqualTo(lambda.listTags(b -> b.resource(arn)).tags());
        }

        List<Event> byName = s.lookup(LookupAttributeKey.EVENT_NAME, "UpdateAlias20150331");
        assertThat(boto.path("byName")).hasSize(4);
        assertThat(rows(boto.path("byName"))).isEqualTo(rows(byName));
        List<Event> byResource = s.lookup(LookupAttributeKey.RESOURCE_NAME, "orders-api");
        assertThat(rows(boto.path("byResource"))).isEqualTo(rows(byResource));
        assertThat(byResource).extracting(Event::eventName).contains("TagResource20170331v2", "UntagResource20170331v2");
        assertThat(byResource.size()).isGreaterThan(2);
    }

    @Test
    void theAwsCliParsesLookupEvents() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
        } catch (IOException none) {
            Assumptions.abort("the AWS CLI (aws) is not on PATH");
            return;
        }
        Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "the AWS CLI on PATH does not run: " + read(probe));
        ProcessBuilder cli = new ProcessBuilder("aws", "cloudtrail", "lookup-events", "--endpoint-url",
                s.sandbox.endpoint().toString(), "--region", "eu-west-1", "--output", "json", "--lookup-attributes",
                "AttributeKey=ResourceName,AttributeValue=eu-invoices", "--max-items", "10", "--page-size", "2");
        cli.environment().put("AWS_ACCESS_KEY_ID", "cli-user");
        cli.environment().put("AWS_SECRET_ACCESS_KEY", "x");
        cli.environment().put("AWS_CONFIG_FILE", "/dev/null");
        cli.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        cli.environment().remove("AWS_PROFILE");
        Process run = cli.start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out + read(run)).isZero();
        JsonNode events = new ObjectMapper().readTree(out).path("Events");
        List<String> names = new ArrayList<>();
        events.forEach(e -> names.add(e.path("EventName").asText()));
        assertThat(names).containsExactly("UpdateAlias20150331", "UpdateAlias20150331", "PublishVersion20150331");
        assertThat(new ObjectMapper().readTree(events.get(0).path("CloudTrailEvent").asText())
                .path("userIdentity").path("invokedBy").asText()).isEqualTo("codedeploy.amazonaws.com");
    }

    private List<String> who(AwsCredentials credentials) {
        try (StsClient sts = StsClient.builder().endpointOverride(s.sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build()) {
            GetCallerIdentityResponse r = sts.getCallerIdentity();
            return List.of(r.account(), r.arn(), r.userId());
        }
    }

    /** Signs in to the sandbox's Identity Center by device code (approved by itself on the second poll). */
    private RoleCredentials ssoCredentials(String account, String role) throws InterruptedException {
        try (SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(s.sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
             SsoClient portal = SsoClient.builder().endpointOverride(s.sandbox.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            RegisterClientResponse client = oidc.registerClient(b -> b.clientName("boto3-test").clientType("public"));
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(s.sandbox.ssoStartUrl()));
            for (int poll = 0; ; poll++) {
                try {
                    String token = oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                            .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(device.deviceCode())).accessToken();
                    return portal.getRoleCredentials(b -> b.accessToken(token).accountId(account).roleName(role)).roleCredentials();
                } catch (AuthorizationPendingException pending) {
                    if (poll > 5) {
                        throw pending;
                    }
                    Thread.sleep(device.interval() * 1000L);
                }
            }
        }
    }

    private static List<List<String>> rows(JsonNode boto) {
        List<List<String>> out = new ArrayList<>();
        boto.forEach(r -> out.add(texts(r)));
        return out;
    }

    private static List<List<String>> rows(List<Event> events) {
        return events.stream().map(e -> List.of(e.eventId(), e.eventName(), e.username(),
                TrailSandbox.record(e).path("eventID").asText())).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String read(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

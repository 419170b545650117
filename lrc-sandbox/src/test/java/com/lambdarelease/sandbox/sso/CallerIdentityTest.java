package com.lambdarelease.sandbox.sso;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * STS GetCallerIdentity names whoever signed the request: an account's root for a 12-digit key, the
 * signed-in user in the permission set's reserved role for a key from the sandbox's Identity Center, an
 * IAM user of the demo account for any other key, and refuses a temporary key the sandbox never issued.
 */
class CallerIdentityTest {

    private final SsoSandboxFixture f = new SsoSandboxFixture(SsoSettings.defaults().withUserName("bob@example.com"));

    @AfterEach
    void close() {
        f.close();
    }

    private GetCallerIdentityResponse whoAmI(AwsCredentials credentials) {
        try (StsClient sts = StsClient.builder().endpointOverride(f.sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build()) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void aTwelveDigitKeyIsThatAccountsRoot() {
        GetCallerIdentityResponse id = whoAmI(AwsBasicCredentials.create("210987654321", "x"));
        assertThat(id.account()).isEqualTo("210987654321");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::210987654321:root");
        assertThat(id.userId()).isEqualTo("210987654321");
    }

    @Test
    void anyOtherKeyIsAnIamUserOfTheDemoAccountNamedAfterIt() {
        GetCallerIdentityResponse id = whoAmI(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x"));
        assertThat(id.account()).isEqualTo("123456789012");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::123456789012:user/AKIAIOSFODNN7EXAMPLE");
        assertThat(id.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(whoAmI(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "y")).userId()).isEqualTo(id.userId());
        assertThat(whoAmI(AwsBasicCredentials.create("other", "x")).userId()).isNotEqualTo(id.userId());
    }

    @Test
    void aKeyFromIdentityCenterIsTheSignedInUserInThePermissionSetsRole() throws Exception {
        String token = f.deviceToken().accessToken();
        RoleCredentials c = f.credentials(token, "310987654321", "ReleaseManager");
        GetCallerIdentityResponse id = whoAmI(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        assertThat(id.account()).isEqualTo("310987654321");
        assertThat(id.arn()).matches("arn:aws:sts::310987654321:assumed-role/AWSReservedSSO_ReleaseManager_[0-9a-f]{16}/bob@example\\.com");
        assertThat(id.userId()).matches("AROA[A-Z2-7]{17}:bob@example\\.com");
        // The same role in the same account is the same reserved role, whichever key.
        RoleCredentials again = f.credentials(token, "310987654321", "ReleaseManager");
        assertThat(whoAmI(AwsSessionCredentials.create(again.accessKeyId(), again.secretAccessKey(), again.sessionToken())).arn())
                .isEqualTo(id.arn());
    }

    @Test
    void whatTheSignedInUserChangesIsInTheirAccountsTrailUnderTheirName() throws Exception {
        RoleCredentials c = f.credentials(f.deviceToken().accessToken(), "310987654321", "ReleaseManager");
        StaticCredentialsProvider signed = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(f.sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(signed).build();
             CloudTrailClient trail = CloudTrailClient.builder().endpointOverride(f.sandbox.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(signed).build()) {
            lambda.tagResource(b -> b.resource("arn:aws:lambda:us-east-1:310987654321:function:orders-prod-api")
                    .tags(Map.of("reviewed", "yes")));
            Event e = trail.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.USERNAME)
                    .attributeValue("bob@example.com"))).events().get(0);
            assertThat(e.eventName()).isEqualTo("TagResource20170331v2");
            assertThat(e.accessKeyId()).isEqualTo(c.accessKeyId());
            JsonNode identity = new ObjectMapper().readTree(e.cloudTrailEvent()).path("userIdentity");
            assertThat(identity.path("type").asText()).isEqualTo("AssumedRole");
            assertThat(identity.path("arn").asText()).isEqualTo(whoAmI(AwsSessionCredentials.create(c.accessKeyId(),
                    c.secretAccessKey(), c.sessionToken())).arn());
            assertThat(identity.path("accountId").asText()).isEqualTo("310987654321");
            assertThat(identity.path("sessionContext").path("sessionIssuer").path("arn").asText())
                    .matches("arn:aws:iam::310987654321:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReleaseManager_[0-9a-f]{16}");
        }
    }

    @Test
    void aTemporaryKeyTheSandboxDidNotIssueIsRefused() {
        assertThatThrownBy(() -> whoAmI(AwsSessionCredentials.create("ASIAJEXAMPLEXEG2JICEA", "x", "token")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
                });
    }

    @Test
    void anActionStsDoesNotHaveIsRefusedInAwsQuerysErrorShape() throws Exception {
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(f.sandbox.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Type>Sender</Type>", "<Code>InvalidAction</Code>",
                        "<Message>Could not find operation AssumeRole for version 2011-06-15</Message>", "<RequestId>");
    }

    @Test
    void anUnsignedRequestIsTheDemoAccountsSandboxUser() throws Exception {
        try (StsClient sts = StsClient.builder().endpointOverride(f.sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/sandbox");
        }
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(f.sandbox.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).startsWith("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Arn>arn:aws:iam::123456789012:user/sandbox</Arn>", "<Account>123456789012</Account>", "<RequestId>");
    }
}

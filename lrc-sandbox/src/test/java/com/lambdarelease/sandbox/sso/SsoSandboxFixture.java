package com.lambdarelease.sandbox.sso;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** A sandbox with its Identity Center on a manual clock, and the SDK's own OIDC, portal and Lambda clients for it. */
final class SsoSandboxFixture implements AutoCloseable {

    final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-12-01T10:00:00Z"));
    final Sandbox sandbox;
    final SsoOidcClient oidc;
    final SsoClient portal;

    SsoSandboxFixture(SsoSettings settings) {
        try {
            sandbox = Sandbox.start(SandboxOptions.forTests(), clock, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // No retries: each test sees exactly the answer the sandbox gave.
        oidc = SsoOidcClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))).build();
        portal = SsoClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    RegisterClientResponse registerDeviceClient() {
        return oidc.registerClient(b -> b.clientName("test").clientType("public").scopes("sso:account:access"));
    }

    /** A token from the device-code flow: the first poll is pending, the second (a poll interval later) approved. */
    CreateTokenResponse deviceToken() throws InterruptedException {
        RegisterClientResponse client = registerDeviceClient();
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(sandbox.ssoStartUrl()));
        for (int poll = 0; ; poll++) {
            try {
                return oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                        .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(device.deviceCode()));
            } catch (software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException pending) {
                if (poll > 5) {
                    throw pending;
                }
                Thread.sleep(device.interval() * 1000L);
            }
        }
    }

    RoleCredentials credentials(String token, String account, String role) {
        return portal.getRoleCredentials(b -> b.accessToken(token).accountId(account).roleName(role)).roleCredentials();
    }

    List<String> functionNames(RoleCredentials c) {
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                        c.secretAccessKey(), c.sessionToken()))).build()) {
            return lambda.listFunctions().functions().stream().map(FunctionConfiguration::functionName).toList();
        }
    }

    @Override
    public void close() {
        oidc.close();
        portal.close();
        sandbox.close();
    }
}

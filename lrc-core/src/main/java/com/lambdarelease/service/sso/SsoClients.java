package com.lambdarelease.service.sso;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's OIDC and portal clients for one session, unsigned
 * (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html). A local start
 * URL sends both to its own origin (the sandbox); otherwise the SDK finds the endpoints itself,
 * honouring {@code AWS_ENDPOINT_URL_SSO_OIDC}, {@code AWS_ENDPOINT_URL_SSO} and {@code AWS_ENDPOINT_URL}
 * (§8). Single attempts: the sign-in and the portal pacing decide what to retry.
 */
final class SsoClients implements AutoCloseable {

    private final SsoOidcClient oidc;
    private final SsoClient portal;
    private final URI authorizeBase;

    SsoClients(SsoSession session, Map<String, String> env) {
        Optional<URI> local = session.localOrigin();
        var oidcBuilder = SsoOidcClient.builder().region(Region.of(session.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)));
        var portalBuilder = SsoClient.builder().region(Region.of(session.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)));
        local.ifPresent(uri -> {
            oidcBuilder.endpointOverride(uri);
            portalBuilder.endpointOverride(uri);
        });
        this.oidc = oidcBuilder.build();
        this.portal = portalBuilder.build();
        this.authorizeBase = local
                .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL_SSO_OIDC")).filter(s -> !s.isBlank()).map(URI::create))
                .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create))
                .orElse(URI.create("https://oidc." + session.region() + ".amazonaws.com"));
    }

    SsoOidcClient oidc() {
        return oidc;
    }

    SsoClient portal() {
        return portal;
    }

    /** Where the browser is sent for the PKCE authorization: the OIDC service's {@code /authorize}. */
    URI authorizeBase() {
        return authorizeBase;
    }

    @Override
    public void close() {
        oidc.close();
        portal.close();
    }
}

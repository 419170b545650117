package com.lambdarelease.service.sso;

import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The OIDC grants of one session
 * (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html):
 * the authorization-code flow with PKCE (S256)
 * and a loopback redirect, what AWS CLI v2 does by default since 2.22; the device-code flow; and the
 * refresh-token grant. Client registrations are reused from the cache until they expire. Blocking
 * SDK calls run on {@code io}; waits (the device poll interval, the browser) are timers.
 */
final class SignInFlows {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(5);

    private final SsoSession session;
    private final SsoClients clients;
    private final TokenCache cache;
    private final BrowserOpener browser;
    private final Clock clock;
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random = new SecureRandom();

    SignInFlows(SsoSession session, SsoClients clients, TokenCache cache, BrowserOpener browser, Clock clock,
                Executor io, ScheduledExecutorService scheduler) {
        this.session = session;
        this.clients = clients;
        this.cache = cache;
        this.browser = browser;
        this.clock = clock;
        this.io = io;
        this.scheduler = scheduler;
    }

    /** PKCE in the browser; the device code when no browser opens. */
    CompletableFuture<CachedToken> browser(SignInPrompt prompt) {
        return CompletableFuture.supplyAsync(() -> registration("pkce"), io).thenCompose(reg -> {
            LoopbackRedirect loopback;
            try {
                loopback = new LoopbackRedirect();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not listen on 127.0.0.1 for the sign-in's redirect", e);
            }
            String verifier = secret(48);
            String state = secret(16);
            URI redirect = loopback.redirectUri();
            URI authorize = URI.create(clients.authorizeBase().toString().replaceAll("/+$", "") + "/authorize?response_type=code"
                    + "&client_id=" + enc(reg.clientId()) + "&redirect_uri=" + enc(redirect.toString()) + "&state=" + state
                    + "&code_challenge_method=S256&scopes=" + enc(String.join(" ", session.scopes()))
                    + "&code_challenge=" + s256(verifier));
            if (!browser.open(authorize)) {
                loopback.close();
                prompt.browserUnavailable();
                return device(prompt);
            }
            prompt.browserOpened(authorize);
            scheduler.schedule(() -> loopback.callback().completeExceptionally(new SignInFailedException(
                    "No answer from the browser within " + BROWSER_TIMEOUT.toMinutes() + " minutes; sign in again.")),
                    BROWSER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return loopback.callback().whenComplete((c, e) -> loopback.close()).thenApplyAsync(callback -> {
                if (!callback.get("error").isEmpty()) {
                    throw new SignInFailedException("access_denied".equals(callback.get("error"))
                            ? "The sign-in was denied in the browser." : "The sign-in failed: " + callback.get("error"));
                }
                if (!state.equals(callback.get("state"))) {
                    throw new SignInFailedException("The browser came back with another sign-in's state; sign in again.");
                }
                Instant now = clock.instant();
                CreateTokenResponse t = clients.oidc().createToken(b -> b.clientId(reg.clientId())
                        .clientSecret(reg.clientSecret()).grantType("authorization_code").code(callback.get("code"))
                        .redirectUri(redirect.toString()).codeVerifier(verifier));
                return token(t, reg, now, Optional.empty());
            }, io);
        });
    }

    /** The device-code flow: show the code, then poll at the interval the service asks for. */
    CompletableFuture<CachedToken> device(SignInPrompt prompt) {
        return CompletableFuture.supplyAsync(() -> {
            CachedToken.Registration reg = registration("device");
            StartDeviceAuthorizationResponse d = clients.oidc().startDeviceAuthorization(b -> b.clientId(reg.clientId())
                    .clientSecret(reg.clientSecret()).startUrl(session.startUrl()));
            prompt.showDeviceCode(d.userCode(), URI.create(d.verificationUri()),
                    URI.create(Optional.ofNullable(d.verificationUriComplete()).orElse(d.verificationUri())));
            return d;
        }, io).thenCompose(d -> {
            CachedToken.Registration reg = registration("device");
            Instant deadline = clock.instant().plusSeconds(d.expiresIn() == null ? 600 : d.expiresIn());
            return poll(reg, d.deviceCode(), Duration.ofSeconds(d.interval() == null ? 5 : d.interval()), deadline);
        });
    }

    private CompletableFuture<CachedToken> poll(CachedToken.Registration reg, String deviceCode, Duration interval, Instant deadline) {
        return later(interval).thenApplyAsync(ignored -> {
            Instant now = clock.instant();
            try {
                CreateTokenResponse t = clients.oidc().createToken(b -> b.clientId(reg.clientId())
                        .clientSecret(reg.clientSecret()).grantType(DEVICE_GRANT).deviceCode(deviceCode));
                return Optional.of(token(t, reg, now, Optional.empty()));
            } catch (AuthorizationPendingException pending) {
                return Optional.<CachedToken>empty();
            } catch (SlowDownException slow) {
                return null; // poll again, 5 s slower (RFC 8628 §3.5)
            } catch (AccessDeniedException denied) {
                throw new SignInFailedException("The sign-in was denied.");
            } catch (ExpiredTokenException expired) {
                throw new SignInFailedException("The code expired before it was approved; sign in again.");
            }
        }, io).thenCompose(result -> {
            if (result != null && result.isPresent()) {
                return CompletableFuture.completedFuture(result.get());
            }
            if (!clock.instant().isBefore(deadline)) {
                return CompletableFuture.failedFuture(new SignInFailedException(
                        "The code expired before it was approved; sign in again."));
            }
            return poll(reg, deviceCode, result == null ? interval.plusSeconds(5) : interval, deadline);
        });
    }

    /** The refresh-token grant; runs on the caller's thread (already off the FX thread). */
    CachedToken refresh(CachedToken current) {
        CachedToken.Registration reg = current.registration().orElseThrow();
        Instant now = clock.instant();
        CreateTokenResponse t = clients.oidc().createToken(b -> b.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType("refresh_token").refreshToken(current.refreshToken().orElseThrow()));
        return token(t, reg, now, current.refreshToken());
    }

    private CachedToken token(CreateTokenResponse t, CachedToken.Registration reg, Instant issuedAt, Optional<String> oldRefresh) {
        CachedToken token = new CachedToken(session.startUrl(), session.region(), t.accessToken(),
                issuedAt.plusSeconds(t.expiresIn()), Optional.of(reg),
                Optional.ofNullable(t.refreshToken()).or(() -> oldRefresh));
        cache.write(session, token);
        return token;
    }

    /** Our registration for {@code flow}, reused from the cache until it expires. */
    private CachedToken.Registration registration(String flow) {
        Instant now = clock.instant();
        return cache.registration(session, flow, now).orElseGet(() -> {
            RegisterClientResponse r = clients.oidc().registerClient(b -> {
                b.clientName(TokenCache.TOOL + "-" + session.name().orElse("start-url")).clientType("public")
                        .scopes(session.scopes());
                if (flow.equals("pkce")) {
                    b.grantTypes("authorization_code", "refresh_token").redirectUris("http://127.0.0.1/oauth/callback")
                            .issuerUrl(session.startUrl());
                }
            });
            CachedToken.Registration reg = new CachedToken.Registration(r.clientId(), r.clientSecret(),
                    Instant.ofEpochSecond(r.clientSecretExpiresAt()));
            cache.writeRegistration(session, flow, reg);
            return reg;
        });
    }

    private CompletableFuture<Void> later(Duration d) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        scheduler.schedule(() -> f.complete(null), d.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    private String secret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String s256(String verifier) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

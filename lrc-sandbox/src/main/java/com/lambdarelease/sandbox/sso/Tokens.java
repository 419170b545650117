package com.lambdarelease.sandbox.sso;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access and refresh tokens the OIDC service issued, which the portal accepts while they live.
 * Bounded: expired access tokens are dropped as new ones are issued.
 */
final class Tokens {

    /** What one grant produced. */
    record Issued(String accessToken, String refreshToken, Duration lifetime) {
    }

    private static final int MAX_LIVE = 10_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> access = new ConcurrentHashMap<>();
    /** refresh token → client id */
    private final Map<String, String> refresh = new ConcurrentHashMap<>();

    Tokens(Clock clock) {
        this.clock = clock;
    }

    Issued issue(String clientId, Duration lifetime) {
        Instant now = clock.instant();
        if (access.size() >= MAX_LIVE) {
            access.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        if (access.size() >= MAX_LIVE || refresh.size() >= MAX_LIVE) {
            throw SsoError.oidc(400, "SlowDownException", "slow_down", "Too many live sessions in the sandbox");
        }
        String token = "aoa" + secret(48);
        String refreshToken = "aor" + secret(48);
        access.put(token, now.plus(lifetime));
        refresh.put(refreshToken, clientId);
        return new Issued(token, refreshToken, lifetime);
    }

    /** The client a refresh token belongs to, consuming it (a refresh rotates the token). */
    Optional<String> redeemRefresh(String refreshToken) {
        return Optional.ofNullable(refresh.remove(refreshToken));
    }

    boolean valid(String accessToken) {
        Instant expiry = access.get(accessToken);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void revoke(String accessToken) {
        access.remove(accessToken);
    }

    /** Ends every access token now (tests: "the session expired"), keeping the refresh tokens. */
    void expireAll() {
        access.replaceAll((k, v) -> Instant.MIN);
    }

    String secret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package com.lambdarelease.service.sso;

import java.time.Instant;
import java.util.Optional;

/**
 * An Identity Center token as the AWS CLI caches it
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html): the access token, when it
 * expires, and the client registration and refresh token that renew it. Holds no AWS credentials.
 */
public record CachedToken(String startUrl, String region, String accessToken, Instant expiresAt,
                          Optional<Registration> registration, Optional<String> refreshToken) {

    /** A registered OIDC client. */
    public record Registration(String clientId, String clientSecret, Instant expiresAt) {
        public boolean liveAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** True when the refresh token and a live registration can renew this token at {@code now}. */
    public boolean refreshableAt(Instant now) {
        return refreshToken.isPresent() && registration.map(r -> r.liveAt(now)).orElse(false);
    }

    @Override
    public String toString() {
        return "CachedToken[" + startUrl + ", expires " + expiresAt + "]"; // never the secrets
    }
}

package com.lambdarelease.service.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache file's name, fields and times as the AWS CLI writes them
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html; botocore's tokens.py).
 */
class TokenCacheTest {

    @TempDir
    Path home;

    private final SsoSession team = new SsoSession(Optional.of("team"), "https://my-org.awsapps.com/start", "eu-west-1", List.of());

    @Test
    void theFileIsNamedBySha1OfTheSessionNameOrTheLegacyStartUrl() {
        // As botocore's SSOTokenLoader computes them: hashlib.sha1("team".encode("utf-8")).hexdigest().
        assertThat(team.cacheKey()).isEqualTo("d25187dc137f35c88bc80ec8c3ffbdb17b5eb873");
        assertThat(TokenCache.inHome(home).file(team)).isEqualTo(home.resolve(".aws/sso/cache/d25187dc137f35c88bc80ec8c3ffbdb17b5eb873.json"));
        assertThat(SsoSession.typed("https://my-org.awsapps.com/start", "eu-west-1").cacheKey())
                .isEqualTo("acff06c7037450e5a3fddcacb0a34e921da42d68");
    }

    @Test
    void aRewriteKeepsMembersOtherToolsWroteAndReadsTheirTimeFormats() throws Exception {
        TokenCache cache = TokenCache.inHome(home);
        Files.createDirectories(cache.dir());
        Files.writeString(cache.file(team), """
                {"startUrl":"https://my-org.awsapps.com/start","region":"eu-west-1","accessToken":"a1",
                 "expiresAt":"2026-12-01T10:00:00.123+00:00","clientId":"c","clientSecret":"s",
                 "registrationExpiresAt":"2027-01-01T00:00:00Z","refreshToken":"r","somethingNew":42}
                """);
        CachedToken read = cache.read(team).orElseThrow();
        assertThat(read.expiresAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123Z"));
        assertThat(read.refreshableAt(Instant.parse("2026-12-31T00:00:00Z"))).isTrue();
        cache.write(team, new CachedToken(read.startUrl(), read.region(), "a2", Instant.parse("2026-12-01T11:00:00.9Z"),
                read.registration(), read.refreshToken()));
        var json = new ObjectMapper().readTree(cache.file(team).toFile());
        assertThat(json.path("accessToken").asText()).isEqualTo("a2");
        assertThat(json.path("expiresAt").asText()).isEqualTo("2026-12-01T11:00:00Z");
        assertThat(json.path("somethingNew").asInt()).isEqualTo(42);
    }

    @Test
    void anUnreadableFileIsNoToken() throws Exception {
        TokenCache cache = TokenCache.inHome(home);
        Files.createDirectories(cache.dir());
        Files.writeString(cache.file(team), "{not json");
        assertThat(cache.read(team)).isEmpty();
    }

    @Test
    void badSessionsAreRefusedNotRepaired() {
        assertThatThrownBy(() -> SsoSession.typed("http://my-org.awsapps.com/start", "eu-west-1"))
                .hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> SsoSession.typed("https://my-org.awsapps.com/start", "europe"))
                .hasMessage("\"europe\" is not an AWS region (for example eu-west-1).");
        assertThat(SsoSession.typed("http://127.0.0.1:4599/start", "us-east-1").localOrigin())
                .contains(java.net.URI.create("http://127.0.0.1:4599"));
    }
}

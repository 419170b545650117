package com.lambdarelease.service.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The token cache the AWS CLI and the SDKs share: {@code ~/.aws/sso/cache/{sha1 of the session
 * name}.json} with the fields and {@code 2026-12-01T10:00:00Z} times botocore writes
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html),
 * so signing in here signs the AWS CLI in and the reverse. Written atomically
 * (a temporary file in the same folder, then a rename) with owner-only permissions; members this
 * class does not know are kept when it rewrites a file. Our client registrations are cached beside it
 * under a key of our own, so they never clash with the CLI's.
 */
public final class TokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    static final String TOOL = "lambda-release-console";

    private final Path dir;

    public TokenCache(Path dir) {
        this.dir = dir;
    }

    /** The cache of the user whose home is {@code home}. */
    public static TokenCache inHome(Path home) {
        return new TokenCache(home.resolve(".aws").resolve("sso").resolve("cache"));
    }

    public Path dir() {
        return dir;
    }

    public Path file(SsoSession session) {
        return dir.resolve(session.cacheKey() + ".json");
    }

    /** The cached token of {@code session}; empty when there is none or it cannot be read as one. */
    public Optional<CachedToken> read(SsoSession session) {
        return readJson(file(session)).flatMap(n -> {
            try {
                Optional<CachedToken.Registration> registration = n.hasNonNull("clientId") && n.hasNonNull("clientSecret")
                        && n.hasNonNull("registrationExpiresAt")
                        ? Optional.of(new CachedToken.Registration(n.get("clientId").asText(), n.get("clientSecret").asText(),
                        parseTime(n.get("registrationExpiresAt").asText())))
                        : Optional.empty();
                return Optional.of(new CachedToken(n.path("startUrl").asText(session.startUrl()),
                        n.path("region").asText(session.region()), n.get("accessToken").asText(),
                        parseTime(n.get("expiresAt").asText()), registration,
                        Optional.ofNullable(n.get("refreshToken")).map(JsonNode::asText)));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** Writes {@code token} as the cached token of {@code session}, keeping members other tools added. */
    public void write(SsoSession session, CachedToken token) {
        Path file = file(session);
        ObjectNode n = readJson(file).filter(JsonNode::isObject).map(j -> (ObjectNode) j).orElseGet(JSON::createObjectNode);
        n.put("startUrl", token.startUrl());
        n.put("region", token.region());
        n.put("accessToken", token.accessToken());
        n.put("expiresAt", formatTime(token.expiresAt()));
        token.registration().ifPresent(r -> {
            n.put("clientId", r.clientId());
            n.put("clientSecret", r.clientSecret());
            n.put("registrationExpiresAt", formatTime(r.expiresAt()));
        });
        token.refreshToken().ifPresentOrElse(t -> n.put("refreshToken", t), () -> n.remove("refreshToken"));
        writeAtomically(file, n);
    }

    /** Forgets the cached token of {@code session} (sign out). */
    public void delete(SsoSession session) {
        try {
            Files.deleteIfExists(file(session));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file(session), e);
        }
    }

    /** Our client registration for {@code session} and {@code flow}, while it lives. */
    public Optional<CachedToken.Registration> registration(SsoSession session, String flow, Instant now) {
        return readJson(registrationFile(session, flow)).flatMap(n -> {
            try {
                return Optional.of(new CachedToken.Registration(n.get("clientId").asText(), n.get("clientSecret").asText(),
                        parseTime(n.get("expiresAt").asText())));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }).filter(r -> r.liveAt(now));
    }

    public void writeRegistration(SsoSession session, String flow, CachedToken.Registration registration) {
        ObjectNode n = JSON.createObjectNode();
        n.put("clientId", registration.clientId());
        n.put("clientSecret", registration.clientSecret());
        n.put("expiresAt", formatTime(registration.expiresAt()));
        var scopes = n.putArray("scopes");
        session.scopes().forEach(scopes::add);
        writeAtomically(registrationFile(session, flow), n);
    }

    /** Like the CLI's registration key (sha1 of a sorted JSON of tool, start URL, region, scopes, session), with our tool name and the flow. */
    Path registrationFile(SsoSession session, String flow) {
        TreeMap<String, Object> key = new TreeMap<>();
        key.put("tool", TOOL);
        key.put("startUrl", session.startUrl());
        key.put("region", session.region());
        key.put("scopes", List.copyOf(session.scopes()));
        key.put("session_name", session.name().orElse(null));
        key.put("flow", flow);
        try {
            return dir.resolve(SsoSession.sha1(JSON.writeValueAsString(key)) + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formatTime(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** botocore writes {@code ...Z}; other tools write offsets or fractions; all are read. */
    static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private Optional<JsonNode> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private void writeAtomically(Path file, JsonNode content) {
        try {
            AtomicFile.createDirectories(dir, "rwx------");
            AtomicFile.replace(file, JSON.writeValueAsString(content), Optional.of("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}

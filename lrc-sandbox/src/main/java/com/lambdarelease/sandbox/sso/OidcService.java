package com.lambdarelease.sandbox.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * IAM Identity Center's OIDC service (sso-oauth, restJson1): RegisterClient, StartDeviceAuthorization
 * and CreateToken with the device-code, authorization-code (PKCE S256) and refresh-token grants, and
 * every error the OIDC API reference lists
 * (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html).
 * The sign-in decisions (approve, deny) come from
 * {@link SignInPages} or a test.
 */
final class OidcService {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final int MAX_PENDING = 1_000;

    record Client(String clientId, String secret, Instant secretExpiresAt, List<String> redirectUris) {
    }

    enum Decision { PENDING, APPROVED, DENIED }

    static final class Device {
        final String clientId;
        final String userCode;
        final Instant expiresAt;
        volatile Decision decision = Decision.PENDING;
        long lastPollNanos = Long.MIN_VALUE;
        int polls;

        Device(String clientId, String userCode, Instant expiresAt) {
            this.clientId = clientId;
            this.userCode = userCode;
            this.expiresAt = expiresAt;
        }
    }

    record AuthCode(String clientId, String redirectUri, String challenge, Instant expiresAt) {
    }

    private final SsoSettings settings;
    private final Clock clock;
    private final LongSupplier nanos;
    private final Tokens tokens;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();

    OidcService(SsoSettings settings, Clock clock, LongSupplier nanos, Tokens tokens) {
        this.settings = settings;
        this.clock = clock;
        this.nanos = nanos;
        this.tokens = tokens;
    }

    ObjectNode register(JsonNode in) {
        String name = text(in, "clientName").orElseThrow(() -> SsoError.invalidRequest("clientName is required"));
        String type = text(in, "clientType").orElseThrow(() -> SsoError.invalidRequest("clientType is required"));
        if (!type.equals("public")) {
            throw SsoError.oidc(400, "InvalidClientMetadataException", "invalid_client_metadata",
                    "Invalid client type: " + type);
        }
        List<String> redirects = new ArrayList<>();
        in.path("redirectUris").forEach(r -> redirects.add(r.asText()));
        for (String r : redirects) {
            if (!r.startsWith("http://127.0.0.1") && !r.startsWith("http://localhost") && !r.startsWith("http://[::1]")) {
                throw SsoError.oidc(400, "InvalidRedirectUriException", "invalid_redirect_uri",
                        "Invalid redirect uri: " + SsoError.cut(r));
            }
        }
        for (JsonNode g : in.path("grantTypes")) {
            String grant = g.asText();
            if (!grant.equals("authorization_code") && !grant.equals("refresh_token") && !grant.equals(DEVICE_GRANT)) {
                throw SsoError.oidc(400, "UnsupportedGrantTypeException", "unsupported_grant_type",
                        "Unsupported grant type: " + SsoError.cut(grant));
            }
        }
        if (clients.size() >= MAX_PENDING) {
            clients.values().removeIf(c -> !c.secretExpiresAt().isAfter(clock.instant()));
        }
        Instant now = clock.instant();
        Client client = new Client("sbx-client-" + tokens.secret(12), tokens.secret(32),
                now.plus(settings.registrationLifetime()), List.copyOf(redirects));
        clients.put(client.clientId(), client);
        ObjectNode out = SsoError.MAPPER.createObjectNode();
        out.put("clientId", client.clientId());
        out.put("clientSecret", client.secret());
        out.put("clientIdIssuedAt", now.getEpochSecond());
        out.put("clientSecretExpiresAt", client.secretExpiresAt().getEpochSecond());
        return out;
    }

    ObjectNode startDeviceAuthorization(JsonNode in, String baseUrl) {
        authenticate(in);
        text(in, "startUrl").orElseThrow(() -> SsoError.invalidRequest("startUrl is required"));
        pruneDevices();
        String userCode = userCode();
        String deviceCode = tokens.secret(32);
        Instant expires = clock.instant().plusSeconds(600);
        devices.put(deviceCode, new Device(text(in, "clientId").orElseThrow(), userCode, expires));
        ObjectNode out = SsoError.MAPPER.createObjectNode();
        out.put("deviceCode", deviceCode);
        out.put("userCode", userCode);
        out.put("verificationUri", baseUrl + "/device");
        out.put("verificationUriComplete", baseUrl + "/device?user_code=" + userCode);
        out.put("expiresIn", 600);
        out.put("interval", settings.pollInterval());
        return out;
    }

    ObjectNode createToken(JsonNode in) {
        Client client = authenticate(in);
        String grant = text(in, "grantType").orElseThrow(() -> SsoError.invalidRequest("grantType is required"));
        switch (grant) {
            case DEVICE_GRANT -> redeemDevice(client, text(in, "deviceCode")
                    .orElseThrow(() -> SsoError.invalidRequest("deviceCode is required")));
            case "authorization_code" -> redeemCode(client, in);
            case "refresh_token" -> {
                String refresh = text(in, "refreshToken").orElseThrow(() -> SsoError.invalidRequest("refreshToken is required"));
                Optional<String> owner = tokens.redeemRefresh(refresh);
                if (owner.isEmpty() || !owner.get().equals(client.clientId())) {
                    throw SsoError.invalidGrant("Invalid grant provided");
                }
            }
            default -> throw SsoError.oidc(400, "UnsupportedGrantTypeException", "unsupported_grant_type",
                    "Unsupported grant type: " + SsoError.cut(grant));
        }
        Tokens.Issued issued = tokens.issue(client.clientId(), settings.tokenLifetime());
        ObjectNode out = SsoError.MAPPER.createObjectNode();
        out.put("accessToken", issued.accessToken());
        out.put("tokenType", "Bearer");
        out.put("expiresIn", issued.lifetime().toSeconds());
        out.put("refreshToken", issued.refreshToken());
        return out;
    }

    private void redeemDevice(Client client, String deviceCode) {
        Device device = devices.get(deviceCode);
        if (device == null || !device.clientId.equals(client.clientId())) {
            throw SsoError.invalidGrant("Invalid grant provided");
        }
        if (!clock.instant().isBefore(device.expiresAt)) {
            devices.remove(deviceCode);
            throw SsoError.oidc(400, "ExpiredTokenException", "expired_token", "Device code has expired");
        }
        synchronized (device) {
            long now = nanos.getAsLong();
            // A little slack under the interval: a client that sleeps exactly `interval` wakes a hair early sometimes.
            boolean tooFast = device.lastPollNanos != Long.MIN_VALUE
                    && now - device.lastPollNanos < settings.pollInterval() * 800_000_000L;
            device.lastPollNanos = now;
            device.polls++;
            if (tooFast) {
                throw SsoError.oidc(400, "SlowDownException", "slow_down", "Client is polling too fast");
            }
            if (device.decision == Decision.PENDING && settings.autoApprove() && device.polls >= 2) {
                device.decision = Decision.APPROVED;
            }
            switch (device.decision) {
                case PENDING -> throw SsoError.oidc(400, "AuthorizationPendingException", "authorization_pending",
                        "Authorization is still pending");
                case DENIED -> {
                    devices.remove(deviceCode);
                    throw SsoError.oidc(400, "AccessDeniedException", "access_denied", "Access denied by the user");
                }
                case APPROVED -> devices.remove(deviceCode);
            }
        }
    }

    private void redeemCode(Client client, JsonNode in) {
        String code = text(in, "code").orElseThrow(() -> SsoError.invalidRequest("code is required"));
        AuthCode auth = codes.remove(code);
        if (auth == null || !auth.clientId().equals(client.clientId()) || !clock.instant().isBefore(auth.expiresAt())
                || !text(in, "redirectUri").orElse("").equals(auth.redirectUri())) {
            throw SsoError.invalidGrant("Invalid grant provided");
        }
        String verifier = text(in, "codeVerifier").orElse("");
        if (verifier.isEmpty() || !s256(verifier).equals(auth.challenge())) {
            throw SsoError.invalidGrant("Invalid grant provided: the code verifier does not match the code challenge");
        }
    }

    /** Checks a /authorize request; the client, or the reason to refuse it (shown, never redirected). */
    Client authorizable(String clientId, String redirectUri) {
        Client client = clients.get(clientId);
        if (client == null || !clock.instant().isBefore(client.secretExpiresAt())) {
            throw SsoError.invalidClient("Invalid client");
        }
        if (!loopbackMatches(client.redirectUris(), redirectUri)) {
            throw SsoError.oidc(400, "InvalidRedirectUriException", "invalid_redirect_uri",
                    "The redirect_uri is not registered for this client");
        }
        return client;
    }

    /** A code for an approved /authorize request, redeemable once within 5 minutes. */
    String issueCode(String clientId, String redirectUri, String challenge) {
        if (codes.size() >= MAX_PENDING) {
            codes.values().removeIf(c -> !c.expiresAt().isAfter(clock.instant()));
        }
        String code = tokens.secret(32);
        codes.put(code, new AuthCode(clientId, redirectUri, challenge, clock.instant().plusSeconds(300)));
        return code;
    }

    /** Decides the pending device sign-in with {@code userCode}; false when there is none. */
    boolean decide(String userCode, boolean allow) {
        for (Device d : devices.values()) {
            if (d.userCode.equals(userCode) && d.decision == Decision.PENDING) {
                d.decision = allow ? Decision.APPROVED : Decision.DENIED;
                return true;
            }
        }
        return false;
    }

    List<String> pendingUserCodes() {
        return devices.values().stream().filter(d -> d.decision == Decision.PENDING).map(d -> d.userCode).toList();
    }

    /** RFC 8252 §7.3: a loopback redirect matches whatever port the client listens on. */
    private static boolean loopbackMatches(List<String> registered, String redirectUri) {
        String withoutPort = redirectUri.replaceFirst("^(http://(?:127\\.0\\.0\\.1|localhost|\\[::1]))(:\\d+)?", "$1");
        return registered.stream().anyMatch(r -> r.replaceFirst("^(http://(?:127\\.0\\.0\\.1|localhost|\\[::1]))(:\\d+)?", "$1")
                .equals(withoutPort));
    }

    private Client authenticate(JsonNode in) {
        String id = text(in, "clientId").orElseThrow(() -> SsoError.invalidRequest("clientId is required"));
        String secret = text(in, "clientSecret").orElseThrow(() -> SsoError.invalidRequest("clientSecret is required"));
        Client client = clients.get(id);
        if (client == null || !MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw SsoError.invalidClient("Invalid client");
        }
        if (!clock.instant().isBefore(client.secretExpiresAt())) {
            throw SsoError.invalidClient("Client secret has expired");
        }
        return client;
    }

    private void pruneDevices() {
        if (devices.size() >= MAX_PENDING) {
            devices.values().removeIf(d -> !d.expiresAt.isAfter(clock.instant()));
        }
        if (devices.size() >= MAX_PENDING) {
            throw SsoError.oidc(400, "SlowDownException", "slow_down", "Too many pending sign-ins");
        }
    }

    private String userCode() {
        String letters = "BCDFGHJKLMNPQRSTVWXZ";
        String raw = tokens.secret(16);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(letters.charAt(Math.floorMod(raw.charAt(i) * 31 + i, letters.length())));
            if (i == 3) {
                b.append('-');
            }
        }
        return b.toString();
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(JsonNode in, String field) {
        JsonNode n = in.path(field);
        return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }
}

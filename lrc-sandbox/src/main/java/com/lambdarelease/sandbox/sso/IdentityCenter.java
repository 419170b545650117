package com.lambdarelease.sandbox.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.identity.IssuedKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The sandbox's IAM Identity Center: the OIDC service ({@code oidc.{region}.amazonaws.com}) and the
 * portal ({@code portal.sso.{region}.amazonaws.com}) on the sandbox's one port, told apart by path,
 * as the SDKs and the AWS CLI send them behind {@code AWS_ENDPOINT_URL_SSO_OIDC} /
 * {@code AWS_ENDPOINT_URL_SSO} (neither is signed:
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html). Also the pages a browser
 * sees: {@code /authorize} (redirecting to the client's loopback with a code, at once when
 * approving by itself, else after an Allow button), {@code /device} for a device code, and a
 * {@code /start} page, the start URL of the organisation.
 */
public final class IdentityCenter implements ProtocolHandler {

    private static final Logger LOG = Logger.getLogger(IdentityCenter.class.getName());
    private static final Set<String> OIDC = Set.of("/client/register", "/device_authorization", "/token");
    private static final Set<String> PORTAL = Set.of("/assignment/accounts", "/assignment/roles",
            "/federation/credentials", "/logout");
    private static final Set<String> PAGES = Set.of("/authorize", "/device", "/start");

    private final OidcService oidc;
    private final PortalService portal;
    private final SignInPages pages;
    private final Tokens tokens;

    public IdentityCenter(SsoSettings settings, Clock clock, LongSupplier nanos, RandomGenerator random) {
        this(settings, clock, nanos, random, new IssuedKeys());
    }

    /** An Identity Center that writes every temporary key it hands out into {@code issued}. */
    public IdentityCenter(SsoSettings settings, Clock clock, LongSupplier nanos, RandomGenerator random,
                          IssuedKeys issued) {
        this.tokens = new Tokens(clock);
        this.oidc = new OidcService(settings, clock, nanos, tokens);
        this.portal = new PortalService(settings, clock, nanos, tokens, random, issued);
        this.pages = new SignInPages(oidc, settings.autoApprove());
    }

    /** True when {@code request} is for the OIDC service, the portal or a sign-in page. */
    public static boolean serves(SandboxRequest request) {
        String path = request.rawPath();
        return OIDC.contains(path) || PORTAL.contains(path) || PAGES.contains(path);
    }

    /** The organisation's start URL on a sandbox at {@code endpoint}. */
    public static String startUrl(java.net.URI endpoint) {
        return endpoint.toString().replaceAll("/+$", "") + "/start";
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String path = request.rawPath();
        try {
            if (PAGES.contains(path)) {
                return pages.handle(request, baseUrl(request));
            }
            if (PORTAL.contains(path)) {
                String method = path.equals("/logout") ? "POST" : "GET";
                if (!request.method().equalsIgnoreCase(method)) {
                    throw SsoError.portal(400, "InvalidRequestException", "Use " + method + " for " + path);
                }
                return SandboxResponse.json(200, portal.handle(request, path).toString());
            }
            if (!request.method().equalsIgnoreCase("POST")) {
                throw SsoError.invalidRequest("Use POST for " + path);
            }
            JsonNode in = json(request);
            return SandboxResponse.json(200, switch (path) {
                case "/client/register" -> oidc.register(in).toString();
                case "/device_authorization" -> oidc.startDeviceAuthorization(in, baseUrl(request)).toString();
                default -> oidc.createToken(in).toString();
            });
        } catch (SsoError e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Identity Center " + path + " failed", e);
            return SsoError.oidc(500, "InternalServerException", "server_error", "Internal error in the sandbox").toResponse();
        }
    }

    /** Approves the pending device sign-in showing {@code userCode}; false when there is none. */
    public boolean approve(String userCode) {
        return oidc.decide(userCode, true);
    }

    /** Denies the pending device sign-in showing {@code userCode}: its client's next poll gets access_denied. */
    public boolean deny(String userCode) {
        return oidc.decide(userCode, false);
    }

    /** The user codes of device sign-ins waiting for a decision. */
    public List<String> pendingUserCodes() {
        return oidc.pendingUserCodes();
    }

    /** Ends every access token now; refresh tokens still work (an operator's session ran out). */
    public void expireAccessTokens() {
        tokens.expireAll();
    }

    private static String baseUrl(SandboxRequest request) {
        return "http://" + request.header("host").orElse("127.0.0.1");
    }

    private static JsonNode json(SandboxRequest request) {
        if (request.body().length == 0) {
            return SsoError.MAPPER.createObjectNode();
        }
        try {
            JsonNode n = SsoError.MAPPER.readTree(request.body());
            if (n == null || !n.isObject()) {
                throw SsoError.invalidRequest("The request body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw SsoError.invalidRequest("The request body is not JSON");
        }
    }

    static SandboxResponse html(int status, String body) {
        return new SandboxResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sandbox Identity Center</title></head><body>"
                        + body + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }
}

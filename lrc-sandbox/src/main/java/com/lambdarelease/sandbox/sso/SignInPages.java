package com.lambdarelease.sandbox.sso;

import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a browser sees: {@code /authorize} (the PKCE authorization request, answered with a redirect
 * to the client's loopback carrying {@code code} and {@code state}, or {@code error}), {@code /device}
 * (enter or confirm a device code) and {@code /start}. Approving by itself, /authorize redirects at
 * once; otherwise it shows an Allow button that posts back to /authorize.
 */
final class SignInPages {

    private final OidcService oidc;
    private final boolean autoApprove;

    SignInPages(OidcService oidc, boolean autoApprove) {
        this.oidc = oidc;
        this.autoApprove = autoApprove;
    }

    SandboxResponse handle(SandboxRequest request, String baseUrl) {
        Map<String, String> params = new LinkedHashMap<>(request.query());
        boolean post = request.method().equalsIgnoreCase("POST");
        if (post) {
            params.putAll(SandboxRequest.parseQuery(request.bodyText()));
        }
        return switch (request.rawPath()) {
            case "/authorize" -> authorize(params, post);
            case "/device" -> device(params, post);
            default -> IdentityCenter.html(200, "<h1>Sandbox Identity Center</h1><p>The start page of the sandbox's"
                    + " organisation. Sign in from the console or with <code>aws sso login</code>.</p>");
        };
    }

    private SandboxResponse authorize(Map<String, String> p, boolean decided) {
        String clientId = p.getOrDefault("client_id", "");
        String redirectUri = p.getOrDefault("redirect_uri", "");
        try {
            oidc.authorizable(clientId, redirectUri);
        } catch (SsoError e) {
            // Never redirect to an address we cannot trust: say so on the page (RFC 6749 §4.1.2.1).
            return IdentityCenter.html(400, "<h1>Sign-in refused</h1><p>" + escape(e.getMessage()) + "</p>");
        }
        String state = p.getOrDefault("state", "");
        String challenge = p.getOrDefault("code_challenge", "");
        if (!"code".equals(p.get("response_type")) || !"S256".equals(p.get("code_challenge_method"))
                || challenge.isEmpty()) {
            return redirect(redirectUri, "error", "invalid_request", "state", state);
        }
        if (decided) {
            return "allow".equals(p.get("decision"))
                    ? redirect(redirectUri, "code", oidc.issueCode(clientId, redirectUri, challenge), "state", state)
                    : redirect(redirectUri, "error", "access_denied", "state", state);
        }
        if (autoApprove) {
            return redirect(redirectUri, "code", oidc.issueCode(clientId, redirectUri, challenge), "state", state);
        }
        StringBuilder form = new StringBuilder("<h1>Allow access?</h1><p>An application asks to use your AWS accounts."
                + "</p><form method=\"post\" action=\"/authorize\">");
        p.forEach((k, v) -> form.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"")
                .append(escape(v)).append("\">"));
        form.append("<button name=\"decision\" value=\"allow\">Allow</button> ")
                .append("<button name=\"decision\" value=\"deny\">Deny</button></form>");
        return IdentityCenter.html(200, form.toString());
    }

    private SandboxResponse device(Map<String, String> p, boolean decided) {
        String userCode = p.getOrDefault("user_code", "");
        if (decided) {
            boolean allow = "allow".equals(p.get("decision"));
            return oidc.decide(userCode, allow)
                    ? IdentityCenter.html(200, "<h1>" + (allow ? "Request approved" : "Request denied")
                    + "</h1><p>You can close this page.</p>")
                    : IdentityCenter.html(400, "<h1>Unknown code</h1><p>No sign-in is waiting for "
                    + escape(SsoError.cut(userCode)) + ".</p>");
        }
        return IdentityCenter.html(200, "<h1>Confirm the code</h1><form method=\"post\" action=\"/device\">"
                + "<input name=\"user_code\" value=\"" + escape(userCode) + "\"> "
                + "<button name=\"decision\" value=\"allow\">Allow</button> "
                + "<button name=\"decision\" value=\"deny\">Deny</button></form>");
    }

    /** A 302 to {@code redirectUri} with {@code keysAndValues} as its query, in the order given (code, then state). */
    private static SandboxResponse redirect(String redirectUri, String... keysAndValues) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            location.append(keysAndValues[i]).append('=')
                    .append(URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8)).append('&');
        }
        location.setLength(location.length() - 1);
        return new SandboxResponse(302, Map.of("Location", location.toString()), new byte[0]);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

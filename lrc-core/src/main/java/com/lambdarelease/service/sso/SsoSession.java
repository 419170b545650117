package com.lambdarelease.service.sso;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IAM Identity Center sign-in: an {@code [sso-session NAME]} of {@code ~/.aws/config}, or a start
 * URL and region typed in (no name: the AWS CLI's legacy form). Refused, never repaired: a start URL
 * that is not https (or http on the loopback, a local sandbox), or a region that is not one.
 *
 * @param name     the sso-session's name; empty for a typed start URL
 * @param startUrl the AWS access portal URL, e.g. {@code https://my-org.awsapps.com/start}
 * @param region   the region of the Identity Center instance
 * @param scopes   the registration scopes ({@code sso_registration_scopes}), {@code sso:account:access} by default
 */
public record SsoSession(Optional<String> name, String startUrl, String region, List<String> scopes) {

    public static final String DEFAULT_SCOPE = "sso:account:access";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public SsoSession {
        scopes = List.copyOf(scopes.isEmpty() ? List.of(DEFAULT_SCOPE) : scopes);
        name.ifPresent(n -> {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("The sso-session name \"" + n + "\" must be 1-64 letters, digits, '.', '_' or '-'.");
            }
        });
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("\"" + region + "\" is not an AWS region (for example eu-west-1).");
        }
        URI uri;
        try {
            uri = URI.create(startUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The start URL \"" + startUrl + "\" is not a URL.");
        }
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        if (!https && !isLoopback(uri)) {
            throw new IllegalArgumentException("The start URL must start with https:// (for example "
                    + "https://my-org.awsapps.com/start); \"" + startUrl + "\" does not.");
        }
    }

    /** A typed start URL and region. */
    public static SsoSession typed(String startUrl, String region) {
        return new SsoSession(Optional.empty(), startUrl, region, List.of());
    }

    /** What the chooser shows: the session's name, else the start URL. */
    public String label() {
        return name.orElse(startUrl);
    }

    /**
     * The token cache's key, shared with the AWS CLI: the SHA-1 of the session name, or of the start
     * URL for a typed (legacy) one (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html).
     */
    public String cacheKey() {
        return sha1(name.orElse(startUrl));
    }

    /** True for a start URL on this machine's loopback: a local sandbox, whose address also serves OIDC, the portal and Lambda. */
    public boolean isLocal() {
        return isLoopback(URI.create(startUrl));
    }

    /** The origin of a local start URL ({@code http://127.0.0.1:PORT}). */
    public Optional<URI> localOrigin() {
        if (!isLocal()) {
            return Optional.empty();
        }
        URI u = URI.create(startUrl);
        return Optional.of(URI.create(u.getScheme() + "://" + u.getAuthority()));
    }

    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

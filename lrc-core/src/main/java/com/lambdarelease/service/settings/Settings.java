package com.lambdarelease.service.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.lambdarelease.service.connection.ConnectionSpec;

import java.net.URI;
import java.util.Optional;

/**
 * Everything the console remembers between runs, exactly as {@code settings.json} holds it. Never a
 * credential. A new setting is a new component here (with its default in {@link #defaults()});
 * keys this version does not know are kept by {@link SettingsFile}, so an older console never wipes
 * what a newer one saved.
 *
 * @param connection the last connection, as stored; null when none was saved (read it with {@link #lastConnection()})
 * @param darkTheme  the operator's theme choice
 * @param sso        Identity Center favourites and last choices (names and ids only); null until there are some
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(SavedConnection connection, boolean darkTheme, SsoMemory sso) {

    public Settings(SavedConnection connection, boolean darkTheme) {
        this(connection, darkTheme, null);
    }

    /** First start: no connection remembered, light theme. */
    public static Settings defaults() {
        return new Settings(null, false, null);
    }

    /** The Identity Center memory, empty when nothing was remembered yet. */
    @JsonIgnore
    public SsoMemory ssoMemory() {
        return sso == null ? SsoMemory.empty() : sso;
    }

    public Settings withSso(SsoMemory memory) {
        return new Settings(connection, darkTheme, memory);
    }

    /** The remembered connection, or empty on first start or when the stored one makes no sense. */
    @JsonIgnore
    public Optional<ConnectionSpec> lastConnection() {
        return Optional.ofNullable(connection).flatMap(SavedConnection::toSpec);
    }

    public Settings withConnection(ConnectionSpec spec) {
        return new Settings(SavedConnection.of(spec), darkTheme, sso);
    }

    public Settings withDarkTheme(boolean dark) {
        return new Settings(connection, dark, sso);
    }

    /**
     * A connection as {@code settings.json} stores it: its kind ({@code sandbox}, {@code profile},
     * {@code endpoint} or {@code sso}), the profile's name, the region and the endpoint, and for
     * Identity Center the session, account id, role name and a typed start URL; absent members are null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavedConnection(String kind, String profile, String region, String endpoint, String session,
                                  String accountId, String roleName, String startUrl, String ssoRegion) {

        public SavedConnection(String kind, String profile, String region, String endpoint) {
            this(kind, profile, region, endpoint, null, null, null, null, null);
        }

        static SavedConnection of(ConnectionSpec spec) {
            if (spec instanceof ConnectionSpec.Profile p) {
                return new SavedConnection("profile", p.profileName(), p.region(), null);
            }
            if (spec instanceof ConnectionSpec.CustomEndpoint e) {
                return new SavedConnection("endpoint", e.profileName().orElse(null), e.region(), e.endpoint().toString());
            }
            if (spec instanceof ConnectionSpec.Sso sso) {
                return new SavedConnection("sso", null, sso.region(), null, sso.session(), sso.accountId(), sso.roleName(),
                        sso.start().map(ConnectionSpec.SsoStart::startUrl).orElse(null),
                        sso.start().map(ConnectionSpec.SsoStart::ssoRegion).orElse(null));
            }
            return new SavedConnection("sandbox", null, null, null);
        }

        Optional<ConnectionSpec> toSpec() {
            try {
                return switch (kind == null ? "" : kind) {
                    case "sandbox" -> Optional.of(new ConnectionSpec.Sandbox());
                    case "profile" -> profile == null || region == null ? Optional.empty()
                            : Optional.of(new ConnectionSpec.Profile(profile, region));
                    case "endpoint" -> endpoint == null || region == null ? Optional.empty()
                            : Optional.of(new ConnectionSpec.CustomEndpoint(URI.create(endpoint), region,
                            Optional.ofNullable(profile)));
                    case "sso" -> session == null || accountId == null || roleName == null || region == null ? Optional.empty()
                            : Optional.of(new ConnectionSpec.Sso(session, accountId, roleName, region,
                            startUrl == null || ssoRegion == null ? Optional.empty()
                                    : Optional.of(new ConnectionSpec.SsoStart(startUrl, ssoRegion))));
                    default -> Optional.empty();
                };
            } catch (IllegalArgumentException badEndpoint) {
                return Optional.empty();
            }
        }
    }
}

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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(SavedConnection connection, boolean darkTheme) {

    /** First start: no connection remembered, light theme. */
    public static Settings defaults() {
        return new Settings(null, false);
    }

    /** The remembered connection, or empty on first start or when the stored one makes no sense. */
    @JsonIgnore
    public Optional<ConnectionSpec> lastConnection() {
        return Optional.ofNullable(connection).flatMap(SavedConnection::toSpec);
    }

    public Settings withConnection(ConnectionSpec spec) {
        return new Settings(SavedConnection.of(spec), darkTheme);
    }

    public Settings withDarkTheme(boolean dark) {
        return new Settings(connection, dark);
    }

    /**
     * A connection as {@code settings.json} stores it: its kind ({@code sandbox}, {@code profile} or
     * {@code endpoint}), the profile's name, the region and the endpoint; absent members are null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavedConnection(String kind, String profile, String region, String endpoint) {

        static SavedConnection of(ConnectionSpec spec) {
            if (spec instanceof ConnectionSpec.Profile p) {
                return new SavedConnection("profile", p.profileName(), p.region(), null);
            }
            if (spec instanceof ConnectionSpec.CustomEndpoint e) {
                return new SavedConnection("endpoint", e.profileName().orElse(null), e.region(), e.endpoint().toString());
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
                    default -> Optional.empty();
                };
            } catch (IllegalArgumentException badEndpoint) {
                return Optional.empty();
            }
        }
    }
}

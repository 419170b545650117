package com.lambdarelease.service.sso;

import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [sso-session NAME]} sections of the AWS config file ({@code AWS_CONFIG_FILE}, else
 * {@code ~/.aws/config}), read with the SDK's profile parser: {@code sso_start_url},
 * {@code sso_region}, {@code sso_registration_scopes}
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html). A section missing either
 * of the first two is listed as unusable, with the reason, rather than skipped silently.
 */
public final class SsoConfig {

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*sso-session\\s+([^\\]\\s]+)\\s*]", Pattern.MULTILINE);

    /** A section that could not be used, and why. */
    public record Unusable(String name, String reason) {
    }

    private final Path file;
    private final List<SsoSession> sessions;
    private final List<Unusable> unusable;

    private SsoConfig(Path file, List<SsoSession> sessions, List<Unusable> unusable) {
        this.file = file;
        this.sessions = List.copyOf(sessions);
        this.unusable = List.copyOf(unusable);
    }

    /** The config file's sessions, with {@code env} as the environment and {@code home} as the home directory. */
    public static SsoConfig load(Map<String, String> env, Path home) {
        Path file = configFile(env, home);
        if (!Files.isRegularFile(file)) {
            return new SsoConfig(file, List.of(), List.of());
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CONFIGURATION).build();
        List<SsoSession> sessions = new ArrayList<>();
        List<Unusable> unusable = new ArrayList<>();
        Matcher m = SECTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            var section = profiles.getSection("sso-session", name);
            Optional<String> start = section.flatMap(s -> s.property("sso_start_url"));
            Optional<String> region = section.flatMap(s -> s.property(ProfileProperty.SSO_REGION));
            if (start.isEmpty() || region.isEmpty()) {
                unusable.add(new Unusable(name, "needs both sso_start_url and sso_region"));
                continue;
            }
            List<String> scopes = section.flatMap(s -> s.property("sso_registration_scopes"))
                    .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
                    .orElse(List.of());
            try {
                sessions.add(new SsoSession(Optional.of(name), start.get(), region.get(), scopes));
            } catch (IllegalArgumentException e) {
                unusable.add(new Unusable(name, e.getMessage()));
            }
        }
        return new SsoConfig(file, sessions, unusable);
    }

    /** {@code AWS_CONFIG_FILE}, else {@code HOME/.aws/config}. */
    public static Path configFile(Map<String, String> env, Path home) {
        return Optional.ofNullable(env.get("AWS_CONFIG_FILE")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(home.resolve(".aws").resolve("config"));
    }

    public Path file() {
        return file;
    }

    public List<SsoSession> sessions() {
        return sessions;
    }

    public List<Unusable> unusable() {
        return unusable;
    }

    public Optional<SsoSession> session(String name) {
        return sessions.stream().filter(s -> s.name().orElse("").equals(name)).findFirst();
    }
}

package com.lambdarelease.service.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Save as profile": the {@code [profile NAME]} lines that reach an account's role through an
 * sso-session ({@code sso_session}, {@code sso_account_id}, {@code sso_role_name}, {@code region};
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html),
 * or through a typed start URL ({@code sso_start_url}, {@code sso_region}), and
 * appending them to the config file, which is otherwise left as it was. Refused, never repaired: a
 * bad name, a profile that already exists, or the embedded sandbox's session (its address changes
 * every run, so the AWS CLI could not use it).
 */
public final class SsoProfileWriter {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private SsoProfileWriter() {
    }

    /** The lines that would be added; throws IllegalArgumentException to refuse. */
    public static String lines(String profile, SsoSession session, boolean embeddedSandbox, String accountId,
                               String roleName, String region) {
        if (!NAME.matcher(profile).matches()) {
            throw new IllegalArgumentException("A profile name is 1-64 letters, digits, '.', '_' or '-'; \"" + profile + "\" is not.");
        }
        if (embeddedSandbox) {
            throw new IllegalArgumentException("The embedded sandbox's Identity Center moves to a new address every run; "
                    + "a profile for it would not work in the AWS CLI. Run `sandbox --port 4599` and add an [sso-session] for it.");
        }
        StringBuilder b = new StringBuilder("[profile ").append(profile).append("]\n");
        if (session.name().isPresent()) {
            b.append("sso_session = ").append(session.name().get()).append('\n');
        } else {
            b.append("sso_start_url = ").append(session.startUrl()).append('\n')
                    .append("sso_region = ").append(session.region()).append('\n');
        }
        return b.append("sso_account_id = ").append(accountId).append('\n')
                .append("sso_role_name = ").append(roleName).append('\n')
                .append("region = ").append(region).append('\n').toString();
    }

    /** Appends {@code lines} (from {@link #lines}) for {@code profile} to {@code configFile}, replacing it atomically. */
    public static void append(Path configFile, String profile, String lines) {
        try {
            String current = Files.isRegularFile(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : "";
            if (Pattern.compile("(?m)^\\s*\\[\\s*(profile\\s+)?" + Pattern.quote(profile) + "\\s*]").matcher(current).find()) {
                throw new IllegalArgumentException("~/.aws/config already has a profile named " + profile + "; pick another name.");
            }
            String separator = current.isEmpty() ? "" : current.endsWith("\n\n") ? "" : current.endsWith("\n") ? "\n" : "\n\n";
            Files.createDirectories(configFile.toAbsolutePath().getParent());
            AtomicFile.replace(configFile, current + separator + lines, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + configFile, e);
        }
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.service.connection.ConnectionSpec;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The options given before COMMAND: where to connect, in which region, and how to print. */
public final class GlobalOptions {

    /** Overrides where the journal is kept (tests, or a shared journal file). */
    public static final String JOURNAL_ENV = "LRC_JOURNAL";

    public enum Format { table, json }

    @Option(names = "--connection", paramLabel = "sandbox|profile:NAME|endpoint:URL|sso:SESSION/ACCOUNT/ROLE",
            defaultValue = "sandbox",
            description = {"Where to act: the embedded sandbox (default), an AWS profile, an endpoint with the SDK's "
                    + "default credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then the default profile), or a "
                    + "role in an account through IAM Identity Center (an [sso-session] of ~/.aws/config, signed in with "
                    + "`sso login` or `aws sso login`)."})
    String connection;

    @Option(names = "--region", paramLabel = "R",
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1).")
    String region;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table",
            description = "table (aligned columns) or json (one document on stdout; messages on stderr). Default: ${DEFAULT-VALUE}.")
    Format output;

    @Option(names = "--sandbox-speed", paramLabel = "N", defaultValue = "1",
            description = "Run the embedded sandbox's clock N times faster, for demos (default: ${DEFAULT-VALUE}).")
    double sandboxSpeed;

    @Option(names = "--journal", paramLabel = "FILE", hidden = true,
            description = "Release journal file (default: LRC_JOURNAL, else journal.jsonl beside the console's settings).")
    Path journal;

    public double sandboxSpeed() {
        return sandboxSpeed;
    }

    boolean json() {
        return output == Format.json;
    }

    /** The connection asked for; bad text is refused before anything is opened. */
    ConnectionSpec connectionSpec(Map<String, String> env, Path home) {
        String c = connection.strip();
        if (c.equals("sandbox")) {
            if (!(sandboxSpeed > 0)) {
                throw new InvalidInputException("--sandbox-speed must be greater than 0, was " + sandboxSpeed + ".");
            }
            return new ConnectionSpec.Sandbox();
        }
        if (c.startsWith("profile:") && c.length() > "profile:".length()) {
            String name = c.substring("profile:".length());
            String r = Optional.ofNullable(region).orElseGet(() -> AwsProfiles.load(env, home).regionFor(name));
            return new ConnectionSpec.Profile(name, r);
        }
        if (c.startsWith("endpoint:")) {
            URI uri;
            try {
                uri = URI.create(c.substring("endpoint:".length()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--connection " + c + ": not a URL (" + e.getMessage() + ").");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new InvalidInputException("--connection " + c + ": give a URL such as endpoint:http://127.0.0.1:4599.");
            }
            return new ConnectionSpec.CustomEndpoint(uri, region(env), Optional.empty());
        }
        if (c.startsWith("sso:")) {
            String[] parts = c.substring("sso:".length()).split("/", -1);
            if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new InvalidInputException("--connection " + c + ": give sso:SESSION/ACCOUNT/ROLE, for example "
                        + "sso:my-org/123456789012/ReadOnlyAccess.");
            }
            try {
                return new ConnectionSpec.Sso(parts[0], parts[1], parts[2], region(env));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--connection " + c + ": " + e.getMessage());
            }
        }
        throw new InvalidInputException("--connection " + c + ": use sandbox, profile:NAME, endpoint:URL or "
                + "sso:SESSION/ACCOUNT/ROLE.");
    }

    String region(Map<String, String> env) {
        return Optional.ofNullable(region)
                .or(() -> Optional.ofNullable(env.get("AWS_REGION")).filter(s -> !s.isBlank()))
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")).filter(s -> !s.isBlank()))
                .orElse(AwsProfiles.FALLBACK_REGION);
    }

    /** --journal, else LRC_JOURNAL, else the console's own journal, so both show the same history. */
    Path journalFile(Map<String, String> env, Path home) {
        return Optional.ofNullable(journal)
                .or(() -> Optional.ofNullable(env.get(JOURNAL_ENV)).filter(s -> !s.isBlank()).map(Path::of))
                .orElseGet(() -> ReleaseJournal.defaultFile(SettingsFile.defaultFile(env, home)));
    }
}

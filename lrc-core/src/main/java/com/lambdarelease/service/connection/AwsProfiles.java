package com.lambdarelease.service.connection;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's AWS profiles, read the way the AWS CLI reads them: {@code ~/.aws/config} and
 * {@code ~/.aws/credentials}, or the files named by {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE}; {@code AWS_PROFILE} names the default profile and
 * {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}) overrides the region. Only names and
 * settings are read here; credentials stay with the SDK's providers.
 */
public final class AwsProfiles {

    public static final String FALLBACK_REGION = "us-east-1";

    private final ProfileFile file;
    private final Map<String, String> env;

    private AwsProfiles(ProfileFile file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    /** Profiles of this machine's user, honouring the AWS_* environment variables and, like the AWS CLI, $HOME. */
    public static AwsProfiles load() {
        return load(System.getenv(), Path.of(UserHomeDirectoryUtils.userHomeDirectory()));
    }

    /** Profiles as seen with {@code env} as the environment and {@code home} as the home directory (tests). */
    public static AwsProfiles load(Map<String, String> env, Path home) {
        Path config = Optional.ofNullable(env.get("AWS_CONFIG_FILE")).map(Path::of)
                .orElse(home.resolve(".aws").resolve("config"));
        Path credentials = Optional.ofNullable(env.get("AWS_SHARED_CREDENTIALS_FILE")).map(Path::of)
                .orElse(home.resolve(".aws").resolve("credentials"));
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(config)) {
            aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentials)) {
            aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return new AwsProfiles(aggregator.build(), env);
    }

    /** A profile as the connection chooser lists it. */
    public record ProfileInfo(String name, Optional<String> region, boolean usesSso) {
    }

    public List<ProfileInfo> profiles() {
        return file.profiles().values().stream()
                .map(p -> new ProfileInfo(p.name(), p.property("region"), isSso(p)))
                .sorted(Comparator.comparing(ProfileInfo::name))
                .toList();
    }

    public boolean isEmpty() {
        return file.profiles().isEmpty();
    }

    /** {@code AWS_PROFILE}, else "default" when it exists, else the first profile. */
    public Optional<String> defaultProfileName() {
        String named = env.get("AWS_PROFILE");
        if (named != null && !named.isBlank()) {
            return Optional.of(named);
        }
        if (file.profile("default").isPresent()) {
            return Optional.of("default");
        }
        return profiles().stream().map(ProfileInfo::name).findFirst();
    }

    /** {@code AWS_REGION} / {@code AWS_DEFAULT_REGION}, else the profile's region, else us-east-1. */
    public String regionFor(String profileName) {
        return Optional.ofNullable(env.get("AWS_REGION")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")).filter(s -> !s.isBlank()))
                .or(() -> file.profile(profileName).flatMap(p -> p.property("region")))
                .orElse(FALLBACK_REGION);
    }

    public boolean usesSso(String profileName) {
        return file.profile(profileName).map(AwsProfiles::isSso).orElse(false);
    }

    /** The SDK's provider for {@code profileName}, reading these same files (SSO profiles use the CLI's cached token). */
    public AwsCredentialsProvider credentials(String profileName) {
        return ProfileCredentialsProvider.builder().profileFile(file).profileName(profileName).build();
    }

    private static boolean isSso(Profile p) {
        return p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent()
                || p.property("sso_account_id").isPresent();
    }
}

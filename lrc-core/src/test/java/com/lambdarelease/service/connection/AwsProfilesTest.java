package com.lambdarelease.service.connection;

import com.lambdarelease.service.settings.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AwsProfilesTest {

    @TempDir
    Path home;

    private void writeAwsFiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [default]
                region = eu-west-1

                [profile prod-admin]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Admin
                region = eu-central-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        Files.writeString(home.resolve(".aws/credentials"), """
                [dev]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = secret
                """);
    }

    @Test
    void givenConfigAndCredentialsFilesThenEveryProfileIsListedWithItsRegionAndSsoMarked() throws IOException {
        writeAwsFiles();
        AwsProfiles profiles = AwsProfiles.load(Map.of(), home);

        assertThat(profiles.profiles()).extracting(AwsProfiles.ProfileInfo::name)
                .containsExactly("default", "dev", "prod-admin");
        assertThat(profiles.usesSso("prod-admin")).isTrue();
        assertThat(profiles.usesSso("dev")).isFalse();
        assertThat(profiles.regionFor("prod-admin")).isEqualTo("eu-central-1");
        assertThat(profiles.regionFor("dev")).isEqualTo(AwsProfiles.FALLBACK_REGION);
        assertThat(profiles.defaultProfileName()).contains("default");
    }

    @Test
    void awsProfileAndAwsRegionOverrideTheFiles() throws IOException {
        writeAwsFiles();
        AwsProfiles profiles = AwsProfiles.load(Map.of("AWS_PROFILE", "dev", "AWS_REGION", "ap-south-1"), home);

        assertThat(profiles.defaultProfileName()).contains("dev");
        assertThat(profiles.regionFor("prod-admin")).isEqualTo("ap-south-1");
    }

    @Test
    void awsConfigFileAndSharedCredentialsFileNameOtherFiles() throws IOException {
        Path config = Files.writeString(home.resolve("elsewhere-config"), "[profile ci]\nregion = us-west-2\n");
        Path creds = Files.writeString(home.resolve("elsewhere-creds"), "[ci]\naws_access_key_id = a\naws_secret_access_key = b\n");
        AwsProfiles profiles = AwsProfiles.load(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", creds.toString()), home);

        assertThat(profiles.profiles()).extracting(AwsProfiles.ProfileInfo::name).containsExactly("ci");
        assertThat(profiles.regionFor("ci")).isEqualTo("us-west-2");
        assertThat(profiles.credentials("ci").resolveCredentials().accessKeyId()).isEqualTo("a");
    }

    @Test
    void givenNoAwsFilesThenThereAreNoProfiles() {
        AwsProfiles profiles = AwsProfiles.load(Map.of(), home);
        assertThat(profiles.isEmpty()).isTrue();
        assertThat(profiles.defaultProfileName()).isEmpty();
    }

    @Test
    void anSsoProfileWithoutACachedTokenExplainsHowToSignIn() throws IOException {
        writeAwsFiles();
        AwsProfiles profiles = AwsProfiles.load(Map.of(), home);
        RuntimeException failure = null;
        try {
            profiles.credentials("prod-admin").resolveCredentials();
        } catch (RuntimeException e) {
            failure = ConnectionFailures.credentials("prod-admin", true, e);
        }
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("aws sso login --profile prod-admin");
    }

    @Test
    void theLastConnectionIsRememberedWithoutCredentials() throws IOException {
        SettingsFile settings = new SettingsFile(home.resolve("cfg/lambda-release-console/settings.json"));
        assertThat(settings.lastConnection()).isEmpty();

        settings.rememberConnection(new ConnectionSpec.Profile("prod-admin", "eu-central-1"));
        assertThat(settings.lastConnection()).contains(new ConnectionSpec.Profile("prod-admin", "eu-central-1"));

        ConnectionSpec endpoint = new ConnectionSpec.CustomEndpoint(URI.create("http://localhost:4566"), "us-east-1",
                Optional.of("dev"));
        settings.rememberConnection(endpoint);
        assertThat(settings.lastConnection()).contains(endpoint);
        assertThat(Files.readString(settings.file())).doesNotContain("secret").doesNotContain("AKIA");
    }

    @Test
    void anUnreadableSettingsFileMeansFirstStartNotACrash() throws IOException {
        Path file = Files.writeString(home.resolve("settings.json"), "{not json");
        assertThat(new SettingsFile(file).lastConnection()).isEmpty();
    }
}

package com.lambdarelease.service.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.service.connection.ConnectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** settings.json as one record: each write keeps what it does not change, and a bad file is never fatal. */
class SettingsFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("lambda-release-console").resolve("settings.json");
    }

    private JsonNode onDisk() throws IOException {
        return new ObjectMapper().readTree(file().toFile());
    }

    @Test
    void onFirstStartTheSettingsAreTheDefaults() {
        SettingsFile settings = new SettingsFile(file());

        assertThat(settings.read()).isEqualTo(Settings.defaults());
        assertThat(settings.read().darkTheme()).isFalse();
        assertThat(settings.lastConnection()).isEmpty();
    }

    @Test
    void rememberingTheConnectionKeepsTheDarkThemeAndKeysThisVersionDoesNotKnow() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"darkTheme\": true, \"windowWidth\": 1280, \"future\": {\"a\": [1, 2]}}");
        SettingsFile settings = new SettingsFile(file());

        settings.rememberConnection(new ConnectionSpec.Profile("prod-admin", "eu-west-1"));

        assertThat(settings.read().darkTheme()).isTrue();
        assertThat(settings.lastConnection()).contains(new ConnectionSpec.Profile("prod-admin", "eu-west-1"));
        assertThat(onDisk().path("windowWidth").asInt()).isEqualTo(1280);
        assertThat(onDisk().path("future").path("a").get(1).asInt()).isEqualTo(2);
        assertThat(onDisk().path("connection").path("kind").asText()).isEqualTo("profile");
    }

    @Test
    void theDarkThemeRoundTripsAndKeepsTheConnection() throws IOException {
        SettingsFile settings = new SettingsFile(file());
        ConnectionSpec endpoint = new ConnectionSpec.CustomEndpoint(URI.create("http://localhost:4566"), "us-east-1",
                Optional.of("dev"));
        settings.rememberConnection(endpoint);

        settings.rememberDarkTheme(true);
        assertThat(new SettingsFile(file()).read().darkTheme()).isTrue();
        assertThat(new SettingsFile(file()).lastConnection()).contains(endpoint);

        settings.rememberDarkTheme(false);
        assertThat(new SettingsFile(file()).read().darkTheme()).isFalse();
        assertThat(new SettingsFile(file()).lastConnection()).contains(endpoint);
    }

    @Test
    void theSandboxConnectionIsRememberedAndNoTemporaryFileIsLeftBehind() throws IOException {
        SettingsFile settings = new SettingsFile(file());

        settings.rememberConnection(new ConnectionSpec.Sandbox());

        assertThat(settings.lastConnection()).contains(new ConnectionSpec.Sandbox());
        try (var files = Files.list(file().getParent())) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("settings.json");
        }
    }

    @Test
    void aCorruptFileReadsAsTheDefaultsAndTheNextWriteRepairsIt() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"darkTheme\": tru");
        SettingsFile settings = new SettingsFile(file());

        assertThat(settings.read()).isEqualTo(Settings.defaults());
        assertThat(settings.lastConnection()).isEmpty();

        settings.rememberDarkTheme(true);
        assertThat(settings.read()).isEqualTo(Settings.defaults().withDarkTheme(true));
    }

    @Test
    void settingsOfTheWrongShapeReadAsTheDefaults() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "[1, 2, 3]");
        assertThat(new SettingsFile(file()).read()).isEqualTo(Settings.defaults());

        Files.writeString(file(), "{\"connection\": {\"kind\": \"endpoint\", \"endpoint\": \"::not a uri\", \"region\": \"x\"}}");
        assertThat(new SettingsFile(file()).lastConnection()).isEmpty();

        Files.writeString(file(), "{\"connection\": {\"kind\": \"teleport\"}, \"darkTheme\": true}");
        assertThat(new SettingsFile(file()).lastConnection()).isEmpty();
        assertThat(new SettingsFile(file()).read().darkTheme()).isTrue();
    }
}

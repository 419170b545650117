package com.lambdarelease.service.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the last connection in {@code settings.json} under the user's config directory.
 * Holds the connection's kind, profile name, region and endpoint only: never a credential.
 * Blocking file I/O: call off the FX thread.
 */
public final class ConnectionSettings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public ConnectionSettings(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME} or ~/.config on Linux, Application Support on macOS, %APPDATA% on Windows. */
    public static Path defaultFile(Map<String, String> env, Path home) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path dir;
        if (os.contains("win") && env.get("APPDATA") != null) {
            dir = Path.of(env.get("APPDATA"));
        } else if (os.contains("mac")) {
            dir = home.resolve("Library").resolve("Application Support");
        } else {
            dir = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).map(Path::of).orElse(home.resolve(".config"));
        }
        return dir.resolve("lambda-release-console").resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /** The remembered connection, or empty on first start (or if the file is unreadable). */
    public Optional<ConnectionSpec> lastConnection() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode c = JSON.readTree(file.toFile()).path("connection");
            String kind = c.path("kind").asText("");
            return switch (kind) {
                case "sandbox" -> Optional.of(new ConnectionSpec.Sandbox());
                case "profile" -> Optional.of(new ConnectionSpec.Profile(c.path("profile").asText(), c.path("region").asText()));
                case "endpoint" -> Optional.of(new ConnectionSpec.CustomEndpoint(URI.create(c.path("endpoint").asText()),
                        c.path("region").asText(), Optional.ofNullable(c.path("profile").textValue())));
                default -> Optional.empty();
            };
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void rememberConnection(ConnectionSpec spec) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putObject("connection");
        if (spec instanceof ConnectionSpec.Profile p) {
            c.put("kind", "profile").put("profile", p.profileName()).put("region", p.region());
        } else if (spec instanceof ConnectionSpec.CustomEndpoint e) {
            c.put("kind", "endpoint").put("endpoint", e.endpoint().toString()).put("region", e.region());
            e.profileName().ifPresent(n -> c.put("profile", n));
        } else {
            c.put("kind", "sandbox");
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

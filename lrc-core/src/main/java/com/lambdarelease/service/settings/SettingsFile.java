package com.lambdarelease.service.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.service.connection.ConnectionSpec;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code settings.json} under the user's config directory, read and written as one {@link Settings}
 * record. Writing is read-modify-write: a change to one setting keeps every other key, those this
 * version does not know included, and the file is replaced atomically so a crash never leaves half
 * a file. A missing or corrupt file reads as {@link Settings#defaults()}, never as an error.
 * Blocking file I/O: call off the FX thread.
 */
public final class SettingsFile {

    private static final Logger LOG = Logger.getLogger(SettingsFile.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public SettingsFile(Path file) {
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

    /** The saved settings; the defaults on first start or when the file cannot be read. */
    public synchronized Settings read() {
        try {
            return JSON.treeToValue(readTree(), Settings.class);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable settings in " + file, e);
            return Settings.defaults();
        }
    }

    /**
     * Applies {@code change} to the saved settings and writes the result, keeping every key the
     * record does not hold. Returns what was written.
     */
    public synchronized Settings update(UnaryOperator<Settings> change) throws IOException {
        ObjectNode root = readTree();
        Settings current;
        try {
            current = JSON.treeToValue(root, Settings.class);
        } catch (IOException | RuntimeException e) {
            current = Settings.defaults();
        }
        Settings changed = change.apply(current);
        ObjectNode written = JSON.valueToTree(changed);
        root.setAll(written);
        if (changed.connection() == null) {
            root.remove("connection");
        }
        replace(root);
        return changed;
    }

    /** The remembered connection, or empty on first start (or if the file is unreadable). */
    public Optional<ConnectionSpec> lastConnection() {
        return read().lastConnection();
    }

    public void rememberConnection(ConnectionSpec spec) throws IOException {
        update(s -> s.withConnection(spec));
    }

    /** Changes the Identity Center memory (favourites, last choices, flows), keeping everything else. */
    public void rememberSso(UnaryOperator<SsoMemory> change) throws IOException {
        update(s -> s.withSso(change.apply(s.ssoMemory())));
    }

    public void rememberDarkTheme(boolean dark) throws IOException {
        update(s -> s.withDarkTheme(dark));
    }

    /** The file as a JSON object; an empty one when it is missing, corrupt or not an object. */
    private ObjectNode readTree() {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Settings file " + file + " is not valid JSON; starting from defaults", e);
            return JSON.createObjectNode();
        }
    }

    private void replace(ObjectNode root) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package com.lambdarelease.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the console window needs from the machine, checked before the JavaFX toolkit starts so a
 * missing piece is one sentence naming what to install instead of glass's
 * {@code UnsupportedOperationException: Unable to load glass GTK library}. On Linux, JavaFX's glass
 * loads {@code libglassgtk3.so}, which links GTK 3's {@code libgtk-3.so.0}, and GTK needs a display.
 * The command line never comes here. FX-free: {@link Main} must not load JavaFX to run it.
 */
final class DesktopCheck {

    /** The GTK 3 library glass links against on Linux. */
    static final String GTK3 = "libgtk-3.so.0";

    /** The machine as the check sees it; the real one reads the dynamic linker's directories. */
    interface Probe {
        String osName();

        Map<String, String> environment();

        /** Whether {@code soname} is in one of the directories the dynamic linker searches. */
        boolean libraryPresent(String soname);

        /** The glass platform asked for with -Dglass.platform (Monocle in headless tests), if any. */
        Optional<String> glassPlatform();
    }

    private final Probe probe;

    DesktopCheck(Probe probe) {
        this.probe = probe;
    }

    static DesktopCheck ofThisMachine() {
        return new DesktopCheck(new LinkerProbe());
    }

    /** The sentence to print when the window cannot open here; empty when it can (as far as can be told). */
    Optional<String> problem() {
        if (!probe.osName().toLowerCase(Locale.ROOT).startsWith("linux")
                || probe.glassPlatform().filter(p -> !p.equalsIgnoreCase("gtk")).isPresent()) {
            return Optional.empty(); // macOS and Windows bring their own toolkits; Monocle needs no GTK
        }
        if (!probe.libraryPresent(GTK3)) {
            return Optional.of("The console window needs GTK 3 (" + GTK3 + " was not found): install it with "
                    + "`sudo apt-get install libgtk-3-0` on Debian or Ubuntu, or `sudo dnf install gtk3` on Fedora, "
                    + "or use the command line, which needs no GTK (lambda-release-cli --help).");
        }
        Map<String, String> env = probe.environment();
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("The console window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set: "
                    + "run it in a desktop session (or under Xvfb), or use the command line (lambda-release-cli --help).");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Looks where the dynamic linker looks: {@code LD_LIBRARY_PATH}, the directories named in
     * {@code /etc/ld.so.conf} (and the files it includes), and the default system directories.
     */
    static final class LinkerProbe implements Probe {

        private static final List<String> DEFAULT_DIRS = List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/usr/local/lib");

        @Override
        public String osName() {
            return System.getProperty("os.name", "");
        }

        @Override
        public Map<String, String> environment() {
            return System.getenv();
        }

        @Override
        public Optional<String> glassPlatform() {
            return Optional.ofNullable(System.getProperty("glass.platform"));
        }

        @Override
        public boolean libraryPresent(String soname) {
            return searchPath(environment().get("LD_LIBRARY_PATH"), Path.of("/etc/ld.so.conf")).stream()
                    .anyMatch(dir -> Files.exists(dir.resolve(soname)));
        }

        /** The linker's directories, in its order, each once. */
        static List<Path> searchPath(String ldLibraryPath, Path ldSoConf) {
            Set<Path> dirs = new LinkedHashSet<>();
            if (ldLibraryPath != null) {
                for (String d : ldLibraryPath.split(":")) {
                    if (!d.isBlank()) {
                        dirs.add(Path.of(d));
                    }
                }
            }
            readConf(ldSoConf, dirs, 0);
            DEFAULT_DIRS.forEach(d -> dirs.add(Path.of(d)));
            return new ArrayList<>(dirs);
        }

        private static void readConf(Path conf, Set<Path> dirs, int depth) {
            if (depth > 4 || !Files.isRegularFile(conf)) {
                return;
            }
            try {
                for (String line : Files.readAllLines(conf)) {
                    String l = line.replaceFirst("#.*", "").strip();
                    if (l.startsWith("include ")) {
                        includes(conf.getParent(), l.substring("include ".length()).strip(), dirs, depth);
                    } else if (l.startsWith("/")) {
                        dirs.add(Path.of(l));
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // a file the linker could not read either: nothing from it
            }
        }

        /** {@code include /etc/ld.so.conf.d/*.conf}: a directory and a file-name glob. */
        private static void includes(Path base, String pattern, Set<Path> dirs, int depth) {
            Path p = Path.of(pattern);
            Path dir = (p.isAbsolute() ? p : base.resolve(p)).getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                return;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p.getFileName().toString())) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                sorted.forEach(f -> readConf(f, dirs, depth + 1));
            } catch (IOException | RuntimeException unreadable) {
                // as above
            }
        }
    }
}

package com.lambdarelease.app;

import com.lambdarelease.cli.CliContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console checks before starting JavaFX, on machines described by a probe (nothing is uninstalled). */
class DesktopCheckTest {

    @TempDir
    Path dir;

    private static DesktopCheck.Probe machine(String os, boolean gtk, Map<String, String> env, String glassPlatform) {
        return new DesktopCheck.Probe() {
            @Override
            public String osName() {
                return os;
            }

            @Override
            public Map<String, String> environment() {
                return env;
            }

            @Override
            public boolean libraryPresent(String soname) {
                return gtk && soname.equals(DesktopCheck.GTK3);
            }

            @Override
            public Optional<String> glassPlatform() {
                return Optional.ofNullable(glassPlatform);
            }
        };
    }

    @Test
    void linuxWithoutGtk3SaysInOneSentenceWhatToInstallOnDebianUbuntuAndFedora() {
        Optional<String> problem = new DesktopCheck(machine("Linux", false, Map.of("DISPLAY", ":0"), null)).problem();
        assertThat(problem).hasValueSatisfying(p -> {
            assertThat(p).contains("libgtk-3-0").contains("Debian or Ubuntu").contains("gtk3").contains("Fedora")
                    .contains("libgtk-3.so.0");
            assertThat(p.split("(?<=[.!?])\\s+(?=[A-Z])")).as("one sentence").hasSize(1);
        });
    }

    @Test
    void linuxWithGtk3ButNoDisplaySaysSoAndWithADisplayThereIsNothingToSay() {
        assertThat(new DesktopCheck(machine("Linux", true, Map.of(), null)).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("DISPLAY").contains("WAYLAND_DISPLAY"));
        assertThat(new DesktopCheck(machine("Linux", true, Map.of("DISPLAY", ":41"), null)).problem()).isEmpty();
        assertThat(new DesktopCheck(machine("Linux", true, Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).problem()).isEmpty();
    }

    @Test
    void macOsWindowsAndHeadlessMonocleNeedNoGtk() {
        assertThat(new DesktopCheck(machine("Mac OS X", false, Map.of(), null)).problem()).isEmpty();
        assertThat(new DesktopCheck(machine("Windows 11", false, Map.of(), null)).problem()).isEmpty();
        assertThat(new DesktopCheck(machine("Linux", false, Map.of(), "Monocle")).problem()).isEmpty();
        assertThat(new DesktopCheck(machine("Linux", false, Map.of("DISPLAY", ":0"), "gtk")).problem()).isPresent();
    }

    @Test
    void theConsoleExitsNonZeroWithTheSentenceAndStartsNoToolkit() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.commandLine(CliContext.system(EmbeddedSandbox.forCommandLine()), new DesktopCheck(machine("Linux", false, Map.of("DISPLAY", ":0"), null)))
                    .execute();
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(Main.NO_DESKTOP).isNotZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("sudo apt-get install libgtk-3-0")
                .contains("sudo dnf install gtk3").doesNotContain("Exception");
    }

    @Test
    void theLinkerProbeSearchesLdLibraryPathThenLdSoConfAndItsIncludesThenTheSystemDirectories() throws IOException {
        Path confD = Files.createDirectories(dir.resolve("ld.so.conf.d"));
        Files.writeString(confD.resolve("b-gtk.conf"), "# GTK from a vendor\n/opt/vendor/lib\n");
        Files.writeString(confD.resolve("a-local.conf"), "/usr/local/lib/x\n");
        Files.writeString(confD.resolve("ignored.txt"), "/not/read\n");
        Path conf = Files.writeString(dir.resolve("ld.so.conf"), "include " + confD + "/*.conf\n/etc/extra # trailing\n");
        assertThat(DesktopCheck.LinkerProbe.searchPath("/my/lib::/other", conf)).map(Path::toString)
                .startsWith("/my/lib", "/other", "/usr/local/lib/x", "/opt/vendor/lib", "/etc/extra")
                .contains("/usr/lib/x86_64-linux-gnu", "/usr/lib64").doesNotContain("/not/read");
    }

    @Test
    void theLinkerProbeFindsALibraryInADirectoryOnLdLibraryPath() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve(DesktopCheck.GTK3), "");
        assertThat(DesktopCheck.LinkerProbe.searchPath(lib.toString(), dir.resolve("missing.conf")))
                .anyMatch(d -> Files.exists(d.resolve(DesktopCheck.GTK3)));
    }
}

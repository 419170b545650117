package com.lambdarelease.service.sso;

import java.awt.Desktop;
import java.net.URI;
import java.util.List;

/** Opens a sign-in page in the operator's browser; false when it cannot (the device code is offered instead). */
@FunctionalInterface
public interface BrowserOpener {

    boolean open(URI uri);

    /** Never opens anything (a remote shell, the device-code flow). */
    BrowserOpener NONE = uri -> false;

    /** The system browser: {@link Desktop} where it browses, else {@code xdg-open} / {@code open}. */
    static BrowserOpener system() {
        return uri -> {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(uri);
                    return true;
                }
            } catch (Exception | LinkageError fallThrough) {
                // try the platform's command below
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            List<String> command = os.contains("mac") ? List.of("open", uri.toString())
                    : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
                    : List.of("xdg-open", uri.toString());
            if (!os.contains("mac") && !os.contains("win") && System.getenv("DISPLAY") == null
                    && System.getenv("WAYLAND_DISPLAY") == null) {
                return false; // no desktop to show a browser on
            }
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                // xdg-open without a browser to hand to fails at once; one that found a browser exits 0 or keeps running.
                return !p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() == 0;
            } catch (java.io.IOException noBrowser) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}

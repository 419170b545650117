package com.lambdarelease.ui.common;

import javafx.application.Application;
import javafx.scene.Scene;

/** Switches between AtlantaFX Primer light and dark; the console's own tokens live in console.css on {@code .root}. */
public final class Theme {
    private static final String LIGHT = "/atlantafx/base/theme/primer-light.css";
    private static final String DARK = "/atlantafx/base/theme/primer-dark.css";
    public static final String CONSOLE_CSS = "/com/lambdarelease/ui/console.css";

    private Theme() {
    }

    public static void apply(boolean dark) {
        // By resource, not through atlantafx's PrimerLight class: atlantafx-base 2.1.0's classes are
        // compiled for Java 21 and this build targets 17; its stylesheets load on any version.
        var css = Theme.class.getResource(dark ? DARK : LIGHT);
        if (css != null) {
            Application.setUserAgentStylesheet(css.toExternalForm());
        }
    }

    /** Adds the console's stylesheet to {@code scene}. */
    public static void style(Scene scene) {
        var url = Theme.class.getResource(CONSOLE_CSS);
        if (url != null) {
            scene.getStylesheets().add(url.toExternalForm());
        }
    }
}

package com.lambdarelease.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Switches between AtlantaFX Primer light and dark; the console's own tokens live in console.css on {@code .root}. */
public final class Theme {
    public static final String CONSOLE_CSS = "/com/lambdarelease/ui/console.css";

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the console's stylesheet to {@code scene}. */
    public static void style(Scene scene) {
        var url = Theme.class.getResource(CONSOLE_CSS);
        if (url != null) {
            scene.getStylesheets().add(url.toExternalForm());
        }
    }
}

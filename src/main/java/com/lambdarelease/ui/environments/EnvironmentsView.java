package com.lambdarelease.ui.environments;

import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The aliases × functions matrix (dev / staging / prod across functions). Hosted by the main
 * window as a tab; STUB until built. {@link #attach()} when shown, {@link #detach()} when hidden.
 */
public final class EnvironmentsView {
    private final Label placeholder = new Label("Environments (coming soon)");

    public EnvironmentsView(ConsoleServices services, UiContext ui) {
    }

    public Node node() {
        return placeholder;
    }

    public void attach() {
    }

    public void detach() {
    }
}

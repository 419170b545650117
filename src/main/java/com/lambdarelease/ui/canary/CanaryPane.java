package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The canary workspace for one alias: weight slider, live per-version charts, comparison.
 * Hosted by the function detail; STUB until the canary issue builds it.
 *
 * <p>Contract with the host: {@link #show(AliasRoute)} when the operator picks an alias;
 * {@link #attach()} when the pane becomes visible, {@link #detach()} when hidden (pollers stop).
 */
public final class CanaryPane {
    private final Label placeholder = new Label("Select an alias to open its canary workspace.");

    public CanaryPane(ConsoleServices services, UiContext ui) {
    }

    public Node node() {
        return placeholder;
    }

    public void show(AliasRoute alias) {
        placeholder.setText("Canary for " + alias.functionName() + ":" + alias.name() + " (coming soon)");
    }

    public void attach() {
    }

    public void detach() {
    }
}

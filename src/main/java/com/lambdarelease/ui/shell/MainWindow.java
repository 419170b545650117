package com.lambdarelease.ui.shell;

import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.connection.ConnectionManager;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** The main window's content. STUB: the console issue builds the real screens. */
public final class MainWindow {
    private final BorderPane root = new BorderPane(new Label("Connecting…"));

    public MainWindow(UiContext ui, ConnectionManager connections) {
        connections.servicesProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(ConsoleServices services) {
        root.setCenter(new Label("Connected to " + services.label()));
    }

    public Parent root() {
        return root;
    }
}

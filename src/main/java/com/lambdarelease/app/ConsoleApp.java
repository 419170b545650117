package com.lambdarelease.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: placeholder until the composition root is written. */
public final class ConsoleApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Lambda Release Console"), 800, 600));
        stage.show();
    }
}

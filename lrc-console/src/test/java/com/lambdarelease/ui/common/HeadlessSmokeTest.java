package com.lambdarelease.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the headless TestFX set-up (Monocle) works: a real button clicked by the robot. */
@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("idle");
        Button button = new Button("Go");
        button.setId("go");
        button.setOnAction(e -> label.setText("clicked"));
        stage.setScene(new Scene(new VBox(button, label), 200, 100));
        stage.show();
    }

    @Test
    void clickingTheButtonChangesTheLabel(FxRobot robot) {
        robot.clickOn("#go");
        assertThat(label.getText()).isEqualTo("clicked");
    }
}

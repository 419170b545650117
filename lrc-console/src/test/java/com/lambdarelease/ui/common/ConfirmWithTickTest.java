package com.lambdarelease.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real confirmation with a checkbox (a rollout that replaces another version's share): its action
 * stays disabled until the box is ticked, and only a ticked, confirmed dialog says yes.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmWithTickTest {

    private Stage stage;
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dialogs = new FxDialogService(() -> this.stage);
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private CompletableFuture<Boolean> open() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> dialogs.confirmChange("Roll out v9 to orders-api:live?", "Start rollout",
                "orders-api:live sends 90% → v7 · 10% → v8", "v9 by Canary10Percent5Minutes",
                List.of("orders-api:live already sends 90% → v7 · 10% → v8"), "Replace v8's 10% with v9"))
                .get(10, TimeUnit.SECONDS);
    }

    private <T extends Node> T onFx(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).<T>query()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theActionIsEnabledOnlyOnceTheReplacementIsTicked(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = open();
        WaitForAsyncUtils.waitForFxEvents();
        Node ok = onFx(robot, "#" + FxDialogService.OK_BUTTON_ID);
        CheckBox tick = onFx(robot, "#" + FxDialogService.TICK_ID);
        assertThat(tick.getText()).isEqualTo("Replace v8's 10% with v9");
        assertThat(ok.isDisabled()).as("not ticked: nothing can be started").isTrue();

        robot.clickOn(tick);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);

        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tickedButCancelledSaysNo(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = open();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) onFx(robot, "#" + FxDialogService.TICK_ID));
        robot.clickOn("Cancel");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }
}

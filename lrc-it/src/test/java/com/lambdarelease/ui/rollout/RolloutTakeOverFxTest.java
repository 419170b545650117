package com.lambdarelease.ui.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.rollout.RolloutSettings;
import com.lambdarelease.rollout.RolloutState;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollout panel on the console's sandbox session while another operator's machine drives a rollout of the same
 * alias: the panel says whose it is and offers no Start; once that driver stops and its lease goes stale, Take over…
 * appears, is confirmed in a real dialog naming the owner, and this console drives the rollout on.
 */
@ExtendWith(ApplicationExtension.class)
class RolloutTakeOverFxTest {

    @TempDir
    Path dir;
    private Stage stage;
    private RolloutPanelSandbox s;
    private RolloutPanel panel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        s = new RolloutPanelSandbox(dir.resolve("console"), Platform::runLater, new FxDialogService(() -> stage));
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.apply(false);
            panel = new RolloutPanel(new RolloutPanelModel(s.rollouts, s.session.states(), s.ui));
            ScrollPane scroll = new ScrollPane(panel.node());
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 480, 900);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        }).get();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        s.close();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    private void show() throws Exception {
        AliasRoute prod = s.session.services().lambda().getAlias(RolloutPanelSandbox.FN, "prod").join();
        WaitForAsyncUtils.asyncFx(() -> panel.model().show(prod)).get();
    }

    @Test
    void anotherMachinesRolloutIsShownAsTheirsAndOnceStaleIsTakenOverHere(FxRobot robot) throws Exception {
        String v = s.publishHealthyVersion();
        Path aliceJournal = dir.resolve("alice/journal.jsonl");
        ReleaseSession alice = s.operator("alice", aliceJournal);
        RolloutEngine aliceEngine = new RolloutEngine(alice, s.clock, Runnable::run, RolloutEngine.lockFolderBeside(aliceJournal));
        Rollout theirs = aliceEngine.start(new RolloutEngine.Request(RolloutPanelSandbox.FN, "prod", v,
                RolloutPlan.predefined("Canary10Percent10Minutes").orElseThrow(), RolloutSettings.defaults())).join();
        theirs.evaluate().join();

        show();
        Label problem = robot.lookup("#rollout-problem").queryAs(Label.class);
        await(() -> problem.getText().contains("is driven by alice on"));
        Button start = robot.lookup("#rollout-start").queryButton();
        Button takeOver = robot.lookup("#rollout-take-over").queryButton();
        assertThat(start.isDisabled()).as("no second driver").isTrue();
        assertThat(takeOver.isVisible()).as("a live driver's rollout is not offered for takeover").isFalse();

        aliceEngine.close(); // Alice's machine stops driving
        alice.close();
        s.clock.advance(Duration.ofMinutes(3));
        s.sandbox.generateTrafficToNow();
        WaitForAsyncUtils.asyncFx(() -> panel.model().refreshLease()).get(); // what the half-minute watch does
        await(() -> problem.getText().contains("no driver since") && takeOver.isVisible());
        robot.clickOn(takeOver);
        await(() -> robot.lookup("#" + FxDialogService.OK_BUTTON_ID).tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#" + FxDialogService.CONFIRM_ID)
                .queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getHeaderText()).contains("Take over the rollout of MyLambdaFunction:prod");
        assertThat(robot.from(pane).lookup((Label l) -> l.getText() != null && l.getText().contains("Driven by alice on"))
                .tryQuery()).isPresent();
        robot.clickOn(robot.lookup("#" + FxDialogService.OK_BUTTON_ID).queryButton());

        await(() -> panel.model().snapshotProperty().get().isPresent());
        assertThat(panel.model().snapshotProperty().get().get().id()).isEqualTo(theirs.id());
        assertThat(panel.model().snapshotProperty().get().get().state()).isIn(RolloutState.BAKING, RolloutState.HOLDING,
                RolloutState.PAUSED);
        assertThat(takeOver.isVisible()).isFalse();
        assertThat(s.rollouts.lease(RolloutPanelSandbox.FN, "prod").join().orElseThrow().by()).isEqualTo("sandbox");
    }
}

package com.lambdarelease.ui.actions;

import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.Toast;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish dialog in a real window against the embedded sandbox (issue 8 item 1): the focus starts
 * in the description with a visible focus ring, typing (spaces, Enter) never publishes, the verdict
 * says what AWS will do and is read again when $LATEST changes while the dialog is open, and AWS
 * answering with the version it already had is reported as such, never as someone else's change.
 */
@ExtendWith(ApplicationExtension.class)
class PublishDialogTest {

    private static SandboxFixture sandbox;
    private ToastNotifier toasts;
    private FunctionDetailViewModel detail;
    private VersionActions versions;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        toasts = new ToastNotifier();
        UiContext ui = new UiContext(Platform::runLater, sandbox.scheduler, Clock.systemUTC(),
                new FxDialogService(() -> stage), toasts);
        detail = new FunctionDetailViewModel(ui, sandbox.session().states());
        versions = new VersionActions(ui, sandbox.services.lambda(), detail, new FxActionDialogs(() -> stage), t -> { });
        Theme.apply(false);
        Scene scene = new Scene(new StackPane(), 800, 600);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(Window::hide));
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    /** Opens the function, then the publish dialog, as Ctrl+P does. */
    private CompletableFuture<Outcome> openPublish(FxRobot robot, String function) throws Exception {
        robot.interact(() -> detail.show(function));
        await(() -> function.equals(detail.functionNameProperty().get()) && !detail.loadingProperty().get()
                && detail.latestProperty().get() != null);
        AtomicReference<CompletableFuture<Outcome>> outcome = new AtomicReference<>();
        robot.interact(() -> outcome.set(versions.publish()));
        await(() -> robot.lookup("#" + FxActionDialogs.PUBLISH_DESCRIPTION_ID).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return outcome.get();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Labeled.class).getText();
    }

    @Test
    void theFocusStartsInTheDescriptionAndTypingSpacesAndEnterNeverPublishes(FxRobot robot) throws Exception {
        CompletableFuture<Outcome> outcome = openPublish(robot, "MyLambdaFunction");
        TextField description = robot.lookup("#" + FxActionDialogs.PUBLISH_DESCRIPTION_ID).queryAs(TextField.class);
        Button publish = robot.lookup("#" + FxDialogService.OK_BUTTON_ID).queryButton();

        await(description::isFocused);
        assertThat(description.getScene().getFocusOwner()).isSameAs(description);
        assertThat(description.getPseudoClassStates()).extracting(Object::toString).contains("focused");
        // the ring is the theme's focused border: it differs from the border once the focus moves on
        javafx.scene.paint.Paint ring = description.getBackground().getFills().get(0).getFill();
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        await(() -> !description.isFocused());
        assertThat(description.getBackground().getFills().get(0).getFill()).as("a visible focus ring").isNotEqualTo(ring);
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        await(description::isFocused);
        assertThat(publish.isFocused()).isFalse();
        assertThat(publish.isDefaultButton()).as("Enter in the field must not press Publish").isFalse();
        assertThat(text(robot, FxActionDialogs.PUBLISH_VERDICT_ID)).startsWith("Publishes v5 (code updated ")
                .contains(" after v4");
        assertThat(text(robot, FxActionDialogs.PUBLISH_DIFFERENCES_ID)).contains("code").contains("environment");

        robot.targetWindow(description.getScene().getWindow()).write(" Pricing fix  ");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER).press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outcome).as("still open: nothing typed publishes").isNotDone();
        assertThat(sandbox.readVersions("MyLambdaFunction")).doesNotContain("5");

        robot.clickOn(publish);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        assertThat(sandbox.otherClients.lambda().getFunctionConfiguration(r -> r.functionName("MyLambdaFunction")
                .qualifier("5")).description()).isEqualTo(" Pricing fix   ");
        assertThat(toasts.toasts()).extracting(Toast::kind).contains(Toast.Kind.SUCCESS);
    }

    @Test
    void givenNothingUpdatedSinceTheNewestVersion_thenTheDialogSaysSo_andAwsAnsweringWithItIsNoConflict(FxRobot robot)
            throws Exception {
        CompletableFuture<Outcome> outcome = openPublish(robot, "nightly-report");
        assertThat(text(robot, FxActionDialogs.PUBLISH_VERDICT_ID)).startsWith("Returns v125: nothing was updated since");
        assertThat(text(robot, FxActionDialogs.PUBLISH_AFTER_ID)).isEqualTo("No new version: v125 stays the newest");

        robot.targetWindow(robot.lookup("#" + FxActionDialogs.PUBLISH_DESCRIPTION_ID).query().getScene().getWindow())
                .write("ignored by AWS");
        robot.clickOn("#" + FxDialogService.OK_BUTTON_ID);

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        assertThat(toasts.lastMessageProperty().get()).contains("Nothing was updated since v125")
                .doesNotContain("someone else");
        assertThat(robot.lookup("#" + FxDialogService.CONFLICT_ID).tryQuery()).isEmpty();
        assertThat(sandbox.services.lambda().listVersions("nightly-report").get(10, TimeUnit.SECONDS)).hasSize(126);
    }

    @Test
    void givenLatestChangedBehindTheConsole_thenTheVerdictIsReadAgainWhenTheDialogOpensAndWhileItIsOpen(FxRobot robot)
            throws Exception {
        // Opened first, so the console's cached $LATEST is the old one.
        robot.interact(() -> detail.show("payments-webhook"));
        await(() -> "payments-webhook".equals(detail.functionNameProperty().get()) && !detail.loadingProperty().get()
                && detail.latestProperty().get() != null);
        robot.interact(() -> detail.show("image-resizer"));
        await(() -> "image-resizer".equals(detail.functionNameProperty().get()) && !detail.loadingProperty().get());
        sandbox.otherClients.lambda().updateFunctionConfiguration(r -> r.functionName("payments-webhook")
                .description("Only the words changed"));

        CompletableFuture<Outcome> outcome = openPublish(robot, "payments-webhook");
        assertThat(text(robot, FxActionDialogs.PUBLISH_VERDICT_ID)).startsWith("Publishes v4 ($LATEST updated ")
                .endsWith("after v3; code unchanged).");
        robot.clickOn("#" + FxDialogService.OK_BUTTON_ID);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        assertThat(sandbox.readVersions("payments-webhook")).contains("4");

        // Now nothing was updated since v4; a change made while the dialog is open is picked up.
        CompletableFuture<Outcome> second = openPublish(robot, "payments-webhook");
        assertThat(text(robot, FxActionDialogs.PUBLISH_VERDICT_ID)).startsWith("Returns v4: nothing was updated since");
        sandbox.otherClients.lambda().updateFunctionConfiguration(r -> r.functionName("payments-webhook").timeout(45));
        robot.interact(detail::reload);
        await(() -> text(robot, FxActionDialogs.PUBLISH_VERDICT_ID).startsWith("Publishes v5 (configuration updated "));
        assertThat(text(robot, FxActionDialogs.PUBLISH_DIFFERENCES_ID)).contains("timeout");
        robot.clickOn("#" + FxDialogService.OK_BUTTON_ID);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);
        assertThat(sandbox.otherClients.lambda().getFunctionConfiguration(r -> r.functionName("payments-webhook")
                .qualifier("5")).timeout()).isEqualTo(45);
    }
}

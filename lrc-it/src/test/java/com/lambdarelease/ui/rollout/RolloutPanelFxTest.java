package com.lambdarelease.ui.rollout;

import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.List;
import com.lambdarelease.logs.ErrorSignature;
import com.lambdarelease.logs.ErrorGroup;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.rollout.RolloutState;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Rollouts panel in a headless window on the sandbox, as an operator drives it: start v4
 * on prod through the confirmation, pause with the keyboard, abort with the button; AWS's state is
 * read back through another SDK client after each step.
 */
@ExtendWith(ApplicationExtension.class)
class RolloutPanelFxTest {

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
        s = new RolloutPanelSandbox(dir, Platform::runLater, new FxDialogService(() -> stage));
        AliasRoute prod = s.session.services().lambda().getAlias(RolloutPanelSandbox.FN, "prod").join();
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.apply(false);
            panel = new RolloutPanel(new RolloutPanelModel(s.rollouts, s.session.states(), s.ui));
            ScrollPane scroll = new ScrollPane(panel.node());
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 480, 900);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            panel.model().show(prod);
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

    private void pressOk(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#" + FxDialogService.OK_BUTTON_ID).tryQuery().isPresent());
        Button ok = robot.lookup("#" + FxDialogService.OK_BUTTON_ID).queryButton();
        await(() -> !ok.isDisabled());
        robot.clickOn(ok);
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private RolloutState state() {
        return panel.model().snapshotProperty().get().map(x -> x.state()).orElse(RolloutState.PENDING);
    }

    @Test
    void theWhyLinksToTheCanarysTopErrorSignaturesFromItsLogs(FxRobot robot) throws Exception {
        javafx.collections.ObservableList<ErrorGroup> groups = javafx.collections.FXCollections.observableArrayList();
        List<ErrorSignature> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        ErrorSignature pricing = new ErrorSignature("PricingRuleError", "No pricing rule matches tier 'gold-<n>'");
        ErrorSignature timeout = new ErrorSignature("TimeoutError", "upstream timed out after <n> ms");
        WaitForAsyncUtils.asyncFx(() -> {
            panel.linkErrors(groups, shown::add);
            groups.setAll(new ErrorGroup(timeout, Map.of("3", 4, "4", 2), 6, Optional.empty(), Instant.EPOCH),
                    new ErrorGroup(pricing, Map.of("3", 0, "4", 17), 17, Optional.of("4"), Instant.EPOCH),
                    new ErrorGroup(new ErrorSignature("KeyError", "'sku'"), Map.of("3", 3, "4", 0), 3, Optional.empty(),
                            Instant.EPOCH));
        }).get();
        javafx.scene.layout.VBox links = robot.lookup("#rollout-why-errors").queryAs(javafx.scene.layout.VBox.class);
        assertThat(links.getChildren()).as("nothing before a rollout").isEmpty();

        ComboBox<?> version = robot.lookup("#rollout-version").queryComboBox();
        await(() -> "4".equals(version.getValue()));
        Button start = robot.lookup("#rollout-start").queryButton();
        await(() -> !start.isDisabled());
        robot.clickOn(start);
        pressOk(robot);
        await(() -> links.getChildren().size() == 3);

        List<String> texts = links.getChildren().stream().skip(1).map(n -> ((javafx.scene.control.Hyperlink) n).getText()).toList();
        assertThat(texts).as("v4's signatures, most frequent first; v3's own KeyError left out").containsExactly(
                "17 × PricingRuleError: No pricing rule matches tier 'gold-<n>'  (only in v4)",
                "2 × TimeoutError: upstream timed out after <n> ms");
        robot.clickOn(links.getChildren().get(1));
        await(() -> !shown.isEmpty());
        assertThat(shown).containsExactly(pricing);
    }

    @Test
    void startingV4OnProdThenPausingWithCtrlAltPAndAbortingRestoresProdExactly(FxRobot robot) throws Exception {
        ComboBox<?> version = robot.lookup("#rollout-version").queryComboBox();
        await(() -> "4".equals(version.getValue()));
        Button start = robot.lookup("#rollout-start").queryButton();
        await(() -> !start.isDisabled());
        assertThat(shown(robot.lookup("#rollout-pause").queryButton())).as("no controls before a rollout").isFalse();

        robot.clickOn(start);
        pressOk(robot);
        await(() -> state() == RolloutState.BAKING);
        assertThat(s.prod().routingConfig().additionalVersionWeights()).containsEntry("4", 0.1);
        await(() -> "Baking".equals(robot.lookup("#rollout-state").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#rollout-canary").queryAs(Label.class).getText()).isEqualTo("v4 at 10%");
        // The why is drawn from the same snapshot, possibly a pulse later (the evaluation also renews the lease).
        await(() -> robot.lookup("#rollout-why-error-test").tryQuery().isPresent());
        assertThat(robot.lookup("#rollout-why-error-test").queryAs(Label.class).getText()).contains("against 1/α = 100");
        assertThat(start.isDisabled()).isTrue();
        assertThat(robot.lookup("#rollout-resume").queryButton().isDisabled()).isTrue();

        robot.clickOn("#rollout-reason").write("checking a dashboard");
        robot.clickOn("#rollout-canary"); // the shortcut from outside the text field
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT, KeyCode.CONTROL);
        await(() -> state() == RolloutState.PAUSED);
        await(() -> !robot.lookup("#rollout-resume").queryButton().isDisabled());
        assertThat(robot.lookup("#rollout-pause").queryButton().isDisabled()).isTrue();
        assertThat(s.prod().routingConfig().additionalVersionWeights()).as("a pause keeps the split").containsEntry("4", 0.1);

        robot.clickOn("#rollout-abort");
        pressOk(robot);
        await(() -> state() == RolloutState.ROLLED_BACK);
        assertThat(panel.model().snapshotProperty().get().orElseThrow().message())
                .startsWith("Aborted by the operator: checking a dashboard. Rolled back: restored 100% → v3");
        var prod = s.prod();
        assertThat(prod.functionVersion()).isEqualTo("3");
        assertThat(prod.routingConfig() == null || prod.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
        javafx.scene.layout.VBox history = robot.lookup("#rollout-history").queryAs(javafx.scene.layout.VBox.class);
        await(() -> history.getChildren().stream().anyMatch(n -> n instanceof Label l
                && l.getText().contains("v4 by Linear10PercentEvery1Minute: rolled back")));
        assertThat(shown(robot.lookup("#rollout-pause").queryButton())).as("no controls after it ended").isFalse();
    }
}

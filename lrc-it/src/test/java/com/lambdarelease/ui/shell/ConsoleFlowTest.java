package com.lambdarelease.ui.shell;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.ui.actions.FxActionDialogs;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;
import com.lambdarelease.ui.detail.VersionRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as an operator drives it, headless, against the embedded sandbox: browse, publish,
 * create an alias, promote, roll back, and a conflict with another client. Outcomes are read back
 * from the sandbox through the SDK. Each test touches its own function or alias.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFlowTest {

    private static SandboxFixture sandbox;
    private MainWindow window;

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
        window = ConsoleWindow.open(sandbox, stage, 1280, 800);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(Window::hide));
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private FunctionDetailViewModel detail() {
        return window.workspace().orElseThrow().detail();
    }

    private void open(FxRobot robot, String function) throws Exception {
        await(() -> window.workspace().isPresent() && !window.workspace().get().functions().loadingProperty().get()
                && window.workspace().get().functions().loadedProperty().get() > 0);
        robot.clickOn("#function-filter").write(function);
        await(() -> window.workspace().get().functions().visibleFunctions().size() == 1);
        robot.clickOn(robot.from(robot.lookup("#functions-table").queryTableView()).lookup(function).<Node>query());
        await(() -> function.equals(detail().functionNameProperty().get()) && !detail().loadingProperty().get()
                && !detail().versions().isEmpty());
    }

    private void showAliases(FxRobot robot, String alias) throws Exception {
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<?> table = robot.lookup("#aliases-table").queryTableView();
        await(() -> table.getItems().stream().anyMatch(a -> ((AliasRoute) a).name().equals(alias)));
        Node cell = robot.from(table).lookup(alias).query();
        robot.clickOn(cell);
        await(() -> detail().selectedAliasProperty().get() != null
                && alias.equals(detail().selectedAliasProperty().get().name()));
    }

    private void pressOk(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#" + FxDialogService.OK_BUTTON_ID).tryQuery().isPresent());
        Button ok = robot.lookup("#" + FxDialogService.OK_BUTTON_ID).queryButton();
        await(() -> !ok.isDisabled());
        robot.clickOn(ok);
    }

    @Test
    @Order(1) // before the publish test adds v5
    void browsingToMyLambdaFunctionShowsVersionsOneToFourAndTheGuidesAliases(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        TableView<?> versions = robot.lookup("#versions-table").queryTableView();
        assertThat(versions.getItems()).extracting(r -> ((VersionRow) r).version()).containsExactly("4", "3", "2", "1", "$LATEST");
        await(() -> robot.lookup("#versions-table").lookup("Faster JSON parsing").tryQuery().isPresent());
        showAliases(robot, "prod");
        TableView<?> aliases = robot.lookup("#aliases-table").queryTableView();
        assertThat(aliases.getItems()).extracting(a -> ((AliasRoute) a).name()).contains("dev", "staging", "prod");
        assertThat(robot.from(aliases).lookup("100% v3").tryQuery()).isPresent();
    }

    @Test
    void publishingFromCtrlPCreatesAVersionWithTheTypedDescription(FxRobot robot) throws Exception {
        sandbox.otherClients.lambda().updateFunctionConfiguration(r -> r.functionName("MyLambdaFunction").timeout(20));
        open(robot, "MyLambdaFunction");
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        await(() -> robot.lookup("#" + FxActionDialogs.PUBLISH_DESCRIPTION_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#publish-changes").queryLabeled().getText()).startsWith("Publishes v5 (code updated ")
                .contains(" after v4");
        assertThat(robot.lookup("#publish-differences").queryLabeled().getText()).contains("code", "timeout");
        robot.clickOn("#" + FxActionDialogs.PUBLISH_DESCRIPTION_ID).write("Longer timeout");
        pressOk(robot);
        await(() -> sandbox.readVersions("MyLambdaFunction").contains("5"));
        assertThat(sandbox.otherClients.lambda().getFunctionConfiguration(r -> r.functionName("MyLambdaFunction")
                .qualifier("5")).description()).isEqualTo("Longer timeout");
        await(() -> detail().versions().get(0).version().equals("5"));
    }

    @Test
    void creatingAnAliasWithCtrlN(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await(() -> robot.lookup("#" + FxActionDialogs.ALIAS_NAME_ID).tryQuery().isPresent());
        robot.clickOn("#" + FxActionDialogs.ALIAS_NAME_ID).write("qa");
        ComboBox<String> version = robot.lookup("#" + FxActionDialogs.ALIAS_VERSION_ID).queryComboBox();
        robot.interact(() -> version.setValue("2"));
        pressOk(robot);
        await(() -> detail().alias("qa").isPresent());
        assertThat(sandbox.readAlias("MyLambdaFunction", "qa").functionVersion()).isEqualTo("2");
    }

    @Test
    void promotingTheLiveCanarySendsAllTrafficToTheNewVersion(FxRobot robot) throws Exception {
        open(robot, "orders-api");
        showAliases(robot, "live");
        robot.clickOn("#promote-button");
        pressOk(robot);
        await(() -> "8".equals(sandbox.readAlias("orders-api", "live").functionVersion()));
        var live = sandbox.readAlias("orders-api", "live");
        assertThat(live.routingConfig() == null || live.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
    }

    @Test
    void rollingProdBackToTheVersionBefore(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        showAliases(robot, "prod");
        robot.clickOn("#rollback-button");
        pressOk(robot); // choose v2, the one before v3
        await(() -> robot.lookup("#" + FxDialogService.CONFIRM_ID).tryQuery().isPresent());
        pressOk(robot); // before → after confirmation
        await(() -> "2".equals(sandbox.readAlias("MyLambdaFunction", "prod").functionVersion()));
    }

    @Test
    void anotherClientsChangeBetweenLoadAndSaveOpensTheConflictDialogAndSurvives(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        showAliases(robot, "staging");
        sandbox.otherClients.lambda().updateAlias(r -> r.functionName("MyLambdaFunction").name("staging")
                .functionVersion("1").description("Hotfix by Sam"));
        // Monocle does not turn a right click into a context-menu request, so fire the row's
        // context-menu item the way the menu would.
        TableView<?> aliases = robot.lookup("#aliases-table").queryTableView();
        var edit = aliases.getContextMenu().getItems().stream()
                .filter(i -> "_Edit alias…".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(edit::fire);
        await(() -> robot.lookup("#" + FxActionDialogs.ALIAS_VERSION_ID).tryQuery().isPresent());
        ComboBox<String> version = robot.lookup("#" + FxActionDialogs.ALIAS_VERSION_ID).queryComboBox();
        robot.interact(() -> version.setValue("4"));
        pressOk(robot);
        await(() -> robot.lookup("#" + FxDialogService.CONFLICT_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + FxDialogService.CONFLICT_ID).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().contains("100% → v1 — “Hotfix by Sam”")).tryQuery()).isPresent();
        pressOk(robot); // Reload
        await(() -> detail().alias("staging").map(a -> a.split().primaryVersion().equals("1")).orElse(false));
        var staging = sandbox.readAlias("MyLambdaFunction", "staging");
        assertThat(staging.functionVersion()).isEqualTo("1");
        assertThat(staging.description()).isEqualTo("Hotfix by Sam");
    }

    @Test
    void aWeightThatIsNotOneIsRefusedInTheEditDialogAndNothingIsSent(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        showAliases(robot, "staging");
        var before = sandbox.readAlias("MyLambdaFunction", "staging");
        robot.clickOn("#edit-alias-button");
        await(() -> robot.lookup("#" + FxActionDialogs.ALIAS_ADDITIONAL_ID).tryQuery().isPresent());
        ComboBox<String> additional = robot.lookup("#" + FxActionDialogs.ALIAS_ADDITIONAL_ID).queryComboBox();
        robot.interact(() -> additional.setValue("4"));
        Button ok = robot.lookup("#" + FxDialogService.OK_BUTTON_ID).queryButton();
        for (String typed : List.of("150", "-1", "abc", "")) {
            robot.clickOn("#" + FxActionDialogs.ALIAS_WEIGHT_ID);
            robot.interact(() -> robot.lookup("#" + FxActionDialogs.ALIAS_WEIGHT_ID).queryTextInputControl().selectAll());
            if (typed.isEmpty()) {
                robot.type(KeyCode.BACK_SPACE);
            } else {
                robot.write(typed);
            }
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.Label problem = robot.lookup("#" + FxActionDialogs.PROBLEM_ID).queryAs(javafx.scene.control.Label.class);
            assertThat(problem.getText()).as("typed " + typed).contains("from 0 to 100");
            assertThat(ok.isDisabled()).as("Update with " + typed).isTrue();
            assertThat(robot.lookup("#" + FxActionDialogs.ALIAS_WEIGHT_ID).queryTextInputControl().getText())
                    .as("what was typed stays to be corrected").isEqualTo(typed);
        }
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        var after = sandbox.readAlias("MyLambdaFunction", "staging");
        assertThat(after.revisionId()).as("nothing was sent").isEqualTo(before.revisionId());
        assertThat(after.routingConfig() == null || after.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
    }

    @Test
    void switchingFunctionClearsTheCanaryAndNoAliasActionReachesAHiddenAlias(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        showAliases(robot, "prod");
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        await(() -> robot.lookup("#canary-header").queryAs(javafx.scene.control.Label.class).getText()
                .equals("MyLambdaFunction:prod"));
        assertThat(robot.lookup("#rollback-button").queryButton().isDisabled()).isFalse();

        robot.interact(() -> robot.lookup("#function-filter").queryTextInputControl().clear());
        open(robot, "orders-api");

        assertThat(detail().selectedAliasProperty().get()).as("no alias carried over").isNull();
        Node editor = robot.lookup("#canary-editor").query();
        assertThat(editor.isVisible() && editor.getParent().isVisible()
                && robot.lookup("#canary-header").queryAs(javafx.scene.control.Label.class).getText().contains("MyLambdaFunction"))
                .as("the old alias's canary is not shown under orders-api").isFalse();
        assertThat(window.workspace().orElseThrow().commands().rollBack.disabled().get()).isTrue();
        assertThat(robot.lookup("#rollback-button").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#promote-button").queryButton().isDisabled()).isTrue();

        // The empty Canary tab offers the function's aliases itself.
        ComboBox<AliasRoute> chooser = robot.lookup("#canary-alias-empty").queryComboBox();
        assertThat(chooser.isVisible()).isTrue();
        robot.interact(() -> chooser.setValue(detail().alias("live").orElseThrow()));
        await(() -> robot.lookup("#canary-header").queryAs(javafx.scene.control.Label.class).getText()
                .equals("orders-api:live"));
        robot.interact(() -> tabs.getSelectionModel().select(0)); // the Versions tab: the alias is out of sight
        assertThat(robot.lookup("#rollback-button").queryButton().isDisabled())
                .as("Roll back never acts on an alias the operator cannot see").isTrue();
        robot.interact(() -> tabs.getSelectionModel().select(2));
        await(() -> robot.lookup("#canary-header").queryAs(javafx.scene.control.Label.class).getText()
                .equals("orders-api:live"));
        assertThat(robot.lookup("#rollback-button").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theKeyboardMovesFromTheFilterIntoTheListAndARefreshKeepsTheSelection(FxRobot robot) throws Exception {
        await(() -> window.workspace().isPresent() && window.workspace().get().functions().loadedProperty().get() > 0);
        robot.clickOn("#function-filter");
        robot.interact(() -> robot.lookup("#function-filter").queryTextInputControl().clear());
        robot.write("orders");
        await(() -> window.workspace().get().functions().visibleFunctions().size() == 1);
        robot.type(KeyCode.DOWN);
        await(() -> "orders-api".equals(detail().functionNameProperty().get()));
        TableView<?> list = robot.lookup("#functions-table").queryTableView();
        assertThat(list.isFocused()).as("Down moved into the list").isTrue();

        robot.type(KeyCode.F5);
        await(() -> !window.workspace().get().functions().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedItem()).as("still selected after the refresh").isNotNull()
                .satisfies(f -> assertThat(((com.lambdarelease.domain.FunctionSummary) f).name()).isEqualTo("orders-api"));

        robot.type(KeyCode.F1);
        await(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().contains("Ctrl+Shift+P")).tryQuery().isPresent());
    }

    @Test
    void aVeryLongAliasNameIsRefusedAndTheDialogKeepsItsButtonsInView(FxRobot robot) throws Exception {
        open(robot, "MyLambdaFunction");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await(() -> robot.lookup("#" + FxActionDialogs.ALIAS_NAME_ID).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#" + FxActionDialogs.ALIAS_NAME_ID).queryTextInputControl()
                .setText("a".repeat(200)));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the window resizes on the next pulse
        WaitForAsyncUtils.waitForFxEvents();
        Button ok = robot.lookup("#" + FxDialogService.OK_BUTTON_ID).queryButton();
        assertThat(ok.isDisabled()).isTrue();
        javafx.geometry.Bounds button = ok.localToScreen(ok.getLayoutBounds());
        Window dialog = ok.getScene().getWindow();
        assertThat(button.getMaxY()).as("Create stays inside its window").isLessThanOrEqualTo(dialog.getY() + dialog.getHeight());
        assertThat(button.getMaxX()).isLessThanOrEqualTo(dialog.getX() + dialog.getWidth());
        assertThat(robot.lookup("#" + FxActionDialogs.PROBLEM_ID).queryLabeled().getText()).isNotBlank();
    }
}

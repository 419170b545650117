package com.lambdarelease.ui.environments;

import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.ToastNotifier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The environments matrix as an operator sees it: the guide's table, live from the sandbox. */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsViewTest {

    private static SandboxFixture sandbox;
    private EnvironmentsView view;

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
        view = new EnvironmentsView(sandbox.services, new FunctionStates(sandbox.services.lambda()),
                sandbox.context(Platform::runLater, new ScriptedDialogs(), new ToastNotifier()));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 900, 400));
        stage.show();
        view.attach();
    }

    @SuppressWarnings("unchecked")
    private TableView<EnvironmentRow> table(FxRobot robot) {
        return (TableView<EnvironmentRow>) robot.lookup("#environments-table").query();
    }

    private static String cell(TableView<EnvironmentRow> table, String function, String alias) {
        EnvironmentRow row = table.getItems().stream().filter(r -> r.functionName().equals(function)).findFirst().orElseThrow();
        return row.cellText(alias);
    }

    @Test
    void theGuidesEnvironmentTableFillsInForTheVisibleFunctions(FxRobot robot) throws Exception {
        TableView<EnvironmentRow> table = table(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && cell(table, "MyLambdaFunction", "prod").startsWith("v"));

        assertThat(cell(table, "MyLambdaFunction", "dev")).isEqualTo("v1");
        assertThat(cell(table, "MyLambdaFunction", "staging")).isEqualTo("v2");
        assertThat(cell(table, "MyLambdaFunction", "prod")).isEqualTo("v3");
        assertThat(table.getColumns()).extracting(TableColumn::getText).startsWith("Function", "dev", "staging", "prod");
    }

    @Test
    void refreshingKeepsOneColumnPerAliasName(FxRobot robot) throws Exception {
        TableView<EnvironmentRow> table = table(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getColumns().size() > 4);
        robot.clickOn("Refresh");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && cell(table, "orders-api", "live").startsWith("v"));

        var names = table.getColumns().stream().map(TableColumn::getText).toList();
        assertThat(names).doesNotHaveDuplicates().contains("live");
        assertThat(cell(table, "orders-api", "live")).isEqualTo("v7 90% · v8 10%");
    }

    @Test
    void enterOnACellOpensThatFunctionsAlias(FxRobot robot) throws Exception {
        TableView<EnvironmentRow> table = table(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && cell(table, "MyLambdaFunction", "prod").startsWith("v"));
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        view.onOpen((function, alias) -> opened.add(function + ":" + alias.orElse("")));
        int row = table.getItems().indexOf(table.getItems().stream()
                .filter(r -> r.functionName().equals("MyLambdaFunction")).findFirst().orElseThrow());
        TableColumn<EnvironmentRow, ?> prod = table.getColumns().stream().filter(c -> c.getText().equals("prod"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(row, prod);
            table.getFocusModel().focus(row, prod);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("MyLambdaFunction:prod");
    }

    @Test
    void aRolloutAnotherMachineDrivesIsNamedInItsCell(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (com.lambdarelease.release.ReleaseSession bob = com.lambdarelease.testing.OtherOperator.session(
                sandbox.sandbox.endpoint(), "us-east-1", "bob", sandbox.services.clock(), dir.resolve("journal.jsonl"),
                Runnable::run, timer)) {
            com.lambdarelease.rollout.RolloutLeases leases = new com.lambdarelease.rollout.RolloutLeases(
                    bob.services().lambda(), bob.services().identity(), sandbox.services.clock(), "build-7", "bob1");
            assertThat(leases.acquire("orders-api", "live", "r-1", "1/1", 10,
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), java.util.Optional.empty())
                    .get(10, TimeUnit.SECONDS)).isTrue();
            try {
                TableView<EnvironmentRow> table = table(robot);
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getColumns().size() > 4);
                robot.clickOn("Refresh");
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                        && cell(table, "orders-api", "live").equals("v7 90% · v8 10% · rollout: bob"));
                assertThat(cell(table, "MyLambdaFunction", "prod")).isEqualTo("v3");
            } finally {
                leases.release("orders-api", "live").get(10, TimeUnit.SECONDS);
            }
        } finally {
            timer.shutdownNow();
        }
    }
}

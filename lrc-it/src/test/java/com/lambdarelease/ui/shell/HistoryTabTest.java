package com.lambdarelease.ui.shell;

import com.lambdarelease.release.AliasHistory;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.history.AliasHistoryView;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The History tab of the console's window, headless, on the embedded sandbox: a change someone else made with a
 * plain SDK program shows as theirs, marked, beside the console's own; a stack-owned function's alias says its stack.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryTabTest {

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

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    private void showHistory(FxRobot robot) {
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
    }

    @Test
    void aChangeByAnotherClientIsShownAsTheirsAndMarked(FxRobot robot) throws Exception {
        ConsoleWindow.openFunction(robot, window, "MyLambdaFunction");
        ConsoleWindow.selectAlias(robot, window, "staging");
        try (LambdaClient carol = LambdaClient.builder().endpointOverride(sandbox.sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("carol", "carol"))).build()) {
            String rev = carol.getAlias(b -> b.functionName("MyLambdaFunction").name("staging")).revisionId();
            carol.updateAlias(b -> b.functionName("MyLambdaFunction").name("staging").functionVersion("2").revisionId(rev)
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("3", 0.25))));
        }
        showHistory(robot);
        TableView<?> table = robot.lookup("#" + AliasHistoryView.TABLE_ID).queryTableView();
        await(() -> !table.getItems().isEmpty());
        AliasHistory.Entry theirs = (AliasHistory.Entry) table.getItems().get(0);
        assertThat(theirs.whoName()).isEqualTo("carol");
        assertThat(theirs.notByThisTool()).isTrue();
        assertThat(theirs.describe()).isEqualTo("(unknown) → 75% v2 · 25% v3"); // CloudTrail says only what it became
        await(() -> robot.from(table).lookup("★").tryQuery().isPresent()); // the mark is drawn in its row
        Label status = robot.lookup("#" + AliasHistoryView.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).contains("1 not made with this tool (★)");
    }

    @Test
    void aStackOwnedFunctionsAliasSaysItsStack(FxRobot robot) throws Exception {
        ConsoleWindow.openFunction(robot, window, "payments-webhook");
        ConsoleWindow.selectAlias(robot, window, "live");
        showHistory(robot);
        Label owners = robot.lookup("#" + AliasHistoryView.OWNERS_ID).queryAs(Label.class);
        await(() -> owners.getText().contains("CloudFormation stack payments-prod"));
        assertThat(owners.isVisible()).isTrue();
    }
}

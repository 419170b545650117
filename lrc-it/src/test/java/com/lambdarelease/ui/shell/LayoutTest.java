package com.lambdarelease.ui.shell;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.ui.common.SandboxFixture;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's screens at the window sizes operators have: no control's text is cut to "…", and
 * every chart can be reached (on screen, or by scrolling). Tables are left out: their columns
 * scroll and resize by design.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutTest {

    private static SandboxFixture sandbox;
    private MainWindow window;
    private Stage stage;

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
        this.stage = stage;
        window = ConsoleWindow.open(sandbox, stage, 1440, 900);
    }

    @ParameterizedTest
    @CsvSource({"1024,700", "1440,900"})
    void theCanaryWorkspaceShowsEveryLabelWholeAndEveryChartCanBeReached(int width, int height, FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.workspace().isPresent()
                && window.workspace().get().functions().loadedProperty().get() > 0);
        var workspace = window.workspace().orElseThrow();
        robot.interact(() -> workspace.functions().selectedProperty().set(workspace.functions().visibleFunctions()
                .stream().filter(f -> f.name().equals("MyLambdaFunction")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.detail().alias("prod").isPresent());
        assertThat(elided(window.root())).as("versions tab at " + width + "x" + height).isEmpty();

        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> {
            AliasRoute prod = workspace.detail().alias("prod").orElseThrow();
            tabs.getSelectionModel().select(1);
            workspace.detail().selectedAliasProperty().set(prod);
            tabs.getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#canary-freshness")
                .queryAs(Labeled.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(elided(window.root())).as("canary tab at " + width + "x" + height).isEmpty();

        // The rollout panel is read in a view at least a third of the window tall, not squeezed to its title bar.
        Node start = robot.lookup("#rollout-start").query();
        Node holder = start.getParent();
        while (!(holder instanceof ScrollPane)) {
            holder = holder.getParent();
        }
        assertThat(((ScrollPane) holder).getHeight()).as("the view the rollout panel scrolls in at " + width + "x" + height)
                .isGreaterThanOrEqualTo(height / 3.0);
        Node chartsAndLogs = robot.lookup("#canary-charts-logs").query();
        assertThat(chartsAndLogs.getLayoutBounds().getHeight()).as("charts and logs at " + width + "x" + height)
                .isGreaterThanOrEqualTo(height / 3.0);

        ScrollPane charts = robot.lookup("#canary-charts-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> charts.setVvalue(charts.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds viewport = charts.localToScene(charts.getLayoutBounds());
        for (String id : List.of("#chart-throttles", "#chart-concurrency", "#chart-invocations")) {
            Node chart = robot.lookup(id).query();
            Bounds b = chart.localToScene(chart.getLayoutBounds());
            boolean reachable = b.getHeight() > 0 && (charts.getContent().getLayoutBounds().getHeight() > viewport.getHeight()
                    || b.getMaxY() <= viewport.getMaxY() + 1);
            assertThat(reachable).as(id + " at " + width + "x" + height).isTrue();
        }
        Node last = robot.lookup("#chart-concurrency").query();
        Bounds lastBounds = last.localToScene(last.getLayoutBounds());
        assertThat(lastBounds.getMaxY()).as("scrolled to the end, the last chart is in view at " + width + "x" + height)
                .isLessThanOrEqualTo(viewport.getMaxY() + 2);
        assertThat(lastBounds.getMaxX()).as("no chart is cut off at the right").isLessThanOrEqualTo(stage.getScene().getWidth() + 1);
    }

    /** Every visible label, button or other labeled control whose text is drawn shorter than it is (…). */
    static List<String> elided(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible() || node instanceof TableView<?>) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            l.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                    .filter(t -> t.getParent() == l)
                    .filter(t -> !t.getText().equals(l.getText()) && t.getText().endsWith("…"))
                    .findFirst().ifPresent(t -> out.add(l.getClass().getSimpleName() + " '" + l.getText() + "' shown as '"
                            + t.getText() + "'"));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}

package com.lambdarelease.ui.canary;

import static com.lambdarelease.testing.Waits.waitUntil;
import com.lambdarelease.logs.ErrorGroup;
import com.lambdarelease.logs.ReadEvent;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkLogsService;
import com.lambdarelease.service.SdkMetricsService;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Logs view in the canary workspace, in a real (headless) window against the sandbox: prod at
 * 90/10 between v3 and v4 after ten minutes of requests. Version 4's errors are grouped with their
 * count and marked as only in the canary; picking one lists its events; clicking a minute of v4's
 * line on the Errors chart lists that minute's v4 errors.
 */
@ExtendWith(ApplicationExtension.class)
class LogsViewSandboxTest {
    private static final String FN = "MyLambdaFunction";

    private final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-12-01T10:00:30Z"));
    private Sandbox sandbox;
    private AwsClients clients;
    private ScheduledThreadPoolExecutor scheduler;
    private CanaryPane pane;
    private Stage stage;
    private String themeBefore;
    private int v4Errors;
    /** v4's and v3's errors per minute, from what Invoke answered. */
    private final Map<Instant, Integer> v4PerMinute = new HashMap<>();
    private final Map<Instant, Integer> v3PerMinute = new HashMap<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void tenMinutesOfACanary() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.forTests(), clock);
        clients = AwsClients.forSandbox(sandbox.endpoint());
        var lambda = clients.lambda();
        String revision = lambda.getAlias(b -> b.functionName(FN).name("prod")).revisionId();
        lambda.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3").revisionId(revision)
                .routingConfig(r -> r.additionalVersionWeights(Map.of("4", 0.1))));
        for (int i = 0; i < 600; i++) {
            var r = lambda.invoke(b -> b.functionName(FN).qualifier("prod"));
            if (r.functionError() != null) {
                Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
                (r.executedVersion().equals("4") ? v4PerMinute : v3PerMinute).merge(minute, 1, Integer::sum);
                v4Errors += r.executedVersion().equals("4") ? 1 : 0;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofMinutes(1)); // the last minute is complete on the charts
        ConsoleServices services = new ConsoleServices("Sandbox", new SdkLambdaService(clients, RequestBudget.unlimited()),
                new SdkMetricsService(clients.cloudWatch(), clock), new SdkLogsService(clients.logs(), RequestBudget.unlimited()),
                clients.activity(), clock, clients, "sandbox");
        scheduler = Recorders.scheduler();
        UiContext ui = new UiContext(Platform::runLater, scheduler, clock, new Recorders.Dialogs(), new Recorders.Notes());
        var prod = services.lambda().getAlias(FN, "prod").join();
        WaitForAsyncUtils.asyncFx(() -> {
            themeBefore = javafx.application.Application.getUserAgentStylesheet();
            javafx.application.Application.setUserAgentStylesheet(getClass()
                    .getResource("/atlantafx/base/theme/primer-light.css").toExternalForm());
            pane = new CanaryPane(com.lambdarelease.release.ReleaseSession.of(services,
                    com.lambdarelease.release.ReleaseJournal.inMemory(), Runnable::run), ui);
            stage.setScene(new Scene((javafx.scene.Parent) pane.node(), 1440, 900));
            stage.show();
            pane.show(prod);
            pane.attach();
        }).get();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            pane.detach();
            stage.hide();
            stage.setScene(new Scene(new javafx.scene.layout.Pane()));
            javafx.application.Application.setUserAgentStylesheet(themeBefore);
        }).get();
        scheduler.shutdownNow();
        clients.close();
        sandbox.close();
    }

    @Test
    void version4sErrorsAreGroupedWithTheirCountAndMarkedOnlyInTheCanary(FxRobot robot) {
        assertThat(v4Errors).isPositive();
        waitUntil(() -> pane.logs().errorGroups().stream().mapToInt(g -> g.count("4")).sum() == v4Errors);

        ErrorGroup pricing = pane.logs().errorGroups().stream()
                .filter(g -> g.signature().type().equals("PricingRuleError")).findFirst().orElseThrow();
        assertThat(pricing.signature().text()).isEqualTo("PricingRuleError: No pricing rule matches tier 'gold-<n>' for order ord-<hex>");
        assertThat(pricing.count("3")).isZero();
        assertThat(pricing.count("4")).isPositive();
        assertThat(pricing.onlyIn()).contains("4");
        assertThat(pane.logs().errorGroups()).filteredOn(g -> g.count("3") > 0)
                .allSatisfy(g -> assertThat(g.onlyIn()).isEmpty());
        // The title says the range counted and that every error of it is.
        assertThat(pane.logs().errorsCountedProperty().get()).matches("Errors by message · \\d{2}:\\d{2}–\\d{2}:\\d{2}, all counted");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#logs-errors-counted").queryAs(Label.class).getText())
                .isEqualTo(pane.logs().errorsCountedProperty().get());

        // What the operator reads in the table: the count under v4 and the mark, on the signature's row.
        WaitForAsyncUtils.waitForFxEvents();
        int row = pane.logs().errorGroups().indexOf(pricing);
        assertThat(cellText(robot, "#logs-count-v4", row)).isEqualTo(Integer.toString(pricing.count("4")));
        assertThat(cellText(robot, "#logs-note", row)).isEqualTo("only in v4");
        assertThat(cellText(robot, "#logs-signature", row)).isEqualTo(pricing.signature().text());

        robot.clickOn(cellNode(robot, "#logs-signature", row));
        waitUntil(() -> pane.logs().shownEvents().size() == pricing.total());
        assertThat(pane.logs().shownEvents()).allSatisfy(e -> {
            assertThat(e.event().version()).isEqualTo("4");
            assertThat(e.event().message()).startsWith("[ERROR] PricingRuleError: ");
        });
        assertThat(robot.lookup("#logs-showing").queryAs(Label.class).getText())
                .startsWith(pricing.signature().text() + " · " + pricing.total() + " event");
    }

    @Test
    void clickingAMinuteOfVersion4OnTheErrorsChartListsThatMinutesV4Errors(FxRobot robot) {
        Instant minute = v4PerMinute.entrySet().stream()
                .filter(e -> e.getValue() > v3PerMinute.getOrDefault(e.getKey(), 0))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        int expected = v4PerMinute.get(minute);
        MetricChartView errors = pane.metricsView().chart(ChartKind.ERRORS);
        waitUntil(() -> errors.screenPointOf("4", minute).isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(errors.screenPointOf("4", minute).orElseThrow());

        String hhmm = minute.toString().substring(11, 16);
        waitUntil(() -> robot.lookup("#logs-showing").queryAs(Label.class).getText()
                .equals("Errors of v4 in the minute " + hhmm + " · " + expected + " event" + (expected == 1 ? "" : "s")));
        assertThat(pane.logs().shownEvents()).hasSize(expected).allSatisfy((ReadEvent e) -> {
            assertThat(e.event().version()).isEqualTo("4");
            assertThat(e.event().timestamp()).isBetween(minute, minute.plusSeconds(59).plusMillis(999));
            assertThat(e.isError()).isTrue();
        });
        assertThat(pane.logs().isLiveShown()).isFalse();

        robot.clickOn("#logs-live");
        waitUntil(() -> pane.logs().isLiveShown() && !pane.logs().shownEvents().isEmpty());
    }

    private static Node cellNode(FxRobot robot, String columnId, int row) {
        return robot.lookup(".table-cell").match((Node n) -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && columnId.equals("#" + c.getTableColumn().getId()) && c.getIndex() == row && !c.isEmpty()).query();
    }

    private static String cellText(FxRobot robot, String columnId, int row) {
        return ((TableCell<?, ?>) cellNode(robot, columnId, row)).getText();
    }
}

package com.lambdarelease.ui.canary;

import static com.lambdarelease.testing.Waits.waitUntil;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkMetricsService;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canary workspace in a real (headless) window against the embedded sandbox: the guide's
 * steps 3 and 4, driven as an operator would, read back through the SDK.
 */
@ExtendWith(ApplicationExtension.class)
class CanaryPaneSandboxTest {
    private static final String FN = "MyLambdaFunction";

    private final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-11-26T12:00:30Z"));
    private final Recorders.Dialogs dialogs = new Recorders.Dialogs();
    private final com.lambdarelease.release.ReleaseJournal journal = com.lambdarelease.release.ReleaseJournal.inMemory();
    private Sandbox sandbox;
    private AwsClients clients;
    private ConsoleServices services;
    private ScheduledThreadPoolExecutor scheduler;
    private CanaryPane pane;

    private Stage stage;
    private String themeBefore;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void openWorkspace(TestInfo info) throws Exception {
        boolean traffic = info.getTestMethod().map(m -> m.getName().startsWith("withTraffic")).orElse(false);
        SandboxOptions options = traffic
                ? SandboxOptions.builderForTests().traffic(true).backfill(Duration.ofMinutes(30)).build()
                : SandboxOptions.forTests();
        sandbox = Sandbox.start(options, clock);
        clients = AwsClients.forSandbox(sandbox.endpoint());
        services = new ConsoleServices("Sandbox", new SdkLambdaService(clients, RequestBudget.unlimited()),
                new SdkMetricsService(clients.cloudWatch(), clock),
                new com.lambdarelease.service.SdkLogsService(clients.logs(), RequestBudget.unlimited()),
                clients.activity(), clock, clients, "sandbox");
        scheduler = Recorders.scheduler();
        UiContext ui = new UiContext(Platform::runLater, scheduler, clock, dialogs, new Recorders.Notes());
        AliasRoute prod = services.lambda().getAlias(FN, "prod").join();
        WaitForAsyncUtils.asyncFx(() -> {
            themeBefore = javafx.application.Application.getUserAgentStylesheet();
            javafx.application.Application.setUserAgentStylesheet(getClass()
                    .getResource("/atlantafx/base/theme/primer-light.css").toExternalForm()); // the console's theme
            pane = new CanaryPane(com.lambdarelease.release.ReleaseSession.of(services, journal, Runnable::run), ui);
            stage.setScene(new Scene((javafx.scene.Parent) pane.node(), 1200, 760));
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
            stage.setScene(new Scene(new javafx.scene.layout.Pane())); // nothing of ours left to restyle
            javafx.application.Application.setUserAgentStylesheet(themeBefore);
        }).get();
        scheduler.shutdownNow();
        clients.close();
        sandbox.close();
    }

    @Test
    void movingTheSliderToTenPercentAndApplyingSetsTheGuidesSplitWithANewRevision(FxRobot robot) throws Exception {
        String before = aliasViaSdk().revisionId();
        waitUntil(() -> pane.editor().candidates().contains("4"));
        // Click the track near 10 %, then fine-tune with the arrow keys (0.1 % per press).
        Slider slider = this.<Slider>onFx(robot, "#canary-slider");
        javafx.geometry.Bounds track = slider.lookup(".track").localToScreen(slider.lookup(".track").getBoundsInLocal());
        robot.clickOn(new javafx.geometry.Point2D(track.getMinX() + track.getWidth() * 0.1, track.getCenterY()));
        for (int i = 0; i < 40 && Math.abs(slider.getValue() - 10) > 0.05; i++) {
            robot.type(slider.getValue() < 10 ? KeyCode.RIGHT : KeyCode.LEFT);
        }
        assertThat(this.<javafx.scene.control.TextInputControl>onFx(robot, "#canary-weight").getText()).isEqualTo("10");
        assertThat(this.<Label>onFx(robot, "#canary-preview").getText()).isEqualTo("90% → v3 · 10% → v4");
        assertThat(this.<Label>onFx(robot, "#canary-state").getText()).isEqualTo("Pending: not applied");
        assertThat(services.activity().requests("UpdateAlias")).as("dragging sends nothing").isZero();

        click(robot, "#canary-apply");
        waitUntil(() -> !pane.editor().pending().get() && !pane.editor().busyProperty().get());

        GetAliasResponse now = aliasViaSdk();
        assertThat(now.functionVersion()).isEqualTo("3");
        assertThat(now.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
        assertThat(now.revisionId()).isNotEqualTo(before);
        assertThat(services.activity().requests("UpdateAlias")).isEqualTo(1);
        assertThat(dialogs.confirmations).singleElement().asString().startsWith("100% → v3 — “Live traffic” => 90% → v3 · 10% → v4 — “Live traffic”");
        assertThat(this.<Label>onFx(robot, "#canary-state").getText()).isEqualTo("Applied");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<javafx.scene.control.ComboBox<String>>onFx(robot, "#canary-version").getValue()).as("the canary box keeps v4 after Apply")
                .isEqualTo("4");
    }

    @Test
    void typedWeightsOutOfRangeOrNotNumbersAreRefusedAndNothingIsSent(FxRobot robot) {
        waitUntil(() -> pane.editor().candidates().contains("4") && pane.metrics().snapshotProperty().get().isPresent());
        for (String typed : List.of("150", "-1", "abc", "")) {
            long requests = requestsButLogs();
            // Looked up on the FX thread: the pane keeps drawing its charts, and a lookup from the test
            // thread walked a child list as it changed (IndexOutOfBoundsException under load).
            javafx.scene.control.TextInputControl field = onFx(robot, "#canary-weight");
            robot.clickOn(field);
            robot.interact(field::selectAll);
            if (typed.isEmpty()) {
                robot.type(KeyCode.BACK_SPACE).type(KeyCode.ENTER);
            } else {
                robot.write(typed).type(KeyCode.ENTER);
            }
            Label error = onFx(robot, "#canary-weight-error");
            assertThat(error.isVisible()).isTrue();
            assertThat(error.getText()).contains("from 0 to 100");
            assertThat(this.<Button>onFx(robot, "#canary-apply").isDisabled()).isTrue();
            assertThat(this.<Label>onFx(robot, "#canary-preview").getText())
                    .as("no old split previewed under a refused weight").startsWith("No split to preview");
            robot.interact(() -> pane.editor().apply());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(requestsButLogs()).as("requests after typing " + typed).isEqualTo(requests);
            assertThat(field.getText()).isEqualTo(typed);
        }
        assertThat(dialogs.confirmations).isEmpty();
    }

    /** Clicks {@code query}'s node, looked up on the FX thread (a lookup from here races with a pane redrawing). */
    private void click(FxRobot robot, String query) {
        javafx.scene.Node node = onFx(robot, query);
        robot.clickOn(node);
    }

    /** {@code query}'s node, looked up on the FX thread. */
    private <T extends javafx.scene.Node> T onFx(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).<T>query()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not look up " + query, e);
        }
    }

    @Test
    void draggingTheSliderLandsOnWholePercentsWhileArrowKeysMoveATenth(FxRobot robot) {
        waitUntil(() -> pane.editor().candidates().contains("4"));
        Slider slider = this.<Slider>onFx(robot, "#canary-slider");
        robot.interact(() -> { // what a drag does: value changes while valueChanging is true
            slider.setValueChanging(true);
            slider.setValue(9.87);
        });
        assertThat(slider.getValue()).isEqualTo(10.0);
        robot.interact(() -> slider.setValueChanging(false));
        assertThat(this.<javafx.scene.control.TextInputControl>onFx(robot, "#canary-weight").getText()).isEqualTo("10");
        robot.interact(slider::increment); // what the right arrow key does
        assertThat(this.<javafx.scene.control.TextInputControl>onFx(robot, "#canary-weight").getText()).isEqualTo("10.1");
    }

    @Test
    void withTrafficBothVersionsAppearAndVersionFoursErrorRateStandsOut(FxRobot robot) {
        waitUntil(() -> pane.editor().candidates().contains("4"));
        click(robot, "#canary-preset-10");
        click(robot, "#canary-apply");
        waitUntil(() -> pane.editor().appliedProperty().get().map(a -> a.split().isSplit()).orElse(false));
        long before = services.activity().requests("GetMetricData");
        clock.advance(Duration.ofMinutes(15)); // the simulator catches up within a second; then a refresh is due
        waitUntil(() -> {
            MetricsSnapshot s = pane.metrics().snapshotProperty().get().orElse(null);
            boolean seen = s != null && s.versions().contains("4") && s.shares().get(1).invocations() > 50;
            if (!seen) {
                Platform.runLater(pane.metrics()::refreshNow);
            }
            return seen;
        });
        MetricsSnapshot snap = pane.metrics().snapshotProperty().get().orElseThrow();
        assertThat(snap.versions()).containsExactly("3", "4");
        assertThat(snap.shares().get(0).invocations()).isGreaterThan(snap.shares().get(1).invocations());
        assertThat(snap.shares().get(1).errorRate()).isGreaterThan(0.05);
        assertThat(snap.shares().get(0).errorRate()).isLessThan(0.05);
        assertThat(snap.markers()).hasSize(1);
        assertThat(services.activity().requests("GetMetricData") - before).as("requests per refresh, at most a few refreshes")
                .isPositive();

        @SuppressWarnings("unchecked")
        LineChart<Number, Number> errorRate = this.<LineChart>onFx(robot, "#chart-error-rate");
        double v3 = meanOf(errorRate, "v3");
        double v4 = meanOf(errorRate, "v4");
        assertThat(v4).as("v4's error rate in the chart, %").isGreaterThan(5).isGreaterThan(v3 * 5);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> invocations = this.<LineChart>onFx(robot, "#chart-invocations");
        assertThat(invocations.getData()).extracting(s -> s.getName()).contains("v3", "v4");

        // A rollout's decision, as the engine journals it (here, as another process would have), is marked on every chart.
        com.fasterxml.jackson.databind.node.ObjectNode decided = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("type", "rollout").put("at", clock.instant().minus(Duration.ofMinutes(2)).toString()).put("id", "r-1")
                .put("function", FN).put("alias", "prod").put("event", "state").put("change", "rolled back")
                .put("state", "ROLLED_BACK").put("message", "Gate failed: Error test: v4 fails more often than v3.");
        journal.appendRecord(decided);
        Platform.runLater(pane.metrics()::refreshNow);
        waitUntil(() -> pane.metrics().snapshotProperty().get().map(s -> !s.rolloutMarks().isEmpty()).orElse(false));
        waitUntil(() -> errorRate.lookupAll("." + CanaryStyles.rolloutMarker(com.lambdarelease.rollout.RolloutMark.Kind.FAILED))
                .stream().anyMatch(javafx.scene.Node::isVisible));
        assertThat(pane.metrics().snapshotProperty().get().orElseThrow().rolloutMarks().get(0).text())
                .isEqualTo("Rollout, rolled back: Gate failed: Error test: v4 fails more often than v3.");
    }

    @Test
    void openingFiftyAliasesOneAfterAnotherLeaksNoPoller(FxRobot robot) throws Exception {
        List<AliasRoute> aliases = new java.util.ArrayList<>();
        for (String fn : List.of(FN, "orders-api")) {
            aliases.addAll(services.lambda().listAliases(fn).join());
        }
        for (int i = 0; i < 50; i++) {
            AliasRoute a = aliases.get(i % aliases.size());
            WaitForAsyncUtils.asyncFx(() -> {
                pane.detach();
                pane.show(a);
                pane.attach();
            }).get();
        }
        WaitForAsyncUtils.asyncFx(() -> pane.detach()).get();
        waitUntil(() -> !pane.metrics().loadingProperty().get());
        assertThat(scheduler.getQueue()).as("scheduled timers after detach").isEmpty();
        assertThat(pane.metrics().isPolling()).isFalse();
        long requests = services.activity().requests("GetMetricData");
        assertThat(requests).isBetween(1L, 51L);
        clock.advance(Duration.ofHours(1));
        Thread.onSpinWait();
        WaitForAsyncUtils.asyncFx(() -> pane.metrics().tick()).get();
        assertThat(services.activity().requests("GetMetricData")).as("GetMetricData after detach").isEqualTo(requests);

        WaitForAsyncUtils.asyncFx(() -> {
            pane.attach();
            stage.hide();
        }).get();
        assertThat(pane.metrics().isPolling()).as("a hidden window never polls, even if the host forgot detach").isFalse();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void aChangeByAnotherClientMeanwhileEndsInTheConflictDialogAndIsNeverOverwritten(FxRobot robot) {
        waitUntil(() -> pane.editor().candidates().contains("4"));
        try (AwsClients other = AwsClients.forSandbox(sandbox.endpoint())) {
            other.lambda().updateAlias(r -> r.functionName(FN).name("prod").functionVersion("3")
                    .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.05))));
        }
        click(robot, "#canary-preset-10");
        click(robot, "#canary-apply");
        waitUntil(() -> !dialogs.conflicts.isEmpty() && !pane.editor().busyProperty().get());

        assertThat(dialogs.conflicts).singleElement().asString()
                .startsWith("yours: 90% → v3 · 10% → v4 — “Live traffic” | theirs: 95% → v3 · 5% → v2");
        assertThat(aliasViaSdk().routingConfig().additionalVersionWeights()).isEqualTo(Map.of("2", 0.05));
        assertThat(pane.editor().appliedProperty().get().orElseThrow().split().describe()).isEqualTo("95% v3 · 5% v2");
        assertThat(this.<javafx.scene.control.TextInputControl>onFx(robot, "#canary-weight").getText()).as("the operator's 10% is kept").isEqualTo("10");
    }

    @Test
    void aChartIsExportedAsPngAndItsDataAsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        waitUntil(() -> pane.metrics().snapshotProperty().get().isPresent());
        ChartExport export = new ChartExport(new UiContext(Platform::runLater, scheduler, clock, dialogs, new Recorders.Notes()));
        MetricChartView chart = pane.metricsView().chart(ChartKind.INVOCATIONS);
        java.nio.file.Path png = WaitForAsyncUtils.asyncFx(() -> export.writePng(chart.chartNode(), dir.resolve("c.png")))
                .get().get(20, TimeUnit.SECONDS);
        java.nio.file.Path csv = WaitForAsyncUtils.asyncFx(() -> export.writeCsv(chart.shown().orElseThrow(), dir.resolve("c.csv")))
                .get().get(20, TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(100);
        assertThat(java.nio.file.Files.readAllLines(csv)).first().isEqualTo("time,v3");
        assertThat(java.nio.file.Files.readAllLines(csv)).hasSize(61);
    }

    /** Every request but the Logs view's reads, which follow the logs on their own timer. */
    private long requestsButLogs() {
        return services.activity().totalRequests() - services.activity().requests("FilterLogEvents");
    }

    private GetAliasResponse aliasViaSdk() {
        return clients.lambda().getAlias(r -> r.functionName(FN).name("prod"));
    }

    private static double meanOf(LineChart<Number, Number> chart, String name) {
        return chart.getData().stream().filter(s -> s.getName().equals(name)).flatMap(s -> s.getData().stream())
                .mapToDouble(d -> d.getYValue().doubleValue()).average().orElse(Double.NaN);
    }
}

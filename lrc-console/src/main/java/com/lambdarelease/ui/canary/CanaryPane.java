package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * The canary workspace for one alias: weight slider, live per-version charts, observed against
 * configured split, version comparison, export. Hosted by the function detail.
 *
 * <p>Contract with the host: {@link #show(AliasRoute)} when the operator picks an alias;
 * {@link #attach()} when the pane becomes visible, {@link #detach()} when hidden (pollers stop).
 */
public final class CanaryPane {

    private final CanaryEditorModel editor;
    private final LiveMetricsModel metrics;
    private final MetricsView metricsView;
    private final LogsModel logs;
    private final LogsView logsView;
    private final ObservedSplitView observed;
    private final ChartExport export;
    private final Label header = new Label("");
    private final StackPane headerChooser = new StackPane();
    private final StackPane placeholderChooser = new StackPane();
    private final BorderPane content = new BorderPane();
    private final StackPane root;
    private final VBox left;
    private Optional<AliasRoute> alias = Optional.empty();
    private final ObservableValue<Boolean> inShowingWindow;
    private boolean hostAttached;

    /** On {@code session}'s connection: its alias writer, function states and journal (the charts' markers). */
    /** Below this width the editor goes above the charts instead of beside them. */
    static final double SIDE_BY_SIDE_WIDTH = 1000;

    /** Charts and logs, stacked under the editor, get this height (each part scrolls within it). */
    static final double STACKED_CHARTS_HEIGHT = 660;

    public CanaryPane(ReleaseSession session, UiContext ui) {
        ConsoleServices services = session.services();
        editor = new CanaryEditorModel(session.writer(), session.states(), ui);
        metrics = new LiveMetricsModel(services.metrics(), ui, services.clock(), session.journal());
        export = new ChartExport(ui);
        metricsView = new MetricsView(metrics, ui.clock().getZone(), this::export);
        logs = new LogsModel(services.logs(), ui, services.clock(), LogsModel.DEFAULT_BUFFER);
        logs.rangeProperty().bind(metrics.rangeProperty());
        VersionColors colours = metrics.colours();
        logsView = new LogsView(logs, v -> alias.map(a -> colours.of(a.functionName(), v)).orElse(0));
        // Picking a minute on the errors chart lists that minute's errors of the version picked.
        metricsView.chart(ChartKind.ERRORS).onPeriodPicked(logs::showMinute);
        observed = new ObservedSplitView(ui.clock().getZone());
        editor.ratePerMinuteProperty().bind(metrics.snapshotProperty()
                .map(s -> s.map(MetricsSnapshot::ratePerMinute).orElse(0.0)));
        metrics.snapshotProperty().addListener((obs, old, now) -> observed.render(now));
        // A successful Apply changes the applied split: charts follow (new versions, configured weights).
        editor.appliedProperty().addListener((obs, old, now) -> now.ifPresent(a -> {
            alias = Optional.of(a);
            header.setText(a.functionName() + ":" + a.name());
            metrics.show(a);
            logs.show(a);
        }));

        header.getStyleClass().add(CanaryStyles.HEADER);
        header.setId("canary-header");
        left = new VBox(12, new CanaryEditorView(editor).node(), observed.node(),
                new ComparisonView(editor.comparison()).node());
        left.setPadding(new Insets(0, 4, 0, 0));
        left.setMinWidth(420); // wrap long ARNs and notes instead of widening the column; presets fit
        left.setPrefWidth(420);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(440);
        // The logs under the charts: the canary's errors are read beside the lines that counted them.
        SplitPane chartsAndLogs = new SplitPane(metricsView.node(), logsView.node());
        chartsAndLogs.setId("canary-charts-logs");
        chartsAndLogs.setOrientation(Orientation.VERTICAL);
        chartsAndLogs.setDividerPositions(0.56);
        SplitPane split = new SplitPane(leftScroll, chartsAndLogs);
        split.setId("canary-split");
        split.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(leftScroll, false);
        // Too narrow for the editor beside the charts (1024 px with the list shown): one page that scrolls, the
        // rollout panel and editor at their own height, then charts and logs at a height they can be read at. A
        // split of the little height left there squeezed each to its title bar.
        VBox stack = new VBox(8);
        ScrollPane stacked = new ScrollPane(stack);
        stacked.setId("canary-stack");
        stacked.setFitToWidth(true);
        content.widthProperty().addListener((obs, was, now) -> {
            boolean narrow = now.doubleValue() < SIDE_BY_SIDE_WIDTH;
            if (narrow && content.getCenter() != stacked) {
                split.getItems().clear();
                leftScroll.setContent(null);
                chartsAndLogs.setMinHeight(STACKED_CHARTS_HEIGHT);
                chartsAndLogs.setPrefHeight(STACKED_CHARTS_HEIGHT);
                stack.getChildren().setAll(left, chartsAndLogs);
                content.setCenter(stacked);
            } else if (!narrow && content.getCenter() != split) {
                stack.getChildren().clear();
                leftScroll.setContent(left);
                chartsAndLogs.setMinHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                chartsAndLogs.setPrefHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                split.getItems().setAll(leftScroll, chartsAndLogs);
                split.setDividerPositions(0.32);
                content.setCenter(split);
            }
        });
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(12, header, headerChooser);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.setTop(top);
        content.setCenter(split);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        content.setVisible(false);
        Label hint = new Label("Pick the alias whose canary you want to watch and change:");
        VBox placeholder = new VBox(8, hint, placeholderChooser);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        placeholder.setId("canary-placeholder");
        placeholder.visibleProperty().bind(content.visibleProperty().not());
        root = new StackPane(placeholder, content);
        root.getStyleClass().add(CanaryStyles.PANE);
        root.getStylesheets().add(CanaryStyles.STYLESHEET);
        root.setPadding(new Insets(10));
        inShowingWindow = root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .orElse(false);
        inShowingWindow.addListener((obs, was, now) -> updatePolling());
    }

    public Node node() {
        return root;
    }

    /** Opens the workspace for {@code route}: its split in the editor, its metrics in the charts. */
    public void show(AliasRoute route) {
        content.setVisible(true);
        editor.show(route);
    }

    /**
     * No alias selected (the operator switched function, or deselected it): the workspace shows
     * its placeholder and nothing can be applied, so no stale alias stays under another heading.
     */
    public void clear() {
        content.setVisible(false);
        alias = Optional.empty();
        header.setText("");
        editor.clear();
        metrics.clear();
        logs.clear();
    }

    /**
     * The host's alias pickers (one beside the heading, one in the empty workspace), so the Canary
     * tab never leaves the operator wondering where to choose an alias.
     */
    public void aliasChoosers(Node beside, Node whenEmpty) {
        headerChooser.getChildren().setAll(beside);
        placeholderChooser.getChildren().setAll(whenEmpty);
    }

    /** Adds a section (the Rollouts panel) at the top of the column beside the charts. */
    public void addSection(Node section) {
        left.getChildren().add(0, section);
    }

    /** The pane is visible: polling starts (while its window shows). */
    public void attach() {
        hostAttached = true;
        updatePolling();
    }

    /** The pane is hidden: polling stops and nothing stays subscribed. */
    public void detach() {
        hostAttached = false;
        updatePolling();
    }

    /** Polls only while the host wants it AND the pane is in a showing window: a closed window never polls. */
    private void updatePolling() {
        if (hostAttached && inShowingWindow.getValue()) {
            metrics.attach();
            logs.attach();
        } else {
            metrics.detach();
            logs.detach();
        }
    }

    /**
     * The alias as this pane last read or changed it: a host that lists aliases can follow it to
     * show a split applied here without reading the alias again.
     */
    public ReadOnlyObjectProperty<Optional<AliasRoute>> appliedAliasProperty() {
        return editor.appliedProperty();
    }

    /** The Logs view's error signatures of the alias shown, counted per version (read-only, FX thread). */
    public javafx.collections.ObservableList<com.lambdarelease.logs.ErrorGroup> errorGroups() {
        return logs.errorGroups();
    }

    /** Lists one signature's events in the Logs view (from the rollout's "why"). */
    public void showErrors(com.lambdarelease.logs.ErrorSignature signature) {
        logs.showSignature(signature);
    }

    /** For tests and the benchmark: the models behind the controls. */
    CanaryEditorModel editor() {
        return editor;
    }

    LiveMetricsModel metrics() {
        return metrics;
    }

    MetricsView metricsView() {
        return metricsView;
    }

    LogsModel logs() {
        return logs;
    }

    LogsView logsView() {
        return logsView;
    }

    private void export(MetricChartView chart, boolean png) {
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        String base = alias.map(a -> a.functionName() + "-" + a.name()).orElse("canary");
        if (png) {
            export.savePng(chart, base, owner);
        } else {
            export.saveCsv(chart, base, owner);
        }
    }
}

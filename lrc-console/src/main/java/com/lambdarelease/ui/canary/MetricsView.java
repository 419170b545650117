package com.lambdarelease.ui.canary;

import com.lambdarelease.release.VersionHealth;
import com.lambdarelease.domain.TrafficSplit;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The live charts of an alias: range, refresh interval, pause, freshness, a legend, and a grid of
 * six charts, all redrawn from one {@link MetricsSnapshot} per refresh.
 */
final class MetricsView {

    private final LiveMetricsModel model;
    private final Map<ChartKind, MetricChartView> charts = new EnumMap<>(ChartKind.class);
    /** Wraps onto a second line rather than eliding the versions' names in a narrow window. */
    private final FlowPane legend = new FlowPane(12, 4);
    private List<Object> legendKey = List.of();
    private final VBox root;

    /** Below this a chart's lines cannot be read; the charts scroll instead. */
    static final double CHART_MIN_HEIGHT = 190;
    /** Below this width the charts go one per row. */
    static final double TWO_COLUMNS_WIDTH = 620;

    MetricsView(LiveMetricsModel model, ZoneId zone, BiConsumer<MetricChartView, Boolean> export) {
        this.model = model;
        HBox ranges = new HBox();
        ToggleGroup group = new ToggleGroup();
        for (Duration d : LiveMetricsModel.RANGES) {
            ToggleButton b = new ToggleButton(label(d));
            // AtlantaFX pills: the five ranges read as one segmented control.
            b.getStyleClass().add(d.equals(LiveMetricsModel.RANGES.get(0)) ? "left-pill"
                    : d.equals(LiveMetricsModel.RANGES.get(LiveMetricsModel.RANGES.size() - 1)) ? "right-pill" : "center-pill");
            b.setId("range-" + d.toMinutes());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setToggleGroup(group);
            b.setSelected(d.equals(model.rangeProperty().get()));
            b.setOnAction(e -> {
                b.setSelected(true); // a range is always chosen
                model.rangeProperty().set(d);
            });
            ranges.getChildren().add(b);
        }
        ComboBox<Duration> interval = new ComboBox<>();
        interval.getItems().setAll(LiveMetricsModel.INTERVALS);
        interval.setId("refresh-interval");
        interval.valueProperty().bindBidirectional(model.refreshIntervalProperty());
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : "every " + label(d);
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        interval.setTooltip(new Tooltip("Auto-refresh interval"));
        interval.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton pause = new ToggleButton(null, new FontIcon(Feather.PAUSE));
        pause.setId("refresh-pause");
        pause.setAccessibleText("Pause auto-refresh");
        pause.setTooltip(new Tooltip("Pause auto-refresh"));
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.graphicProperty().bind(pause.selectedProperty().map(p -> new FontIcon(p ? Feather.PLAY : Feather.PAUSE)));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-now");
        refresh.setAccessibleText("Refresh now");
        refresh.setTooltip(new Tooltip("Refresh now"));
        refresh.setOnAction(e -> model.refreshNow());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(model.loadingProperty());
        Label freshness = new Label();
        freshness.setId("canary-freshness");
        freshness.getStyleClass().add(CanaryStyles.FRESHNESS);
        freshness.setWrapText(true); // its own line under the controls: never cut
        Tooltip freshnessTip = new Tooltip();
        freshnessTip.textProperty().bind(freshness.textProperty());
        freshness.setTooltip(freshnessTip);
        freshness.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.freshnessProperty().get() + (model.pausedProperty().get() ? " Auto-refresh paused." : ""),
                model.freshnessProperty(), model.pausedProperty()));
        Label problem = new Label();
        problem.getStyleClass().add(CanaryStyles.ERROR);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(8, 6, ranges, interval, pause, refresh, loading);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add(CanaryStyles.LEGEND);

        GridPane grid = new GridPane();
        grid.setId("canary-charts");
        grid.setHgap(8);
        grid.setVgap(8);
        for (ChartKind kind : ChartKind.values()) {
            MetricChartView view = new MetricChartView(kind, zone, v -> export.accept(v, true), v -> export.accept(v, false));
            charts.put(kind, view);
        }
        layOut(grid, 2);
        // Narrow: one chart per row (they scroll) rather than two squeezed past reading.
        grid.widthProperty().addListener((obs, was, now) -> {
            int columns = now.doubleValue() < TWO_COLUMNS_WIDTH ? 1 : 2;
            if (columns != grid.getColumnConstraints().size()) {
                layOut(grid, columns);
            }
        });
        // Six charts need room: below that they scroll instead of being cut off where no one can reach them.
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("canary-charts-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        root = new VBox(8, toolbar, freshness, problem, legend, scroll);
        root.getStyleClass().add(CanaryStyles.SECTION);
        model.snapshotProperty().addListener((obs, old, now) -> render(now));
    }

    /** The six charts in {@code columns} columns, each row at least {@link #CHART_MIN_HEIGHT} tall. */
    private void layOut(GridPane grid, int columns) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(cc);
        }
        int rows = (ChartKind.values().length + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setMinHeight(CHART_MIN_HEIGHT);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        int i = 0;
        for (ChartKind kind : ChartKind.values()) {
            grid.add(charts.get(kind).node(), i % columns, i / columns);
            i++;
        }
        grid.setMinHeight(rows * CHART_MIN_HEIGHT + (rows - 1) * grid.getVgap());
    }

    Node node() {
        return root;
    }

    MetricChartView chart(ChartKind kind) {
        return charts.get(kind);
    }

    /** Redraws every chart from one snapshot (FX thread). */
    void render(Optional<MetricsSnapshot> snapshot) {
        if (snapshot.isEmpty()) {
            legend.getChildren().clear();
            legendKey = List.of();
            charts.values().forEach(MetricChartView::clear);
            return;
        }
        MetricsSnapshot snap = snapshot.get();
        renderLegend(snap);
        charts.values().forEach(c -> c.render(snap));
    }

    /** The legend changes only when the versions, weights or markers do: no new nodes otherwise. */
    private void renderLegend(MetricsSnapshot snap) {
        List<Object> key = List.of(snap.versions(), snap.colours(), snap.shares().stream().map(VersionHealth::configured).toList(),
                snap.markers().isEmpty(), snap.rolloutMarks().isEmpty());
        if (key.equals(legendKey)) {
            return;
        }
        legendKey = key;
        legend.getChildren().clear();
        for (int i = 0; i < snap.versions().size(); i++) {
            String v = snap.versions().get(i);
            double weight = snap.shares().get(i).configured();
            Label l = new Label("v" + v + " · " + TrafficSplit.percent(weight) + (i == 0 ? " (primary)" : ""));
            l.getStyleClass().addAll(CanaryStyles.SWATCH, CanaryStyles.versionColor(snap.colourOf(v)));
            legend.getChildren().add(l);
        }
        if (!snap.markers().isEmpty()) {
            Label m = new Label("┆ routing change");
            m.getStyleClass().add(CanaryStyles.HINT);
            legend.getChildren().add(m);
        }
        if (!snap.rolloutMarks().isEmpty()) {
            Label m = new Label("┃ rollout decision (red failed, amber held, green went on)");
            m.getStyleClass().add(CanaryStyles.HINT);
            legend.getChildren().add(m);
        }
    }

    static String label(Duration d) {
        if (d.toHours() >= 1 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() >= 1 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}

package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.MetricPoint;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One metric chart: a title with export actions over a line chart with a line per version. A gap
 * in a line (a period without datapoint for a non-count metric) is drawn as a break, by splitting
 * the line into segments of the same colour.
 */
final class MetricChartView {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ChartKind kind;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final MarkedLineChart chart = new MarkedLineChart(x, y);
    private final VBox root;
    private Optional<ChartModel> shown = Optional.empty();

    MetricChartView(ChartKind kind, ZoneId zone, Consumer<MetricChartView> onSavePng, Consumer<MetricChartView> onSaveCsv) {
        this.kind = kind;
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        chart.setMinHeight(150);
        chart.setPrefHeight(200);
        chart.setId("chart-" + kind.slug());
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return HH_MM.format(Instant.ofEpochMilli(n.longValue()).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);

        Label title = new Label(kind.title());
        title.getStyleClass().add(CanaryStyles.CHART_TITLE);
        Label unit = new Label(kind.unit());
        unit.getStyleClass().add(CanaryStyles.HINT);
        MenuItem png = new MenuItem("Save chart as PNG…");
        png.setOnAction(e -> onSavePng.accept(this));
        MenuItem csv = new MenuItem("Save data as CSV…");
        csv.setOnAction(e -> onSaveCsv.accept(this));
        MenuButton export = new MenuButton(null, new FontIcon(Feather.DOWNLOAD), png, csv);
        export.setAccessibleText("Export " + kind.title());
        export.getStyleClass().add("flat");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, title, unit, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(2, bar, chart);
        root.getStyleClass().add(CanaryStyles.CHART);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    /** The chart without its title bar, for PNG export. */
    Node chartNode() {
        return root;
    }

    ChartKind kind() {
        return kind;
    }

    /** What the chart shows now (for CSV export). */
    Optional<ChartModel> shown() {
        return shown;
    }

    /** Replaces the chart's lines and markers with the snapshot's. Call on the FX thread. */
    void render(MetricsSnapshot snap) {
        ChartModel model = snap.chart(kind);
        shown = Optional.of(model);
        long start = snap.window().start().toEpochMilli();
        long end = snap.window().end().toEpochMilli();
        x.setLowerBound(start);
        x.setUpperBound(end);
        x.setTickUnit(Math.max(60_000, (end - start) / 6.0));
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (ChartModel.Line line : model.lines()) {
            String colour = line.wholeAlias() ? CanaryStyles.ALIAS_LINE
                    : CanaryStyles.versionColor(Math.max(0, snap.versions().indexOf(line.version())));
            String cls = line.variant().isEmpty() ? colour : colour + " canary-dashed";
            for (List<MetricPoint> segment : segments(line.points())) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(line.label());
                List<XYChart.Data<Number, Number>> data = new ArrayList<>(segment.size());
                for (MetricPoint p : segment) {
                    data.add(new XYChart.Data<>(p.time().toEpochMilli(), p.value()));
                }
                s.getData().setAll(data);
                all.add(s);
                classes.add(cls);
            }
        }
        // All zeros (no throttles, the usual case) would collapse the axis to 0..0: keep 0..1 instead.
        boolean flat = model.lines().stream().flatMap(l -> l.points().stream())
                .noneMatch(p -> !Double.isNaN(p.value()) && p.value() != 0);
        y.setAutoRanging(!flat);
        if (flat) {
            y.setLowerBound(0);
            y.setUpperBound(1);
            y.setTickUnit(0.5);
        }
        chart.getData().setAll(all);
        for (int i = 0; i < all.size(); i++) {
            Node n = all.get(i).getNode();
            if (n != null) {
                n.getStyleClass().addAll(classes.get(i).split(" "));
            }
        }
        chart.markers().setAll(snap.markers().stream()
                .map(m -> new MarkedLineChart.Marker(m.at().toEpochMilli(), "Routing changed here: " + m.describe()))
                .toList());
    }

    /** Runs of consecutive points with a value; a NaN ends a run. */
    static List<List<MetricPoint>> segments(List<MetricPoint> points) {
        List<List<MetricPoint>> out = new ArrayList<>();
        List<MetricPoint> run = new ArrayList<>();
        for (MetricPoint p : points) {
            if (Double.isNaN(p.value())) {
                if (!run.isEmpty()) {
                    out.add(run);
                    run = new ArrayList<>();
                }
            } else {
                run.add(p);
            }
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }

    /** Empties the chart (another alias is being loaded). */
    void clear() {
        shown = Optional.empty();
        chart.getData().clear();
        chart.markers().clear();
    }
}

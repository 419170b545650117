package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.MetricPoint;
import com.lambdarelease.domain.MetricWindow;
import javafx.collections.FXCollections;
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
    private Optional<MetricWindow> window = Optional.empty();
    private PeriodPicked onPick;

    /** Told which version's line and which period the operator clicked on. */
    @FunctionalInterface
    interface PeriodPicked {
        void picked(String version, Instant periodStart, java.time.Duration period);
    }

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
        chart.setMinHeight(100); // the row decides its height; a chart never overflows its row into the next
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
        title.setMinWidth(Region.USE_PREF_SIZE); // the unit note gives way, never the metric name
        title.getStyleClass().add(CanaryStyles.CHART_TITLE);
        Label unit = new Label(kind.unit());
        unit.getStyleClass().add(CanaryStyles.HINT);
        unit.setWrapText(true); // on its own line under the title: read whole, never cut to "max, …"
        MenuItem png = new MenuItem("Save chart as PNG…");
        png.setOnAction(e -> onSavePng.accept(this));
        MenuItem csv = new MenuItem("Save data as CSV…");
        csv.setOnAction(e -> onSaveCsv.accept(this));
        MenuButton export = new MenuButton(null, new FontIcon(Feather.DOWNLOAD), png, csv);
        export.setAccessibleText("Export " + kind.title());
        export.getStyleClass().add("flat");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, title, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(0, bar, unit, chart);
        root.getStyleClass().add(CanaryStyles.CHART);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    /**
     * Clicking the plot picks the period under the pointer and, of the versions' lines, the one
     * nearest the pointer there (for the errors chart: whose errors to list).
     */
    void onPeriodPicked(PeriodPicked handler) {
        onPick = handler;
        chart.setCursor(javafx.scene.Cursor.HAND);
        chart.setOnMouseClicked(e -> pick(e.getSceneX(), e.getSceneY()));
    }

    private void pick(double sceneX, double sceneY) {
        if (onPick == null || shown.isEmpty() || window.isEmpty()) {
            return;
        }
        double t = x.getValueForDisplay(x.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
        double value = y.getValueForDisplay(y.sceneToLocal(sceneX, sceneY).getY()).doubleValue();
        MetricWindow w = window.get();
        // Each period's point is drawn at its start: the nearest point is the period picked.
        Instant at = Instant.ofEpochMilli((long) t).plus(w.period().dividedBy(2));
        if (at.isBefore(w.start()) || !at.isBefore(w.end())) {
            return;
        }
        Instant period = w.truncate(at);
        String best = null;
        double distance = Double.MAX_VALUE;
        for (ChartModel.Line line : shown.get().lines()) {
            if (line.wholeAlias() || !line.variant().isEmpty()) {
                continue;
            }
            for (MetricPoint p : line.points()) {
                if (p.time().equals(period) && !Double.isNaN(p.value()) && Math.abs(p.value() - value) < distance) {
                    distance = Math.abs(p.value() - value);
                    best = line.version();
                }
            }
        }
        if (best != null) {
            onPick.picked(best, period, w.period());
        }
    }

    /** Where on screen the point of {@code version} at {@code period} is drawn (tests click it). */
    Optional<javafx.geometry.Point2D> screenPointOf(String version, Instant period) {
        return shown.flatMap(m -> m.lines().stream().filter(l -> l.version().equals(version) && l.variant().isEmpty())
                .flatMap(l -> l.points().stream()).filter(p -> p.time().equals(period)).findFirst())
                .map(p -> {
                    javafx.geometry.Point2D onX = x.localToScreen(x.getDisplayPosition(p.time().toEpochMilli()), 0);
                    javafx.geometry.Point2D onY = y.localToScreen(0, y.getDisplayPosition(p.value()));
                    return new javafx.geometry.Point2D(onX.getX(), onY.getY());
                });
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
        window = Optional.of(snap.window());
        long start = snap.window().start().toEpochMilli();
        long end = snap.window().end().toEpochMilli();
        x.setLowerBound(start);
        x.setUpperBound(end);
        // Round tick times (multiples of the unit) stay put as the window moves: few new labels per refresh.
        x.setTickUnit(tickUnit(end - start));
        List<Segment> segments = new ArrayList<>();
        for (ChartModel.Line line : model.lines()) {
            String colour = line.wholeAlias() ? CanaryStyles.ALIAS_LINE
                    : CanaryStyles.versionColor(snap.colourOf(line.version()));
            String cls = line.variant().isEmpty() ? colour : colour + " canary-dashed";
            for (List<MetricPoint> run : segments(line.points())) {
                segments.add(new Segment(line.label(), cls, run));
            }
        }
        // All zeros (no throttles, the usual case) would collapse the axis to 0..0: keep 0..1 instead.
        boolean flat = segments.stream().flatMap(seg -> seg.points().stream()).allMatch(p -> p.value() == 0);
        y.setAutoRanging(!flat);
        if (flat) {
            y.setLowerBound(0);
            y.setUpperBound(1);
            y.setTickUnit(0.5);
        }
        if (!updateInPlace(segments)) {
            rebuild(segments);
        }
        List<MarkedLineChart.Marker> markers = new java.util.ArrayList<>();
        snap.markers().forEach(m -> markers.add(new MarkedLineChart.Marker(m.at().toEpochMilli(),
                "Routing changed here: " + m.describe(), CanaryStyles.ROUTING_MARKER)));
        snap.rolloutMarks().forEach(m -> markers.add(new MarkedLineChart.Marker(m.at().toEpochMilli(), m.text(),
                CanaryStyles.rolloutMarker(m.kind()))));
        if (!markers.equals(chart.markers())) {
            chart.markers().setAll(markers);
        }
    }

    /** A run of points of one line, drawn as one series. */
    private record Segment(String label, String styleClasses, List<MetricPoint> points) {
    }

    /**
     * The usual refresh: same lines with as many gaps, so the existing series and their path nodes
     * are kept and only the numbers change (no new nodes, no CSS pass for them).
     */
    private boolean updateInPlace(List<Segment> segments) {
        List<XYChart.Series<Number, Number>> current = chart.getData();
        if (current.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            XYChart.Series<Number, Number> s = current.get(i);
            if (!segments.get(i).label().equals(s.getName()) || !segments.get(i).styleClasses().equals(s.getNode().getUserData())) {
                return false;
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = current.get(i).getData();
            List<MetricPoint> points = segments.get(i).points();
            if (data.size() > points.size()) {
                data.remove(points.size(), data.size());
            }
            for (int j = 0; j < points.size(); j++) {
                if (j == data.size()) {
                    data.add(new XYChart.Data<>(points.get(j).time().toEpochMilli(), points.get(j).value()));
                    continue;
                }
                XYChart.Data<Number, Number> d = data.get(j);
                MetricPoint p = points.get(j);
                long x = p.time().toEpochMilli();
                if (d.getXValue().longValue() != x) {
                    d.setXValue(x);
                }
                if (d.getYValue().doubleValue() != p.value()) {
                    d.setYValue(p.value());
                }
            }
        }
        return true;
    }

    private void rebuild(List<Segment> segments) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>(segments.size());
        for (Segment seg : segments) {
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(seg.points().size());
            for (MetricPoint p : seg.points()) {
                data.add(new XYChart.Data<>(p.time().toEpochMilli(), p.value()));
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>(seg.label(), FXCollections.observableArrayList(data));
            all.add(s);
        }
        chart.getData().setAll(all);
        for (int i = 0; i < all.size(); i++) {
            Node n = all.get(i).getNode();
            if (n != null) {
                n.getStyleClass().addAll(segments.get(i).styleClasses().split(" "));
                n.setUserData(segments.get(i).styleClasses());
            }
        }
    }

    /** About six ticks on a round step: 5, 10, 30 min, 1, 2 or 4 h. */
    static long tickUnit(long rangeMillis) {
        long minute = 60_000;
        for (long unit : new long[] {5 * minute, 10 * minute, 30 * minute, 60 * minute, 120 * minute, 240 * minute}) {
            if (rangeMillis / unit <= 6) {
                return unit;
            }
        }
        return 240 * minute;
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

package com.lambdarelease.ui.canary;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;

import java.util.List;

/**
 * A line chart with vertical markers at given x values (epoch milliseconds): where this console
 * changed the alias's routing, and where a rollout decided (a failing gate, a hold, the promotion). Markers are laid out with the plot, so they follow resizes.
 */
final class MarkedLineChart extends LineChart<Number, Number> {

    /** A marker's position, what its tooltip says, and its style class (a routing change or a rollout decision). */
    record Marker(long epochMillis, String text, String styleClass) {
    }

    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private List<Line> lines = List.of();

    MarkedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        markers.addListener((javafx.collections.ListChangeListener<Marker>) c -> rebuildMarkers());
    }

    ObservableList<Marker> markers() {
        return markers;
    }

    private void rebuildMarkers() {
        getPlotChildren().removeAll(lines);
        lines = markers.stream().map(m -> {
            Line line = new Line();
            line.getStyleClass().add(m.styleClass());
            Tooltip.install(line, new Tooltip(m.text()));
            line.setUserData(m);
            return line;
        }).toList();
        getPlotChildren().addAll(lines);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (Line line : lines) {
            Marker m = (Marker) line.getUserData();
            double px = x.getDisplayPosition(m.epochMillis());
            line.setStartX(px);
            line.setEndX(px);
            line.setStartY(0);
            line.setEndY(height);
            line.setVisible(m.epochMillis() >= x.getLowerBound() && m.epochMillis() <= x.getUpperBound());
            line.toFront();
        }
    }
}

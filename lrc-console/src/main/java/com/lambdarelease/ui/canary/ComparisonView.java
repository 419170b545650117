package com.lambdarelease.ui.canary;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableValue;

import java.util.Optional;

/**
 * The primary and canary versions' configurations side by side; differing rows highlighted, a
 * role or dead-letter mismatch marked as blocking the split (AWS would refuse it).
 */
final class ComparisonView {

    private final GridPane grid = new GridPane();
    private final Label summary = new Label();
    private final VBox root;

    ComparisonView(ObservableValue<Optional<VersionComparison>> comparison) {
        grid.setId("canary-comparison");
        grid.getStyleClass().add(CanaryStyles.COMPARISON);
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints field = new ColumnConstraints();
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Equal value columns that share whatever width is left; long ARNs and hashes wrap.
        ColumnConstraints left = new ColumnConstraints(60, 100, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true);
        ColumnConstraints right = new ColumnConstraints(60, 100, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true);
        grid.getColumnConstraints().addAll(field, left, right);
        Label title = new Label("Version comparison");
        title.getStyleClass().add(CanaryStyles.SECTION_TITLE);
        summary.getStyleClass().add(CanaryStyles.HINT);
        summary.setWrapText(true);
        root = new VBox(6, title, summary, grid);
        root.getStyleClass().add(CanaryStyles.SECTION);
        render(comparison.getValue());
        comparison.addListener((obs, old, now) -> render(now));
    }

    Node node() {
        return root;
    }

    private void render(Optional<VersionComparison> comparison) {
        grid.getChildren().clear();
        if (comparison.isEmpty()) {
            summary.setText("Choose a canary version to compare it with the primary.");
            return;
        }
        VersionComparison c = comparison.get();
        long blocking = c.rows().stream().filter(VersionComparison.Row::blocking).count();
        summary.setText(c.differences() + " difference(s)" + (blocking > 0
                ? "; " + blocking + " block a split. " + com.lambdarelease.domain.RoutingPreflight.AWS_RULE : ". Environment values are hidden."));
        int row = 0;
        for (VersionComparison.Row r : c.rows()) {
            Label name = new Label(r.field());
            name.getStyleClass().add(CanaryStyles.HINT);
            Label a = cell(r.primary());
            Label b = cell(r.canary());
            if (r.differs()) {
                b.getStyleClass().add(CanaryStyles.DIFF);
                a.getStyleClass().add(CanaryStyles.DIFF);
            }
            if (r.blocking()) {
                name.setText(r.field() + " ⚠ blocks split");
                a.getStyleClass().add(CanaryStyles.BLOCKING);
                b.getStyleClass().add(CanaryStyles.BLOCKING);
            }
            grid.addRow(row++, name, a, b);
        }
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTooltip(new Tooltip(text));
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}

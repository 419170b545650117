package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.VersionHealth;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Configured weight beside the share of invocations each version actually executed over the
 * window. At low traffic the two differ: AWS routes each request by chance.
 */
final class ObservedSplitView {

    private final GridPane grid = new GridPane();
    private final Label empty = new Label("No invocations in this range yet.");
    private final Label since = new Label();
    private final java.time.format.DateTimeFormatter time;
    private final VBox root;
    private final List<Row> rows = new java.util.ArrayList<>();
    private List<String> rowsFor;

    ObservedSplitView(java.time.ZoneId zone) {
        time = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        grid.setId("canary-shares");
        grid.getStyleClass().add(CanaryStyles.SHARES);
        grid.setHgap(10);
        grid.setVgap(4);
        for (int i = 0; i < 5; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(i == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(c);
        }
        grid.getColumnConstraints().get(2).setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label("Observed against configured");
        title.getStyleClass().add(CanaryStyles.SECTION_TITLE);
        empty.getStyleClass().add(CanaryStyles.HINT);
        Label note = new Label("Share of the invocations each version executed, since the split last changed here. Routing is "
                + "probabilistic: at low traffic the observed split differs from the configured one.");
        note.setWrapText(true);
        note.getStyleClass().add(CanaryStyles.HINT);
        since.setId("observed-since");
        since.getStyleClass().add(CanaryStyles.HINT);
        root = new VBox(6, title, since, grid, empty, note);
        root.getStyleClass().add(CanaryStyles.SECTION);
    }

    Node node() {
        return root;
    }

    void render(Optional<MetricsSnapshot> snapshot) {
        List<VersionHealth> shares = snapshot.map(MetricsSnapshot::shares).orElse(List.of());
        List<String> versions = shares.stream().map(VersionHealth::version).toList();
        if (!versions.equals(rowsFor)) {
            buildRows(versions, snapshot.<java.util.function.ToIntFunction<String>>map(snap -> snap::colourOf).orElse(v -> 0));
        }
        for (int i = 0; i < shares.size(); i++) { // same rows: only the numbers change, no new nodes
            VersionHealth s = shares.get(i);
            Row r = rows.get(i);
            r.configured().setText(TrafficSplit.percent(s.configured()));
            r.bar().setProgress(s.observed());
            r.observed().setText(String.format(Locale.ROOT, "%.1f%%", 100 * s.observed())); // a measured share, not a weight: one decimal
            r.invocations().setText(String.format(Locale.ROOT, "%,.0f", s.invocations()));
            r.errorRate().setText(String.format(Locale.ROOT, "%.2f%%", 100 * s.errorRate()));
        }
        snapshot.ifPresent(snap -> since.setText(snap.sharesSince().isAfter(snap.window().start())
                ? "Since the split changed at " + time.format(snap.sharesSince()) + "."
                : "Over the whole range shown."));
        empty.setVisible(shares.stream().allMatch(s -> s.invocations() == 0));
        empty.setManaged(empty.isVisible());
    }

    private record Row(Label configured, ProgressBar bar, Label observed, Label invocations, Label errorRate) {
    }

    private void buildRows(List<String> versions, java.util.function.ToIntFunction<String> colourOf) {
        rowsFor = versions;
        rows.clear();
        grid.getChildren().clear();
        header("Version", 0);
        header("Configured", 1);
        header("Observed", 2);
        header("Invocations", 3);
        header("Error rate", 4);
        for (int i = 0; i < versions.size(); i++) {
            Label version = new Label("v" + versions.get(i));
            version.getStyleClass().addAll(CanaryStyles.SWATCH, CanaryStyles.versionColor(colourOf.applyAsInt(versions.get(i))));
            ProgressBar bar = new ProgressBar(0);
            bar.setPrefWidth(70);
            Label observed = new Label("", bar);
            observed.setId("observed-v" + versions.get(i));
            Row r = new Row(new Label(), bar, observed, new Label(), new Label());
            rows.add(r);
            grid.addRow(i + 1, version, r.configured(), observed, r.invocations(), r.errorRate());
        }
    }

    private void header(String text, int column) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // headers never shrink to "Ver…"
        l.getStyleClass().add(CanaryStyles.HINT);
        grid.add(l, column, 0);
    }
}

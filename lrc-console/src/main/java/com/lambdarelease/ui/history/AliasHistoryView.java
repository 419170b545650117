package com.lambdarelease.ui.history;

import com.lambdarelease.release.AliasHistory;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The History tab's table: time, ★ for changes not made with this tool, alias, who, from where, change, outcome. */
public final class AliasHistoryView {
    public static final String TABLE_ID = "history-table";
    public static final String STATUS_ID = "history-status";
    public static final String OWNERS_ID = "history-owners";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final VBox root = new VBox(6);

    public AliasHistoryView(AliasHistoryModel model) {
        TableView<AliasHistory.Entry> table = new TableView<>(model.entries());
        table.setId(TABLE_ID);
        TableColumn<AliasHistory.Entry, String> time = column("Time (UTC)", e -> TIME.format(e.at()), 135);
        time.setMinWidth(135);
        table.getColumns().add(time);
        TableColumn<AliasHistory.Entry, String> mark = column("", e -> e.notByThisTool() ? "★" : "", 36);
        mark.setMinWidth(36);
        mark.setResizable(false);
        table.getColumns().add(mark);
        table.getColumns().add(column("Alias", AliasHistory.Entry::alias, 70, 60));
        table.getColumns().add(column("Who", AliasHistory.Entry::whoName, 140, 90));
        table.getColumns().add(column("From", AliasHistory.Entry::from, 160, 100));
        // Last, so it takes the room left: before → after is what the operator reads; a change that did not land says so.
        table.getColumns().add(column("Change", e -> e.action() + ": " + e.describe() + (e.outcome().equals("applied") ? ""
                : " — " + e.outcome() + (e.message().isBlank() ? "" : ": " + e.message())), 300, 160));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No alias changes in the last 7 days."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AliasHistory.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new Tooltip(item.at() + "\n" + item.who() + " · " + item.from() + "\n" + item.action() + ": "
                        + item.describe() + (item.revision().isEmpty() ? "" : "\nrevision " + item.revision())
                        + (item.message().isBlank() ? "" : "\n" + item.message())));
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("foreign"),
                        !empty && item != null && item.notByThisTool());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label owners = new Label();
        owners.setId(OWNERS_ID);
        owners.getStyleClass().add("form-problem");
        owners.setWrapText(true);
        owners.textProperty().bind(model.ownersProperty());
        owners.managedProperty().bind(model.ownersProperty().isNotEmpty());
        owners.visibleProperty().bind(owners.managedProperty());

        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        status.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines rather than cutting the sentence
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        Button refresh = new Button("Refresh history");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.reload());
        refresh.disableProperty().bind(model.loadingProperty());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, status, busy, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(owners, bar, table);
        root.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
    }

    private static TableColumn<AliasHistory.Entry, String> column(String title, Function<AliasHistory.Entry, String> value,
                                                                  double width, double min) {
        TableColumn<AliasHistory.Entry, String> c = column(title, value, width);
        c.setMinWidth(min);
        return c;
    }

    private static TableColumn<AliasHistory.Entry, String> column(String title, Function<AliasHistory.Entry, String> value,
                                                                  double width) {
        TableColumn<AliasHistory.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node node() {
        return root;
    }
}

package com.lambdarelease.ui.detail;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The Versions tab: newest first, each with the aliases that send it traffic. */
public final class VersionsView {
    public static final String TABLE_ID = "versions-table";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final TableView<VersionRow> table = new TableView<>();

    public VersionsView(FunctionDetailViewModel model, ReleaseCommands commands) {
        table.setId(TABLE_ID);
        table.setItems(model.versions());
        table.getColumns().add(column("Version", VersionRow::version, 75));
        table.getColumns().add(column("Description", r -> r.config().description(), 160));
        table.getColumns().add(column("Code SHA-256", r -> r.config().shortCodeSha256(), 125));
        table.getColumns().add(column("Last modified", r -> TIME.format(r.config().lastModified()), 145));
        table.getColumns().add(column("Runtime", r -> r.config().runtime(), 95));
        table.getColumns().add(column("Memory", r -> r.config().memoryMb() + " MB", 80));
        table.getColumns().add(column("Timeout", r -> r.config().timeoutSeconds() + " s", 80));
        TableColumn<VersionRow, String> aliases = column("Aliases", VersionRow::aliasesText, 120);
        aliases.getStyleClass().add("aliases-column");
        table.getColumns().add(aliases);
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No versions"));
        table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null || !model.versions().contains(model.selectedVersionProperty().get())) {
                model.selectedVersionProperty().set(row);
            }
        });
        model.selectedVersionProperty().subscribe(row -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        table.setContextMenu(new ContextMenu(commands.publish.menuItem(), commands.newAlias.menuItem(),
                new SeparatorMenuItem(), commands.copyArn.menuItem(), commands.deleteVersion.menuItem(),
                new SeparatorMenuItem(), commands.refresh.menuItem()));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                commands.deleteVersion.runIfEnabled();
                e.consume();
            }
        });
    }

    static <R, T> TableColumn<R, T> column(String title, Function<R, T> value, double width) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        return c;
    }

    public Node node() {
        return table;
    }
}

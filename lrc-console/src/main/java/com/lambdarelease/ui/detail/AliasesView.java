package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import static com.lambdarelease.ui.detail.VersionsView.column;

/** The Aliases tab: name, primary and additional version, the split drawn as a bar, description. */
public final class AliasesView {
    public static final String TABLE_ID = "aliases-table";

    private final TableView<AliasRoute> table = new TableView<>();

    public AliasesView(FunctionDetailViewModel model, ReleaseCommands commands) {
        this(model, commands, null);
    }

    /** @param leases the rollouts anyone drives on the function's aliases (null: no Rollout column) */
    public AliasesView(FunctionDetailViewModel model, ReleaseCommands commands,
                       com.lambdarelease.ui.rollout.AliasLeasesModel leases) {
        table.setId(TABLE_ID);
        table.setItems(model.aliases());
        table.getColumns().add(column("Alias", AliasRoute::name, 110));
        table.getColumns().add(column("Version", (AliasRoute a) -> a.split().primaryVersion(), 70));
        table.getColumns().add(column("Additional version", (AliasRoute a) -> a.split().canaryVersion().orElse("—"), 150));
        TableColumn<AliasRoute, TrafficSplit> split = column("Traffic", AliasRoute::split, 260);
        split.setCellFactory(c -> new TableCell<>() {
            private final SplitBar bar = new SplitBar();

            @Override
            protected void updateItem(TrafficSplit item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    bar.show(item);
                    setGraphic(bar);
                }
            }
        });
        table.getColumns().add(split);
        table.getColumns().add(column("Description", AliasRoute::description, 220));
        if (leases != null) {
            TableColumn<AliasRoute, String> rollout = new TableColumn<>("Rollout");
            rollout.setCellValueFactory(d -> javafx.beans.binding.Bindings.createStringBinding(
                    () -> leases.describe(d.getValue().name()), leases.leases()));
            rollout.setCellFactory(c -> new TableCell<>() {
                {
                    setAlignment(javafx.geometry.Pos.CENTER_LEFT); // as the other columns' cells
                }

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    AliasRoute row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    setText(empty ? null : item);
                    String details = row == null ? "" : leases.details(row.name());
                    setTooltip(details.isEmpty() ? null : new javafx.scene.control.Tooltip(details));
                }
            });
            rollout.setPrefWidth(140);
            // Only while some alias has a rollout: the other columns keep their room (at 1024 px too) otherwise.
            rollout.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(leases.leases()));
            table.getColumns().add(table.getColumns().size() - 1, rollout);
        }
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No aliases — create one with Ctrl+N"));
        // What the table shows selected is what the actions act on: deselecting a row leaves no hidden target.
        table.getSelectionModel().selectedItemProperty().subscribe(model::selectFromTable);
        model.selectedAliasProperty().subscribe(a -> {
            AliasRoute inTable = a == null ? null : model.alias(a.name()).orElse(null);
            if (inTable != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(inTable);
            }
        });
        table.setContextMenu(new ContextMenu(commands.editAlias.menuItem(), commands.promote.menuItem(),
                commands.rollBack.menuItem(), new SeparatorMenuItem(), commands.newAlias.menuItem(),
                commands.copyArn.menuItem(), commands.deleteAlias.menuItem(), new SeparatorMenuItem(),
                commands.refresh.menuItem()));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                commands.deleteAlias.runIfEnabled();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                commands.editAlias.runIfEnabled();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                commands.editAlias.runIfEnabled();
            }
        });
    }

    public Node node() {
        return table;
    }
}

package com.lambdarelease.ui.environments;

import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.ui.common.FilterField;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The guide's dev / staging / prod table as a live matrix: one row per function, one column per
 * alias name, each cell the version(s) that alias serves. Rows load when they scroll into view.
 */
public final class EnvironmentsView {

    private final EnvironmentsModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<EnvironmentRow> table = new TableView<>();

    public EnvironmentsView(ConsoleServices services, FunctionStates states, UiContext ui) {
        this.model = new EnvironmentsModel(services.lambda(), states, ui.fx());
        // Read only: this view writes no lease, it shows who drives a rollout, on any machine.
        model.showRollouts(com.lambdarelease.rollout.RolloutLeases.reader(services)::of, services.clock());
        root.setId("environments");
        root.setTop(toolbar());
        root.setCenter(table);
        table.setId("environments-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No functions."));
        // Unconstrained: an account can have many alias names; they scroll rather than squeeze.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<EnvironmentRow, String> name = new TableColumn<>("Function");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().functionName()));
        name.setPrefWidth(240);
        table.getColumns().add(name);
        syncAliasColumns();
        model.aliasColumns().addListener((ListChangeListener<String>) change -> syncAliasColumns());
        // Double-click or Enter on a cell opens that function's alias (or the function, from its name).
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openFocused();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                openFocused();
            }
        });
    }

    private java.util.function.BiConsumer<String, java.util.Optional<String>> open = (f, a) -> { };

    /** What opening a cell does: the host shows {@code function} (and {@code alias} when a cell names one). */
    public void onOpen(java.util.function.BiConsumer<String, java.util.Optional<String>> open) {
        this.open = open;
    }

    private void openFocused() {
        var cell = table.getFocusModel().getFocusedCell();
        if (cell == null || cell.getRow() < 0 || cell.getRow() >= table.getItems().size()) {
            return;
        }
        String function = table.getItems().get(cell.getRow()).functionName();
        Object alias = cell.getTableColumn() == null ? null : cell.getTableColumn().getUserData();
        open.accept(function, java.util.Optional.ofNullable(alias).map(Object::toString));
    }

    public Node node() {
        return root;
    }

    public void attach() {
        model.activate();
    }

    public void detach() {
        model.deactivate();
    }

    EnvironmentsModel model() {
        return model;
    }

    private Node toolbar() {
        TextField filter = FilterField.create("Filter functions");
        filter.setId("environments-filter");
        filter.textProperty().bindBidirectional(model.filterProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.reload());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingFunctionsProperty());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, refresh, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        return bar;
    }

    /** One column per alias name, in the model's order; existing columns are kept, so widths survive. */
    private void syncAliasColumns() {
        List<TableColumn<EnvironmentRow, ?>> wanted = new ArrayList<>();
        wanted.add(table.getColumns().get(0));
        for (String aliasName : model.aliasColumns()) {
            wanted.add(table.getColumns().stream().skip(1).filter(c -> c.getText().equals(aliasName)).findFirst()
                    .orElseGet(() -> aliasColumn(aliasName)));
        }
        if (!wanted.equals(table.getColumns())) {
            table.getColumns().setAll(wanted);
        }
    }

    private TableColumn<EnvironmentRow, EnvironmentRow> aliasColumn(String aliasName) {
        TableColumn<EnvironmentRow, EnvironmentRow> column = new TableColumn<>(aliasName);
        column.setUserData(aliasName); // which alias a cell of this column opens
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new AliasCell(aliasName));
        column.setPrefWidth(Math.max(160, 9.0 * aliasName.length() + 40));
        column.setMinWidth(90);
        column.setSortable(false);
        return column;
    }

    /** Shows what one alias serves; asks for the row's aliases when it first comes into view. */
    private static final String SPLIT_STYLE = "environment-split";

    private final class AliasCell extends TableCell<EnvironmentRow, EnvironmentRow> {
        private final String aliasName;
        private EnvironmentRow watched;
        private final javafx.beans.value.ChangeListener<EnvironmentRow.State> onState = (o, a, b) -> render();

        AliasCell(String aliasName) {
            this.aliasName = aliasName;
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(EnvironmentRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.stateProperty().removeListener(onState);
            }
            watched = empty ? null : row;
            if (watched != null) {
                watched.stateProperty().addListener(onState);
                model.wanted(watched);
            }
            render();
        }

        private void render() {
            if (watched == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(watched.cellText(aliasName));
            getStyleClass().remove(SPLIT_STYLE);
            var state = watched.stateProperty().get();
            if (state instanceof EnvironmentRow.State.Failed f) {
                setTooltip(new Tooltip(f.reason()));
            } else if (state instanceof EnvironmentRow.State.Loaded loaded && loaded.aliases().containsKey(aliasName)) {
                var alias = loaded.aliases().get(aliasName);
                if (alias.split().isSplit()) {
                    getStyleClass().add(SPLIT_STYLE);
                }
                setTooltip(new Tooltip(alias.functionName() + ":" + alias.name() + " → " + alias.split().describe()
                        + (alias.description().isBlank() ? "" : "\n" + alias.description())));
            } else {
                setTooltip(null);
            }
        }
    }
}

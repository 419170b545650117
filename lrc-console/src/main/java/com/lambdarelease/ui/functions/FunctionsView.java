package com.lambdarelease.ui.functions;

import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.ui.common.FilterField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The functions list: a filter field, the table, and a footer with the count and a progress bar while loading. */
public final class FunctionsView {
    public static final String FILTER_ID = "function-filter";
    public static final String RETRY_ID = "functions-retry";
    public static final String TABLE_ID = "functions-table";
    public static final String COUNT_ID = "functions-count";

    static final double ROW_HEIGHT = 30;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final VBox root;
    private final TextField filter = FilterField.create("Filter functions (Ctrl+F)");
    private final TableView<FunctionSummary> table = new TableView<>();

    private final FunctionsViewModel model;

    public FunctionsView(FunctionsViewModel model) {
        this.model = model;
        filter.setId(FILTER_ID);
        filter.textProperty().bindBidirectional(model.filterProperty());

        table.setId(TABLE_ID);
        // A fixed row height lets the table skip measuring rows as 10,000 of them stream in.
        table.setFixedCellSize(ROW_HEIGHT);
        SortedList<FunctionSummary> sorted = new SortedList<>(model.visibleFunctions());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        warmStylesWhenShown(sorted);
        table.getColumns().add(column("Name", FunctionSummary::name, 175));
        TableColumn<FunctionSummary, String> runtime = column("Runtime", FunctionSummary::runtime, 100);
        table.getColumns().add(runtime);
        TableColumn<FunctionSummary, Integer> memory = column("MB", FunctionSummary::memoryMb, 60);
        memory.setCellFactory(c -> new TextCell<>(Pos.CENTER_RIGHT));
        table.getColumns().add(memory);
        TableColumn<FunctionSummary, String> modified = column("Last modified", f -> TIME.format(f.lastModified()), 140);
        table.getColumns().add(modified);
        // A narrow list (beside the canary charts) shows whole names rather than four columns cut to "MyLa…".
        table.widthProperty().addListener((obs, was, now) -> {
            boolean wide = now.doubleValue() >= NAMES_ONLY_BELOW;
            runtime.setVisible(wide);
            memory.setVisible(wide);
            modified.setVisible(wide);
        });
        table.setPlaceholder(new Label("No functions"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().subscribe(f -> {
            if (f != null && f != BLANK) {
                model.selectedProperty().set(f);
            } else if (f == null && !sorted.isEmpty() && !reselecting) {
                reselect(sorted); // cleared by a reload: keep the operator's function selected by name
            }
        });
        // A reload replaces the rows: the function the operator had selected stays selected.
        sorted.addListener((javafx.collections.ListChangeListener<FunctionSummary>) c -> reselect(sorted));
        model.selectedProperty().subscribe(f -> {
            if (f != null && table.getSelectionModel().getSelectedItem() != f) {
                reselect(sorted);
            }
        });
        // Enter or Down in the filter moves into the list, on the first match when nothing is selected.
        filter.setOnKeyPressed(e -> {
            if ((e.getCode() == javafx.scene.input.KeyCode.DOWN || e.getCode() == javafx.scene.input.KeyCode.ENTER)
                    && !table.getItems().isEmpty()) {
                if (table.getSelectionModel().getSelectedIndex() < 0) {
                    table.getSelectionModel().select(0);
                }
                table.requestFocus();
                table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label count = new Label();
        count.setId(COUNT_ID);
        count.textProperty().bind(model.summary());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        // A listing that gave up can be asked again right here (F5 does the same).
        javafx.scene.control.Button retry = new javafx.scene.control.Button("_Retry",
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.REFRESH_CW));
        retry.setId(RETRY_ID);
        retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        retry.visibleProperty().bind(model.errorProperty().isNotEmpty().and(model.loadingProperty().not()));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.load());
        HBox footer = new HBox(8, count, progress, retry);
        footer.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(8, filter, table, error, footer);
        root.setPadding(new Insets(8));
        root.getStyleClass().add("functions-view");
    }

    /** Narrower than this, the list shows names only. */
    static final double NAMES_ONLY_BELOW = 420;

    private static <T> TableColumn<FunctionSummary, T> column(String title, Function<FunctionSummary, T> value, double width) {
        TableColumn<FunctionSummary, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TextCell<>(null));
        return c;
    }

    /**
     * A plain text cell. Alignment is set in code rather than by an inline style on the column, which the
     * table would copy onto every cell and which makes each cell's CSS be resolved on its own.
     */
    /**
     * A new table resolves its row and cell styles from scratch the first time it shows a row (a
     * one-off of tens of milliseconds against the theme's large stylesheet). Do that while the
     * window is idle, before any function arrives: show one blank row for a frame, then the real
     * (still empty) list, so the first page of functions lands in a table whose styles are ready.
     */
    private void warmStylesWhenShown(javafx.collections.ObservableList<FunctionSummary> real) {
        table.sceneProperty().flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty).orElse(false)
                .subscribe(new java.util.function.Consumer<Boolean>() {
                    private boolean done;

                    @Override
                    public void accept(Boolean showing) {
                        if (!showing || done || !real.isEmpty()) {
                            return;
                        }
                        done = true;
                        table.setItems(javafx.collections.FXCollections.observableArrayList(BLANK));
                        javafx.animation.PauseTransition frame = new javafx.animation.PauseTransition(javafx.util.Duration.millis(40));
                        frame.setOnFinished(e -> table.setItems(real));
                        frame.play();
                    }
                });
    }

    private static final FunctionSummary BLANK = new FunctionSummary("", "", "", 0, 0, java.time.Instant.EPOCH, "");

    static final class TextCell<T> extends TableCell<FunctionSummary, T> {
        TextCell(Pos alignment) {
            if (alignment != null) {
                setAlignment(alignment);
            }
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = getTableRow() != null && getTableRow().getItem() == BLANK;
            setText(empty || item == null || blank ? null : item.toString());
        }
    }

    public Node node() {
        return root;
    }

    private boolean reselecting;

    /** Selects in the table the function the model has selected, found by name among the rows shown. */
    private void reselect(java.util.List<FunctionSummary> rows) {
        FunctionSummary wanted = model.selectedProperty().get();
        FunctionSummary inTable = table.getSelectionModel().getSelectedItem();
        if (wanted == null || (inTable != null && inTable.name().equals(wanted.name()))) {
            return;
        }
        reselecting = true;
        try {
            rows.stream().filter(f -> f.name().equals(wanted.name())).findFirst()
                    .ifPresent(f -> table.getSelectionModel().select(f));
        } finally {
            reselecting = false;
        }
    }

    /** Puts the caret in the filter field (Ctrl+F). */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    public TableView<FunctionSummary> table() {
        return table;
    }
}

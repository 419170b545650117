package com.lambdarelease.ui.canary;

import com.lambdarelease.logs.ErrorGroup;
import com.lambdarelease.logs.ReadEvent;
import com.lambdarelease.logs.RunStats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The logs beside the charts: a filter box and follow/pause over two halves, the errors grouped by
 * signature (a count per version, "only in vN") and the events (live, or those of the signature or
 * chart minute picked), with each version's REPORT figures above. Events carry their version's colour.
 */
public final class LogsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    static final double EVENT_ROW_HEIGHT = 22;
    static final int ROW_CHARS = 180;
    /** Below this width the errors table and the events go one above the other. */
    static final double STACK_BELOW = 760;
    /** A half shorter than this shows too few rows to read. */
    static final double HALF_MIN_HEIGHT = 170;

    private final LogsModel model;
    private final ToIntFunction<String> colourOf;
    private final TableView<ErrorGroup> table = new TableView<>();
    private final ListView<ReadEvent> events = new ListView<>();
    private final FlowPane statsRow = new FlowPane(14, 4);
    private List<String> columnsFor = List.of();
    private boolean narrow;
    private List<String> statsFor = List.of();
    private final Map<String, Label> statsLabels = new java.util.LinkedHashMap<>();
    private final VBox root;

    /** @param colourOf each version's colour index, the charts' (see {@link VersionColors}) */
    public LogsView(LogsModel model, ToIntFunction<String> colourOf) {
        this.model = model;
        this.colourOf = colourOf;
        Label title = new Label("Logs");
        title.getStyleClass().add(CanaryStyles.SECTION_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        TextField filter = new TextField();
        filter.setId("logs-filter");
        filter.setPromptText("Filter pattern: ERROR · \"a phrase\" · ?A ?B · A -B · { $.errorType = \"KeyError\" }");
        filter.setTooltip(new Tooltip("CloudWatch Logs filter-pattern syntax, case-sensitive; Enter applies"));
        filter.setOnAction(e -> model.applyFilter(filter.getText()));
        HBox.setHgrow(filter, Priority.ALWAYS);
        ToggleButton follow = new ToggleButton();
        follow.setId("logs-follow");
        follow.selectedProperty().bindBidirectional(model.followingProperty());
        follow.textProperty().bind(follow.selectedProperty().map(f -> f ? "Pause" : "Follow"));
        follow.graphicProperty().bind(follow.selectedProperty().map(f -> new FontIcon(f ? Feather.PAUSE : Feather.PLAY)));
        follow.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("logs-status");
        status.getStyleClass().add(CanaryStyles.HINT);
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, title, filter, follow, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add(CanaryStyles.ERROR);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        statsRow.setId("logs-stats");
        model.statsProperty().addListener((obs, was, now) -> renderStats(now));

        table.setId("logs-errors");
        table.setPlaceholder(new Label("No errors in the chart's range"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.errorGroups());
        model.errorGroups().addListener((ListChangeListener<ErrorGroup>) c -> columns());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.showSignature(now.signature());
            }
        });
        Label errorsTitle = new Label();
        errorsTitle.setId("logs-errors-counted");
        errorsTitle.textProperty().bind(model.errorsCountedProperty().map(t -> t.isEmpty() ? "Errors by message" : t));
        errorsTitle.getStyleClass().add(CanaryStyles.CHART_TITLE);
        VBox errorsBox = new VBox(4, errorsTitle, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        events.setId("logs-events");
        events.setItems(model.shownEvents());
        events.setCellFactory(v -> new EventCell());
        // One line per event: a fixed height spares the list from measuring its thousands of cells
        // whenever the oldest events leave the buffer.
        events.setFixedCellSize(EVENT_ROW_HEIGHT);
        events.setPlaceholder(new Label("No events yet"));
        // Following: the newest event stays in view.
        model.shownEvents().addListener((ListChangeListener<ReadEvent>) c -> {
            if (model.isLiveShown() && model.followingProperty().get() && !model.shownEvents().isEmpty()) {
                events.scrollTo(model.shownEvents().size() - 1);
            }
        });
        Label showing = new Label();
        showing.setId("logs-showing");
        showing.getStyleClass().add(CanaryStyles.CHART_TITLE);
        showing.textProperty().bind(model.showingProperty());
        showing.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(showing, Priority.ALWAYS);
        Button live = new Button("Live");
        live.setId("logs-live");
        live.setTooltip(new Tooltip("Back to the newest events"));
        live.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            model.showLive();
        });
        live.setMinWidth(Region.USE_PREF_SIZE);
        HBox eventsBar = new HBox(8, showing, live);
        eventsBar.setAlignment(Pos.CENTER_LEFT);
        VBox eventsBox = new VBox(4, eventsBar, events);
        VBox.setVgrow(events, Priority.ALWAYS);

        SplitPane halves = new SplitPane(errorsBox, eventsBox);
        halves.setOrientation(Orientation.HORIZONTAL);
        halves.setDividerPositions(0.52);
        VBox.setVgrow(halves, Priority.ALWAYS);
        // Narrow (1024 px beside the editor): the table above the events, so a signature reads whole.
        // Only when there is height for both; else side by side, the signature cut but in its tooltip.
        javafx.beans.InvalidationListener orient = o -> {
            boolean stack = halves.getWidth() < STACK_BELOW && halves.getHeight() >= 2 * HALF_MIN_HEIGHT;
            Orientation want = stack ? Orientation.VERTICAL : Orientation.HORIZONTAL;
            double divider = stack ? 0.5 : halves.getWidth() < STACK_BELOW ? 0.64 : 0.52;
            if (halves.getOrientation() != want || narrow != halves.getWidth() < STACK_BELOW) {
                narrow = halves.getWidth() < STACK_BELOW;
                halves.setOrientation(want);
                halves.setDividerPositions(divider);
            }
        };
        halves.widthProperty().addListener(orient);
        halves.heightProperty().addListener(orient);
        root = new VBox(6, bar, problem, statsRow, halves);
        root.getStyleClass().addAll(CanaryStyles.SECTION, "canary-logs");
        root.setMinHeight(180);
    }

    public Node node() {
        return root;
    }

    TableView<ErrorGroup> table() {
        return table;
    }

    ListView<ReadEvent> events() {
        return events;
    }

    /** One count column per compared version (primary first), then the note and the signature. */
    private void columns() {
        List<String> versions = model.versions();
        if (versions.equals(columnsFor)) {
            return;
        }
        columnsFor = versions;
        List<TableColumn<ErrorGroup, ?>> cols = new ArrayList<>();
        for (String v : versions) {
            TableColumn<ErrorGroup, Integer> c = new TableColumn<>("v" + v);
            c.setId("logs-count-v" + v);
            c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().count(v)));
            // Room for four digits: an hour of a busy alias's errors elided to "…" tells the operator nothing.
            c.setPrefWidth(58);
            c.setMinWidth(52);
            c.setMaxWidth(70);
            c.getStyleClass().add(CanaryStyles.versionColor(colourOf.applyAsInt(v)));
            cols.add(c);
        }
        TableColumn<ErrorGroup, String> note = new TableColumn<>("Note");
        note.setId("logs-note");
        note.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().onlyIn().map(v -> "only in v" + v).orElse("")));
        note.setPrefWidth(96);
        note.setMinWidth(92);
        note.setMaxWidth(120);
        note.getStyleClass().add("canary-only-in");
        TableColumn<ErrorGroup, String> text = new TableColumn<>("Error (numbers and ids masked)");
        text.setId("logs-signature");
        text.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().signature().text()));
        text.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            // One tooltip per cell (reword): a new one per row per batch was an eighth of the FX thread's time.
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (empty || item == null) {
                    setTooltip(null);
                } else {
                    reword(this, tip, item);
                }
            }
        });
        text.setPrefWidth(320);
        cols.add(note);
        cols.add(text);
        table.getColumns().setAll(cols);
    }

    /** One label per version, kept and only re-worded as REPORT lines come in (no new nodes per batch). */
    private void renderStats(Map<String, RunStats> stats) {
        List<String> versions = model.versions();
        if (!versions.equals(statsFor)) {
            statsFor = versions;
            statsLabels.clear();
            for (String v : versions) {
                Label l = new Label();
                l.setId("logs-stats-v" + v);
                l.getStyleClass().addAll(CanaryStyles.SWATCH, CanaryStyles.versionColor(colourOf.applyAsInt(v)));
                statsLabels.put(v, l);
            }
            statsRow.getChildren().setAll(statsLabels.values());
        }
        for (String v : versions) {
            String text = "v" + v + ": " + stats.getOrDefault(v, RunStats.NONE).summary();
            Label l = statsLabels.get(v);
            if (!text.equals(l.getText())) {
                l.setText(text);
            }
        }
    }

    /** Shows {@code text} in the cell's one tooltip, kept: rows refresh with every batch, and a Tooltip is a popup window. */
    private static void reword(javafx.scene.control.Cell<?> cell, Tooltip tip, String text) {
        tip.setText(text);
        if (cell.getTooltip() != tip) {
            cell.setTooltip(tip);
        }
    }

    /**
     * Time, version (in its colour) and the event's first line; the whole event in the tooltip. A
     * cell changes its style classes only when its version's colour changes, so a batch of new
     * events re-styles no cell that keeps its colour.
     */
    private final class EventCell extends ListCell<ReadEvent> {
        private final Tooltip tip = new Tooltip();
        private String colourClass;

        EventCell() {
            getStyleClass().add(CanaryStyles.SWATCH);
        }

        @Override
        protected void updateItem(ReadEvent item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                colour(null);
                return;
            }
            String message = item.event().message();
            int nl = message.indexOf('\n');
            String first = (nl < 0 ? message : message.substring(0, nl) + " …").replace('\t', ' ');
            // A row shows what fits on one line (the whole event is in the tooltip): laying out a
            // 700-character warning on every refresh costs frames for text nobody sees.
            first = first.length() <= ROW_CHARS ? first : first.substring(0, ROW_CHARS) + " …";
            setText(TIME.format(item.event().timestamp().atZone(model.zone())) + "  v" + item.event().version() + "  " + first);
            colour(CanaryStyles.versionColor(colourOf.applyAsInt(item.event().version())));
            reword(this, tip, message.length() > 2000 ? message.substring(0, 2000) + " …" : message);
        }

        private void colour(String wanted) {
            if (java.util.Objects.equals(wanted, colourClass)) {
                return;
            }
            if (colourClass != null) {
                getStyleClass().remove(colourClass);
            }
            if (wanted != null) {
                getStyleClass().add(wanted);
            }
            colourClass = wanted;
        }
    }
}

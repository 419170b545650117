package com.lambdarelease.ui.rollout;

import com.lambdarelease.logs.ErrorGroup;
import com.lambdarelease.logs.ErrorSignature;
import com.lambdarelease.rollout.RolloutSnapshot;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.Hyperlink;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.ui.common.Command;
import com.lambdarelease.ui.common.FieldChecks;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The Rollouts panel in the canary workspace, bound to a {@link RolloutPanelModel}: plan and
 * version pickers with the plan's timeline, Start, the live progress, the "why" of the latest
 * decision, the controls (each with a Ctrl+Alt shortcut, active while the panel shows) and the
 * alias's past rollouts.
 */
public final class RolloutPanel {

    private static final int TOP_ERRORS = 3;

    private final VBox root = new VBox(8);
    private final VBox topErrors = new VBox(2);
    {
        topErrors.setId("rollout-why-errors");
    }
    private final RolloutPanelModel model;
    private final List<Command> commands;

    public RolloutPanel(RolloutPanelModel model) {
        this.model = model;
        root.getStyleClass().add(RolloutStyles.PANEL);
        root.getStylesheets().add(RolloutStyles.STYLESHEET);
        root.setId("rollout-panel");

        Command start = command("_Start rollout…", KeyCode.S, Feather.PLAY, model.canStart(), model::start);
        Command pause = command("_Pause", KeyCode.P, Feather.PAUSE, model.canPause(), model::pause);
        Command resume = command("_Resume", KeyCode.R, Feather.PLAY_CIRCLE, model.canResume(), model::resume);
        Command skip = command("S_kip bake", KeyCode.K, Feather.SKIP_FORWARD, model.canSkipBake(), model::skipBake);
        Command approve = command("_Approve gate", KeyCode.G, Feather.CHECK, model.canApproveGate(), model::approveGate);
        Command risk = command("Accept _risk", KeyCode.A, Feather.ALERT_TRIANGLE, model.canAcceptRisk(), model::acceptRisk);
        Command override = command("_Override gate", KeyCode.O, Feather.SHIELD_OFF, model.canOverride(), model::overrideGate);
        Command weight = command("Set _weight…", KeyCode.W, Feather.SLIDERS, model.canSetWeight(), model::setWeight);
        Command abort = command("A_bort and roll back…", KeyCode.X, Feather.ROTATE_CCW, model.canAbort(), model::abort);
        Command takeOver = command("_Take over…", KeyCode.T, Feather.USER_CHECK, model.canTakeOver(), model::takeOver);
        commands = List.of(start, pause, resume, skip, approve, risk, override, weight, abort, takeOver);

        Label title = new Label("Progressive rollout");
        title.getStyleClass().add(RolloutStyles.TITLE);
        Label state = new Label();
        state.setId("rollout-state");
        state.getStyleClass().add(RolloutStyles.STATE);
        state.textProperty().bind(model.stateText());
        state.visibleProperty().bind(model.snapshotProperty().map(Optional::isPresent));
        model.snapshotProperty().subscribe(s -> {
            state.getStyleClass().removeIf(c -> c.startsWith("rollout-state-"));
            s.ifPresent(x -> state.getStyleClass().add(RolloutStyles.stateClass(x)));
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, state);
        head.setAlignment(Pos.CENTER_LEFT);

        ComboBox<RolloutPlan> plan = new ComboBox<>(model.plans());
        plan.setId("rollout-plan");
        plan.valueProperty().bindBidirectional(model.planProperty());
        plan.setConverter(new StringConverter<>() {
            @Override
            public String toString(RolloutPlan p) {
                return p == null ? "" : p.name();
            }

            @Override
            public RolloutPlan fromString(String s) {
                return null;
            }
        });
        plan.setMaxWidth(Double.MAX_VALUE);
        plan.setAccessibleText("Rollout plan");
        ComboBox<String> version = new ComboBox<>(model.versions());
        version.setId("rollout-version");
        version.valueProperty().bindBidirectional(model.targetProperty());
        version.setPromptText("no other version");
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : "v" + v;
            }

            @Override
            public String fromString(String s) {
                return s == null ? null : s.replaceFirst("^v", "");
            }
        });
        version.setAccessibleText("Version to roll out");
        version.setMinWidth(90);
        GridPane pickers = new GridPane();
        pickers.setHgap(8);
        pickers.setVgap(6);
        pickers.addRow(0, key("Plan"), plan);
        pickers.addRow(1, key("Version"), version);
        GridPane.setHgrow(plan, Priority.ALWAYS);
        pickers.disableProperty().bind(model.running());
        Label summary = hint(model.planProperty().map(p -> p == null ? "" : PlanTimeline.summary(p) + ": " + p.describe()));
        summary.setId("rollout-plan-summary");
        PlanTimelineView timeline = new PlanTimelineView(model.planProperty(), model.snapshotProperty());
        javafx.scene.control.CheckBox pauseOnFailure = new javafx.scene.control.CheckBox(
                "When a gate fails, pause for me instead of rolling back at once");
        pauseOnFailure.setId("rollout-pause-on-failure");
        pauseOnFailure.setWrapText(true);
        pauseOnFailure.selectedProperty().bindBidirectional(model.pauseOnFailureProperty());
        pauseOnFailure.disableProperty().bind(model.running());
        Button startButton = start.button("rollout-start", "Start rollout…");
        Button takeOverButton = takeOver.button("rollout-take-over", "Take over…");
        takeOverButton.visibleProperty().bind(model.canTakeOver());
        takeOverButton.managedProperty().bind(takeOverButton.visibleProperty());

        GridPane progress = new GridPane();
        progress.setHgap(8);
        progress.setVgap(3);
        row(progress, 0, "Step", value("rollout-step", model.stepText()));
        row(progress, 1, "Canary", value("rollout-canary", model.canaryText()));
        Label waiting = value("rollout-waiting", model.waitingText());
        waiting.getStyleClass().add(RolloutStyles.WAITING);
        row(progress, 2, "Now", waiting);
        progress.visibleProperty().bind(model.snapshotProperty().map(Optional::isPresent));
        progress.managedProperty().bind(progress.visibleProperty());

        Label whyTitle = subtitle("Why");
        GridPane why = new GridPane();
        why.setId("rollout-why");
        why.getStyleClass().add(RolloutStyles.WHY);
        why.setHgap(8);
        why.setVgap(3);
        model.why().addListener((ListChangeListener<RolloutWhy.Line>) c -> {
            why.getChildren().clear();
            for (int i = 0; i < model.why().size(); i++) {
                RolloutWhy.Line line = model.why().get(i);
                Label text = new Label(line.text());
                text.setWrapText(true);
                text.setId("rollout-why-" + line.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
                row(why, i, line.label(), text);
            }
        });
        VBox whyBox = new VBox(4, whyTitle, why, topErrors);
        whyBox.visibleProperty().bind(model.snapshotProperty().map(Optional::isPresent));
        whyBox.managedProperty().bind(whyBox.visibleProperty());

        TextField reason = new TextField();
        reason.setId("rollout-reason");
        reason.setPromptText("Reason (recorded; needed to override or accept risk)");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        TextField weightField = new TextField();
        weightField.setId("rollout-weight");
        weightField.setPromptText("e.g. 25");
        weightField.setPrefColumnCount(5);
        weightField.textProperty().bindBidirectional(model.weightTextProperty());
        FieldChecks.refuseWith(weightField, RolloutPanelModel::weightRefusal);
        FlowPane controls = new FlowPane(6, 6, pause.button("rollout-pause", "Pause"),
                resume.button("rollout-resume", "Resume"), skip.button("rollout-skip", "Skip bake"),
                approve.button("rollout-approve", "Approve gate"), abort.button("rollout-abort", "Abort"));
        FlowPane judged = new FlowPane(6, 6, override.button("rollout-override", "Override"),
                risk.button("rollout-accept-risk", "Accept risk"), new Label("Weight %"), weightField,
                weight.button("rollout-set-weight", "Set weight"));
        judged.setAlignment(Pos.CENTER_LEFT);
        VBox controlBox = new VBox(6, controls, reason, judged);
        controlBox.visibleProperty().bind(model.snapshotProperty().map(s -> s.filter(x -> !x.finished()).isPresent()));
        controlBox.managedProperty().bind(controlBox.visibleProperty());

        Label problem = new Label();
        problem.setId("rollout-problem");
        problem.getStyleClass().add(RolloutStyles.PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        VBox history = new VBox(2);
        history.setId("rollout-history");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("MMM d HH:mm");
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        model.history().addListener((ListChangeListener<RolloutHistory.Row>) c -> {
            history.getChildren().clear();
            for (RolloutHistory.Row r : model.history()) {
                Label l = new Label(when.format(r.startedAt().atZone(zone)) + "  v" + r.target() + " by " + r.plan()
                        + ": " + r.stateWords() + (r.message().isBlank() ? "" : ". " + r.message()));
                l.setWrapText(true);
                l.getStyleClass().add(RolloutStyles.HISTORY_ROW);
                history.getChildren().add(l);
            }
            if (model.history().isEmpty()) {
                history.getChildren().add(hint(new javafx.beans.property.SimpleStringProperty("No rollouts of this alias yet.")));
            }
        });
        history.getChildren().add(hint(new javafx.beans.property.SimpleStringProperty("No rollouts of this alias yet.")));

        root.getChildren().addAll(head, pickers, summary, timeline.node(), pauseOnFailure, startButton, problem, takeOverButton,
                progress, whyBox,
                controlBox, subtitle("History"), history);
        root.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                commands.forEach(cmd -> cmd.accelerator().ifPresent(was.getAccelerators()::remove));
            }
            if (now != null) {
                registerShortcuts(now);
            }
        });
    }

    /**
     * Links the "why" to the canary's own words: its most frequent error signatures (from the Logs
     * view's grouping, {@code groups}), each a link that {@code show} lists the events of.
     */
    public void linkErrors(ObservableList<ErrorGroup> groups, Consumer<ErrorSignature> show) {
        Runnable render = () -> {
            topErrors.getChildren().clear();
            Optional<String> canary = model.snapshotProperty().get().map(RolloutSnapshot::targetVersion);
            if (canary.isEmpty()) {
                return;
            }
            List<ErrorGroup> top = groups.stream().filter(g -> g.count(canary.get()) > 0)
                    .sorted(java.util.Comparator.comparingInt((ErrorGroup g) -> g.count(canary.get())).reversed())
                    .limit(TOP_ERRORS).toList();
            if (top.isEmpty()) {
                return;
            }
            Label title = new Label("v" + canary.get() + "'s top errors in its logs:");
            title.getStyleClass().add(RolloutStyles.HINT);
            topErrors.getChildren().add(title);
            for (ErrorGroup g : top) {
                Hyperlink link = new Hyperlink(g.count(canary.get()) + " × " + g.signature().text()
                        + g.onlyIn().filter(canary.get()::equals).map(v -> "  (only in v" + v + ")").orElse(""));
                link.setWrapText(true);
                link.setTooltip(new javafx.scene.control.Tooltip("List these events in the Logs view below the charts"));
                link.setOnAction(e -> show.accept(g.signature()));
                topErrors.getChildren().add(link);
            }
        };
        groups.addListener((ListChangeListener<ErrorGroup>) c -> render.run());
        model.snapshotProperty().addListener((o, was, now) -> {
            if (!was.map(RolloutSnapshot::targetVersion).equals(now.map(RolloutSnapshot::targetVersion))) {
                render.run();
            }
        });
        render.run();
    }

    public Node node() {
        return root;
    }

    public RolloutPanelModel model() {
        return model;
    }

    /** Ctrl+Alt+S start, P pause, R resume, K skip bake, G approve gate, A accept risk, O override, W weight, X abort, T take over. */
    private void registerShortcuts(Scene scene) {
        for (Command cmd : commands) {
            cmd.accelerator().ifPresent(k -> scene.getAccelerators().put(k, () -> {
                if (showing()) {
                    cmd.runIfEnabled();
                }
            }));
        }
    }

    /** The panel and every ancestor visible: its tab is the one showing. */
    private boolean showing() {
        for (Parent p = root; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return root.getScene() != null;
    }

    private static Command command(String text, KeyCode code, Feather icon, javafx.beans.binding.BooleanBinding enabled,
                                   Runnable run) {
        return new Command(text, Optional.of(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.ALT_DOWN)), icon, enabled.not(), run);
    }

    private static Command command(String text, KeyCode code, Feather icon, javafx.beans.binding.BooleanBinding enabled,
                                   java.util.function.Supplier<?> run) {
        return command(text, code, icon, enabled, (Runnable) run::get);
    }

    private static void row(GridPane grid, int row, String key, Label value) {
        value.setWrapText(true);
        value.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(value, Priority.ALWAYS);
        grid.addRow(row, key(key), value);
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(RolloutStyles.KEY);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        return l;
    }

    private static Label hint(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.getStyleClass().add(RolloutStyles.HINT);
        l.textProperty().bind(text);
        l.setWrapText(true);
        return l;
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(RolloutStyles.SUBTITLE);
        return l;
    }
}

package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.WeightParser;
import com.lambdarelease.ui.common.FieldChecks;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/**
 * The editor's controls, bound to a {@link CanaryEditorModel}: canary version, slider (0.1 %
 * per arrow key), typed weight, presets, live preview, Reset and Apply. Pending and applied states
 * look different (the {@code :pending} pseudo-class and the badge).
 */
final class CanaryEditorView {

    private final VBox root = new VBox(8);

    CanaryEditorView(CanaryEditorModel model) {
        root.getStyleClass().addAll(CanaryStyles.SECTION, CanaryStyles.EDITOR);
        root.setId("canary-editor");

        Label title = new Label("Traffic split");
        title.getStyleClass().add(CanaryStyles.SECTION_TITLE);
        Label badge = new Label();
        badge.setId("canary-state");
        badge.getStyleClass().add(CanaryStyles.STATE_BADGE);
        badge.textProperty().bind(model.pending().map(p -> p ? "Pending: not applied" : "Applied"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, badge);
        head.setAlignment(Pos.CENTER_LEFT);

        Label applied = new Label();
        applied.setId("canary-applied");
        applied.getStyleClass().add(CanaryStyles.HINT);
        applied.textProperty().bind(model.appliedProperty().map(a -> a.map(CanaryEditorView::appliedText).orElse("")));

        ComboBox<String> version = new ComboBox<>(model.candidates());
        version.setId("canary-version");
        version.valueProperty().bindBidirectional(model.canaryVersionProperty());
        version.setPromptText("no other published version");
        version.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : "v" + v;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Label versionLabel = new Label("_Canary version");
        versionLabel.setMnemonicParsing(true);
        versionLabel.setLabelFor(version);
        versionLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox versionRow = new HBox(8, versionLabel, version);
        versionRow.setAlignment(Pos.CENTER_LEFT);

        Slider slider = new Slider(0, 100, 0);
        slider.setId("canary-slider");
        slider.setBlockIncrement(0.1);
        slider.setMajorTickUnit(25);
        slider.setMinorTickCount(4);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setAccessibleText("Canary share of traffic in percent");
        slider.valueProperty().bindBidirectional(model.weightPercentProperty());
        // Dragging lands on whole percents (the ticks people aim at); arrow keys still move 0.1 %.
        slider.valueProperty().addListener((obs, old, now) -> {
            double whole = Math.rint(now.doubleValue());
            if (slider.isValueChanging() && whole != now.doubleValue()) {
                slider.setValue(whole);
            }
        });
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                slider.setValue(Math.rint(slider.getValue()));
            }
        });

        TextField typed = new TextField();
        typed.setId("canary-weight");
        typed.setPrefColumnCount(5);
        typed.setAccessibleText("Canary share of traffic in percent, 0 to 100");
        typed.textProperty().bindBidirectional(model.weightTextProperty());
        FieldChecks.refuseWith(typed, WeightParser::refusal);
        Label weightLabel = new Label("_Weight");
        weightLabel.setMnemonicParsing(true);
        weightLabel.setLabelFor(typed);
        HBox presets = new HBox(4);
        for (double p : CanaryEditorModel.PRESETS) {
            Button b = new Button(WeightParser.format(p) + "%");
            b.setId("canary-preset-" + WeightParser.format(p));
            b.getStyleClass().add("small");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> model.choosePreset(p));
            presets.getChildren().add(b);
        }
        weightLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox weightRow = new HBox(6, weightLabel, typed, new Label("%"), presets);
        weightRow.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("canary-weight-error");
        error.setWrapText(true);
        error.getStyleClass().add(CanaryStyles.ERROR);
        error.textProperty().bind(model.inputErrorProperty());
        hideWhenEmpty(error);

        Label preview = new Label();
        preview.setId("canary-preview");
        preview.getStyleClass().add(CanaryStyles.PREVIEW);
        // While the typed weight is refused there is nothing to preview: never show a split that is not typed.
        preview.textProperty().bind(model.inputErrorProperty().flatMap(refused -> refused.isEmpty() ? model.preview()
                : new javafx.beans.property.SimpleStringProperty("No split to preview: the typed weight is refused.")));
        Label rate = new Label();
        rate.setId("canary-rate");
        rate.getStyleClass().add(CanaryStyles.HINT);
        rate.textProperty().bind(model.canaryRate());

        Label blockers = new Label();
        blockers.setId("canary-blockers");
        blockers.setWrapText(true);
        blockers.getStyleClass().add(CanaryStyles.ERROR);
        blockers.textProperty().bind(model.blockers());
        hideWhenEmpty(blockers);
        Label warning = new Label();
        warning.setWrapText(true);
        warning.getStyleClass().add(CanaryStyles.WARNING);
        warning.textProperty().bind(model.warning());
        hideWhenEmpty(warning);
        Label loadProblem = new Label();
        loadProblem.setWrapText(true);
        loadProblem.getStyleClass().add(CanaryStyles.ERROR);
        loadProblem.textProperty().bind(model.loadProblemProperty());
        hideWhenEmpty(loadProblem);

        Button reset = new Button("_Reset", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("canary-reset");
        reset.setTooltip(new Tooltip("Back to the applied split"));
        reset.disableProperty().bind(model.pending().not().or(model.busyProperty()));
        reset.setOnAction(e -> model.reset());
        Button apply = new Button("_Apply", new FontIcon(Feather.CHECK));
        apply.setId("canary-apply");
        apply.getStyleClass().add("accent");
        apply.setTooltip(new Tooltip("Send UpdateAlias with this routing and the alias's RevisionId"));
        apply.disableProperty().bind(model.canApply().not());
        apply.setOnAction(e -> model.apply());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox actions = new HBox(8, progress, push, reset, apply);
        actions.setAlignment(Pos.CENTER_RIGHT);

        typed.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.reset();
                e.consume();
            }
        });
        model.pending().addListener((obs, was, now) -> root.pseudoClassStateChanged(CanaryStyles.PENDING, now));

        root.getChildren().addAll(head, applied, versionRow, slider, weightRow, error, preview, rate, blockers,
                warning, loadProblem, actions);
    }

    Node node() {
        return root;
    }

    private static String appliedText(AliasRoute a) {
        return "Applied: " + a.split().arrows() + "  ·  revision " + shortRevision(a.revisionId());
    }

    private static String shortRevision(String id) {
        return Optional.ofNullable(id).map(s -> s.length() > 8 ? s.substring(0, 8) + "…" : s).orElse("?");
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}

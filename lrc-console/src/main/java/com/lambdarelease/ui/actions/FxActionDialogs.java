package com.lambdarelease.ui.actions;

import com.lambdarelease.release.WeightParser;
import com.lambdarelease.ui.common.FieldChecks;
import com.lambdarelease.ui.common.FxDialogService;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link ActionDialogs} as JavaFX dialogs: inline validation, OK disabled while the form is invalid. */
public final class FxActionDialogs implements ActionDialogs {

    public static final String ALIAS_NAME_ID = "alias-name";
    public static final String ALIAS_VERSION_ID = "alias-version";
    public static final String ALIAS_ADDITIONAL_ID = "alias-additional";
    public static final String ALIAS_WEIGHT_ID = "alias-weight";
    public static final String ALIAS_DESCRIPTION_ID = "alias-description";
    public static final String PUBLISH_DESCRIPTION_ID = "publish-description";
    public static final String PUBLISH_VERDICT_ID = "publish-changes";
    public static final String PUBLISH_DIFFERENCES_ID = "publish-differences";
    public static final String PUBLISH_AFTER_ID = "publish-after";
    public static final String PROBLEM_ID = "form-problem";

    private final Supplier<Window> owner;

    public FxActionDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Boolean> editAlias(String title, String action, AliasForm form) {
        TextField name = new TextField();
        name.setId(ALIAS_NAME_ID);
        name.textProperty().bindBidirectional(form.nameProperty());
        name.setEditable(form.isCreating());
        name.setPromptText("e.g. prod");
        ComboBox<String> version = combo(ALIAS_VERSION_ID, form.versionChoices(), form.primaryVersionProperty(),
                form.versionHealth());
        List<String> extras = new ArrayList<>();
        extras.add("");
        extras.addAll(form.publishedChoices());
        ComboBox<String> additional = combo(ALIAS_ADDITIONAL_ID, extras, form.additionalVersionProperty(),
                form.versionHealth());
        // Typed text, read by the core's weight parser: 150 or "abc" is refused in the problem line, never clamped.
        TextField weight = new TextField();
        weight.setId(ALIAS_WEIGHT_ID);
        weight.setPromptText("e.g. 10 or 12.5");
        weight.setPrefColumnCount(8);
        weight.textProperty().bindBidirectional(form.weightTextProperty());
        weight.disableProperty().bind(form.additionalVersionProperty().isEmpty());
        // (a disabled field is not sent, so its text is not judged)
        FieldChecks.refuseWith(weight, text -> weight.isDisabled() ? Optional.empty() : WeightParser.refusal(text));
        TextField description = new TextField();
        description.setId(ALIAS_DESCRIPTION_ID);
        description.textProperty().bindBidirectional(form.descriptionProperty());

        GridPane grid = grid();
        grid.addRow(0, label("_Name", name), name);
        grid.addRow(1, label("_Version", version), version);
        grid.addRow(2, label("_Additional version", additional), additional);
        grid.addRow(3, label("_Weight of additional (%)", weight), weight);
        grid.addRow(4, label("_Description", description), description);
        grid.addRow(5, new Label("Before"), new Label(form.before()));
        Label after = new Label();
        after.textProperty().bind(form.afterProperty());
        after.getStyleClass().add("before-after-value");
        after.setWrapText(true);
        grid.addRow(6, new Label("After"), after);

        VBox notes = new VBox(4);
        Runnable showNotes = () -> notes.getChildren().setAll(java.util.stream.Stream.concat(form.notes().stream(),
                form.sentAs().stream()).map(n -> (Node) note(n, "preflight-note")).toList());
        form.notes().addListener((javafx.beans.InvalidationListener) o -> showNotes.run());
        form.sentAs().addListener((javafx.beans.InvalidationListener) o -> showNotes.run());
        showNotes.run();
        Label problem = inline(PROBLEM_ID, "form-problem");
        problem.textProperty().bind(form.problemProperty());
        Label hint = inline("form-hint", "preflight-note");
        hint.textProperty().bind(form.unchangedProperty().map(u -> u ? "Change the version, the weight or the description." : ""));
        Label server = inline("form-server-error", "form-server-error");
        server.textProperty().bind(form.serverErrorProperty().map(s -> s.isEmpty() ? "" : "AWS refused the last attempt: " + s));

        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        VBox content = new VBox(10, grid, notes, problem, hint, server);
        content.setPrefWidth(560);
        Dialog<ButtonType> dialog = dialog(title, content, go);
        dialog.getDialogPane().lookupButton(go).disableProperty().bind(form.invalidProperty());
        (form.isCreating() ? name : version).requestFocus();
        return show(dialog).thenApply(b -> b == go);
    }

    /**
     * The focus starts in the description field, and nothing typed there publishes: the Publish
     * button is not the default button (Enter in the field does not press it) and never holds the
     * focus at opening (where a space would press it). The verdict follows the form, which the
     * caller refreshes while the dialog is open.
     */
    @Override
    public CompletableFuture<Boolean> publish(PublishForm form) {
        TextField description = new TextField();
        description.setId(PUBLISH_DESCRIPTION_ID);
        description.setPromptText("What is in this version (optional)");
        description.textProperty().bindBidirectional(form.descriptionProperty());
        GridPane grid = grid();
        Label before = new Label();
        before.textProperty().bind(form.beforeProperty());
        Label after = new Label();
        after.textProperty().bind(form.afterProperty());
        after.setId(PUBLISH_AFTER_ID);
        grid.addRow(0, new Label("Before"), before);
        grid.addRow(1, new Label("After"), after);
        grid.addRow(2, label("_Description", description), description);
        Label verdict = note("", "preflight-note");
        verdict.setId(PUBLISH_VERDICT_ID);
        verdict.textProperty().bind(form.verdictProperty());
        Runnable style = () -> {
            verdict.getStyleClass().removeAll("form-warning", "preflight-note");
            verdict.getStyleClass().add(form.returnsExisting() ? "form-warning" : "preflight-note");
        };
        form.returnsExistingProperty().addListener(o -> style.run());
        style.run();
        Label differences = note("", "preflight-note");
        differences.setId(PUBLISH_DIFFERENCES_ID);
        differences.textProperty().bind(form.differencesProperty());
        ButtonType go = new ButtonType("_Publish", ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog("Publish new version of " + form.latest().functionName(),
                new VBox(10, verdict, differences, grid), go);
        javafx.scene.control.Button publish = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(go);
        publish.setDefaultButton(false);
        dialog.setOnShown(e -> {
            description.requestFocus();
            javafx.application.Platform.runLater(description::requestFocus); // after the dialog's own focus pass
        });
        return show(dialog).thenApply(b -> b == go);
    }

    @Override
    public CompletableFuture<Optional<String>> chooseVersion(String title, String prompt, List<String> choices,
                                                             String preselected) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(preselected, choices);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        dialog.setContentText("Version");
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId(FxDialogService.OK_BUTTON_ID);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        dialog.setOnHidden(e -> answer.complete(Optional.ofNullable(dialog.getResult())));
        dialog.show();
        return answer;
    }

    private Dialog<ButtonType> dialog(String title, Node content, ButtonType go) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinWidth(520);
        dialog.getDialogPane().lookupButton(go).setId(FxDialogService.OK_BUTTON_ID);
        dialog.setResizable(true);
        // A refusal or a pre-flight note that appears while typing must not push the buttons out of the window.
        content.layoutBoundsProperty().addListener((obs, was, now) -> {
            Window window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (window != null && now.getHeight() != was.getHeight()) {
                javafx.application.Platform.runLater(window::sizeToScene);
            }
        });
        return dialog;
    }

    private CompletableFuture<ButtonType> show(Dialog<ButtonType> dialog) {
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        CompletableFuture<ButtonType> answer = new CompletableFuture<>();
        dialog.setOnHidden(e -> answer.complete(dialog.getResult()));
        dialog.show();
        return answer;
    }

    private static ComboBox<String> combo(String id, List<String> items, javafx.beans.property.StringProperty value) {
        return combo(id, items, value, FXCollections.observableHashMap());
    }

    private static StringConverter<String> versionText(javafx.collections.ObservableMap<String, String> health) {
        return new StringConverter<>() {
            @Override
            public String toString(String v) {
                if (v == null || v.isEmpty()) {
                    return "(none)";
                }
                String note = health.get(v);
                return note == null ? v : v + "  —  " + note;
            }

            @Override
            public String fromString(String s) {
                return "(none)".equals(s) ? "" : s;
            }
        };
    }

    /** A version picker; each version is followed by how it fared recently ({@code health}) once known. */
    private static ComboBox<String> combo(String id, List<String> items, javafx.beans.property.StringProperty value,
                                          javafx.collections.ObservableMap<String, String> health) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(versionText(health));
        // Metrics arrive after the dialog opens: a new converter redraws the shown value when they do.
        health.addListener((javafx.collections.MapChangeListener<String, String>) c -> box.setConverter(versionText(health)));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.getStyleClass().add("before-after");
        return grid;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        // A long choice (a version with its health) widens its field; the label keeps its words.
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label inline(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(560);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private static Label note(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(560);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }
}

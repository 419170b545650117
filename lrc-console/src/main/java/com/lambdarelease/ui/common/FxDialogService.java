package com.lambdarelease.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link DialogService} with JavaFX dialogs owned by the main window; never waits (show, not showAndWait). */
public final class FxDialogService implements DialogService {

    public static final String CONFIRM_ID = "confirm-change";
    public static final String CONFLICT_ID = "conflict";
    public static final String OK_BUTTON_ID = "dialog-ok";
    /** The checkbox a confirmation may need ticked before its action is enabled. */
    public static final String TICK_ID = "confirm-tick";

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after) {
        return confirmChange(title, action, before, after, List.of());
    }

    @Override
    public CompletableFuture<Boolean> showConflict(String title, String yourChange, String theirState) {
        return showConflict(title, "", theirState, yourChange);
    }

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after,
                                                    List<String> notes) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = confirmation(go, before, after, notes);
        return ask(alert, title).thenApply(b -> b == go);
    }

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after,
                                                    List<String> notes, String mustTick) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = confirmation(go, before, after, notes);
        CheckBox tick = new CheckBox(mustTick);
        tick.setId(TICK_ID);
        tick.setWrapText(true);
        ((VBox) alert.getDialogPane().getContent()).getChildren().add(tick);
        alert.getDialogPane().lookupButton(go).disableProperty().bind(tick.selectedProperty().not());
        return ask(alert, title).thenApply(b -> b == go && tick.isSelected());
    }

    private static Alert confirmation(ButtonType go, String before, String after, List<String> notes) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        GridPane grid = beforeAfter(new String[][]{{"Before", before}, {"After", after}});
        VBox content = new VBox(10, grid);
        notes.forEach(n -> content.getChildren().add(note(n)));
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(CONFIRM_ID);
        alert.getDialogPane().lookupButton(go).setId(OK_BUTTON_ID);
        return alert;
    }

    @Override
    public CompletableFuture<Boolean> showConflict(String title, String whenLoaded, String now, String yourChange) {
        ButtonType reload = new ButtonType("_Reload", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", reload, ButtonType.CANCEL);
        Label lead = new Label("Someone else changed this since you loaded it. Nothing was overwritten.");
        lead.setWrapText(true);
        GridPane grid = whenLoaded.isEmpty()
                ? beforeAfter(new String[][]{{"Now (their change)", now}, {"Your change (not applied)", yourChange}})
                : beforeAfter(new String[][]{{"When you loaded it", whenLoaded}, {"Now (their change)", now},
                {"Your change (not applied)", yourChange}});
        alert.getDialogPane().setContent(new VBox(10, lead, grid));
        alert.getDialogPane().setId(CONFLICT_ID);
        alert.getDialogPane().lookupButton(reload).setId(OK_BUTTON_ID);
        return ask(alert, title).thenApply(b -> b == reload);
    }

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, ErrorText.describe(error), ButtonType.OK);
        alert.setHeaderText(ErrorText.headline(error));
        ask(alert, title);
    }

    @Override
    public void inform(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        ask(alert, title);
    }

    private static GridPane beforeAfter(String[][] rows) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getStyleClass().add("before-after");
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().add("before-after-key");
            key.setMinWidth(Label.USE_PREF_SIZE); // "Your change (not applied)" whole; the value wraps instead
            Label value = new Label(rows[i][1]);
            value.getStyleClass().add("before-after-value");
            value.setWrapText(true);
            value.setMaxWidth(560);
            value.setMinHeight(Label.USE_PREF_SIZE);
            grid.addRow(i, key, value);
        }
        return grid;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.getStyleClass().add("preflight-note");
        return l;
    }

    private CompletableFuture<ButtonType> ask(Alert alert, String title) {
        alert.setTitle(title);
        if (alert.getHeaderText() == null || alert.getHeaderText().isEmpty() || alert.getAlertType() != Alert.AlertType.ERROR) {
            alert.setHeaderText(title);
        }
        alert.getDialogPane().setMinWidth(460);
        alert.setResizable(true);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // buttons never pushed out
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        CompletableFuture<ButtonType> answer = new CompletableFuture<>();
        alert.setOnHidden(e -> answer.complete(alert.getResult()));
        alert.show();
        return answer;
    }
}

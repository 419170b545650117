package com.lambdarelease.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link DialogService} with JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Before:  " + before + "\nAfter:     " + after, go, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return ask(alert).thenApply(b -> b == go);
    }

    @Override
    public CompletableFuture<Boolean> showConflict(String title, String yourChange, String theirState) {
        ButtonType reload = new ButtonType("Reload", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING,
                "Someone else changed this since you loaded it. Nothing was overwritten.\n\nNow:  " + theirState
                        + "\nYour change (not applied):  " + yourChange, reload, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return ask(alert).thenApply(b -> b == reload);
    }

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, ErrorText.describe(error), ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        ask(alert);
    }

    private CompletableFuture<ButtonType> ask(Alert alert) {
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

package com.lambdarelease.ui.sso;

import com.lambdarelease.service.connection.ConnectionSpec;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Consumer;

/** The Identity Center sign-in as a dialog: Connect turns the picked account, role and region into a connection. */
public final class SsoSignInDialog {

    private final Dialog<ConnectionSpec> dialog = new Dialog<>();

    public SsoSignInDialog(SsoPickerModel model, Window owner) {
        dialog.setTitle("IAM Identity Center");
        dialog.setHeaderText(null);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType connect = new ButtonType("_Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new SsoPickerView(model).node());
        dialog.getDialogPane().setPrefSize(780, 620);
        dialog.getDialogPane().setMinWidth(720);
        dialog.setResizable(true);
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(model.canConnectProperty().not());
        dialog.setResultConverter(b -> b == connect ? model.connect().orElse(null) : null);
        model.load();
    }

    /** Shows the dialog; the connection arrives when the operator closes it (empty on Cancel). */
    public void show(Consumer<Optional<ConnectionSpec>> answer) {
        dialog.setOnHidden(e -> answer.accept(Optional.ofNullable(dialog.getResult())));
        dialog.show();
    }

    Dialog<ConnectionSpec> dialog() {
        return dialog;
    }
}

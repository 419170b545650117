package com.lambdarelease.ui.sso;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The status bar's Identity Center part: time left, and Extend (or Sign in again) when it is near or past. */
public final class SsoExpiryView {

    public static final String TEXT_ID = "sso-expiry";
    public static final String EXTEND_ID = "sso-extend";

    private final HBox root;

    public SsoExpiryView(SsoExpiryModel model) {
        Label text = new Label();
        text.setId(TEXT_ID);
        text.setGraphic(new FontIcon(Feather.USER_CHECK));
        text.textProperty().bind(model.textProperty());
        text.getStyleClass().add("sso-expiry");
        text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the latest message gives way, not the time left
        model.expiredProperty().subscribe(e -> {
            text.getStyleClass().remove("danger");
            if (e) {
                text.getStyleClass().add("danger");
            }
        });
        Button extend = new Button();
        extend.setId(EXTEND_ID);
        extend.getStyleClass().addAll("small", "accent");
        extend.textProperty().bind(model.expiredProperty().map(e -> e ? "Sign in again" : "Extend"));
        extend.visibleProperty().bind(model.offerExtendProperty());
        extend.managedProperty().bind(extend.visibleProperty());
        extend.setOnAction(e -> model.extend());
        root = new HBox(6, text, extend);
        root.setAlignment(Pos.CENTER_LEFT);
        root.visibleProperty().bind(model.activeProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Node node() {
        return root;
    }
}

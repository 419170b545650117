package com.lambdarelease.ui.common;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import javafx.scene.Cursor;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A filter field with a clear button that shows once something is typed. AtlantaFX's own text field
 * with a right-hand node, so it keeps the theme's look (ControlsFX's clearable field brings a style of
 * its own that drops the theme's border); Esc in the field clears it too.
 */
public final class FilterField {

    public static final String CLEAR_STYLE = "filter-clear";

    private FilterField() {
    }

    public static TextField create(String prompt) {
        CustomTextField field = new CustomTextField();
        field.setPromptText(prompt);
        FontIcon clear = new FontIcon(Feather.X);
        clear.getStyleClass().addAll(CLEAR_STYLE, Styles.TEXT_SUBTLE);
        clear.setCursor(Cursor.HAND);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.setOnMouseClicked(e -> {
            field.clear();
            field.requestFocus();
        });
        field.setRight(clear);
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            }
        });
        return field;
    }
}

package com.lambdarelease.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/**
 * One operator action, offered the same way from a button, a menu (with its shortcut) and a
 * context menu: same words, same icon, enabled under the same condition.
 *
 * @param text        label with a mnemonic ("_Publish new version…")
 * @param accelerator the keyboard shortcut, if any
 * @param icon        Feather icon
 * @param disabled    true while the action makes no sense (nothing selected, ...)
 * @param run         what it does (on the FX thread; must not block)
 */
public record Command(String text, Optional<KeyCombination> accelerator, Ikon icon, ObservableBooleanValue disabled,
                      Runnable run) {

    public MenuItem menuItem() {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setMnemonicParsing(true);
        accelerator.ifPresent(item::setAccelerator);
        item.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(disabled::get, disabled));
        item.setOnAction(e -> run.run());
        return item;
    }

    /**
     * A toolbar button with a short {@code label}: same action; the tooltip gives the full name and
     * the shortcut. No mnemonic, so Alt+letter stays with the menus.
     */
    public Button button(String id, String label) {
        Button b = new Button(label, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "P…": a narrow toolbar wraps instead
        b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(disabled::get, disabled));
        b.setOnAction(e -> run.run());
        String plain = text.replace("_", "");
        b.setTooltip(new Tooltip(accelerator.map(a -> plain + " (" + a.getDisplayText() + ")").orElse(plain)));
        return b;
    }

    /** Runs the action if it is enabled now (for keys handled outside menus). */
    public void runIfEnabled() {
        if (!disabled.get()) {
            run.run();
        }
    }
}

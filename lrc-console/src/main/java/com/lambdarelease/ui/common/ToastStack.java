package com.lambdarelease.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.IdentityHashMap;
import java.util.Map;

/** Draws a {@link ToastNotifier}'s toasts in the window's corner as AtlantaFX notifications; each goes after a while or on its close button. */
public final class ToastStack {
    public static final String STYLE_STACK = "toast-stack";
    public static final String STYLE_TOAST = "toast";

    private static final Duration SUCCESS_TIME = Duration.seconds(6);
    private static final Duration FAILURE_TIME = Duration.seconds(15);

    private final VBox box = new VBox(8);
    private final Map<Toast, Node> shown = new IdentityHashMap<>();

    public ToastStack(ToastNotifier notifier) {
        box.getStyleClass().add(STYLE_STACK);
        box.setAlignment(Pos.BOTTOM_RIGHT);
        box.setPickOnBounds(false);
        box.setMaxSize(420, javafx.scene.layout.Region.USE_PREF_SIZE);
        notifier.toasts().addListener((ListChangeListener<Toast>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(t -> box.getChildren().remove(shown.remove(t)));
                change.getAddedSubList().forEach(t -> add(notifier, t));
            }
        });
    }

    public Node node() {
        return box;
    }

    private void add(ToastNotifier notifier, Toast toast) {
        // AtlantaFX's notification: the theme's card, close button and action row, in the toast's colour.
        Notification card = new Notification(toast.title() + "\n" + toast.message(), icon(toast.kind()));
        card.setOnClose(e -> notifier.toasts().remove(toast));
        toast.action().ifPresent(a -> {
            Button act = new Button(a.label());
            act.setId("toast-action");
            act.setOnAction(e -> {
                notifier.toasts().remove(toast);
                a.run().run();
            });
            card.setPrimaryActions(act);
        });
        card.getStyleClass().addAll(STYLE_TOAST, Styles.ELEVATED_2, switch (toast.kind()) {
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case FAILURE -> Styles.DANGER;
        });
        card.setMaxWidth(420);
        card.setPrefWidth(420);
        shown.put(toast, card);
        box.getChildren().add(card);
        PauseTransition timer = new PauseTransition(toast.kind() == Toast.Kind.FAILURE ? FAILURE_TIME : SUCCESS_TIME);
        timer.setOnFinished(e -> notifier.toasts().remove(toast));
        card.setOnMouseEntered(e -> timer.pause());
        card.setOnMouseExited(e -> timer.play());
        timer.play();
    }

    private static Node icon(Toast.Kind kind) {
        FontIcon icon = new FontIcon(switch (kind) {
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case INFO -> Feather.INFO;
            case FAILURE -> Feather.ALERT_TRIANGLE;
        });
        return icon;
    }
}

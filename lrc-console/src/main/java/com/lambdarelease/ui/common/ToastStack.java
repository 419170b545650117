package com.lambdarelease.ui.common;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.IdentityHashMap;
import java.util.Map;

/** Draws a {@link ToastNotifier}'s toasts in the window's corner; each fades after a while or on its close button. */
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
        Label title = new Label(toast.title());
        title.getStyleClass().add("toast-title");
        Label message = new Label(toast.message());
        message.setWrapText(true);
        message.getStyleClass().add("toast-message");
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("flat", "toast-close");
        close.setOnAction(e -> notifier.toasts().remove(toast));
        HBox head = new HBox(6, icon(toast.kind()), title);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        head.getChildren().add(close);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, head, message);
        toast.action().ifPresent(a -> {
            Button act = new Button(a.label());
            act.setId("toast-action");
            act.setOnAction(e -> {
                notifier.toasts().remove(toast);
                a.run().run();
            });
            HBox row = new HBox(act);
            row.setAlignment(Pos.CENTER_RIGHT);
            card.getChildren().add(row);
        });
        card.getStyleClass().addAll(STYLE_TOAST, "toast-" + toast.kind().name().toLowerCase(java.util.Locale.ROOT));
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
        icon.getStyleClass().add("toast-icon");
        return icon;
    }
}

package com.lambdarelease.ui.shell;

import com.lambdarelease.service.ClientActivity;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The bottom line of the window: the connection, the latest outcome, and when AWS throttles, that
 * the SDK is backing off and retrying (told by {@link ClientActivity#onThrottled}, on an SDK
 * thread; hops to the FX thread).
 */
public final class StatusBar {
    public static final String THROTTLE_ID = "status-throttle";
    /** The bar itself; its text is the latest outcome. */
    public static final String MESSAGE_ID = "status-message";
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final UiContext ui;
    private final StringProperty connection = new SimpleStringProperty(this, "connection", "Not connected");
    private final ReadOnlyStringWrapper throttle = new ReadOnlyStringWrapper(this, "throttle", "");
    private final org.controlsfx.control.StatusBar root;
    private int throttled;
    private long throttleGeneration;
    private final java.time.Duration quiet;

    /** The throttling note clears after {@link #QUIET} without another throttle: it is news, not a state. */
    public static final java.time.Duration QUIET = java.time.Duration.ofSeconds(30);

    public StatusBar(UiContext ui, ObservableStringValue lastMessage) {
        this(ui, lastMessage, QUIET);
    }

    /** @param quiet how long after the last throttle the note stays */
    public StatusBar(UiContext ui, ObservableStringValue lastMessage, java.time.Duration quiet) {
        this.ui = ui;
        this.quiet = quiet;
        Label conn = new Label();
        conn.textProperty().bind(connection);
        conn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long message gives way, never the connection
        conn.setGraphic(new FontIcon(Feather.SERVER));
        Label throttleLabel = new Label();
        throttleLabel.setId(THROTTLE_ID);
        throttleLabel.getStyleClass().add("status-throttle");
        throttleLabel.textProperty().bind(throttle);
        throttleLabel.setGraphic(new FontIcon(Feather.CLOCK));
        throttleLabel.visibleProperty().bind(throttle.isNotEmpty());
        throttleLabel.managedProperty().bind(throttleLabel.visibleProperty());
        // ControlsFX's status bar: the connection on the left, the latest outcome as its text, notes on the right.
        root = new org.controlsfx.control.StatusBar();
        root.setId(MESSAGE_ID);
        root.textProperty().bind(lastMessage);
        root.getLeftItems().setAll(conn, new Separator(Orientation.VERTICAL));
        root.getRightItems().setAll(throttleLabel);
        root.setPadding(new Insets(4, 10, 4, 10));
    }

    /** Follows {@code activity}'s throttling events; returns what stops following. */
    public Runnable watch(ClientActivity activity) {
        throttled = 0;
        throttle.set("");
        return activity.onThrottled(event -> ui.fx().execute(() -> onThrottled(event)));
    }

    private void onThrottled(ClientActivity.Throttled event) {
        throttled++;
        LocalTime at = LocalTime.ofInstant(ui.clock().instant(), ZoneId.systemDefault());
        throttle.set("AWS throttled " + throttled + (throttled == 1 ? " request" : " requests") + " (last "
                + event.operation() + " at " + HMS.format(at) + "); the SDK retries with backoff");
        long gen = ++throttleGeneration;
        ui.background().schedule(() -> ui.fx().execute(() -> {
            if (gen == throttleGeneration) { // nothing throttled since: the note has served
                throttle.set("");
                throttled = 0;
            }
        }), quiet.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Adds {@code node} (the Identity Center time left) before the throttling note. */
    public void showAlso(Node node) {
        root.getRightItems().add(0, node);
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty throttleProperty() {
        return throttle.getReadOnlyProperty();
    }

    public Node node() {
        return root;
    }
}

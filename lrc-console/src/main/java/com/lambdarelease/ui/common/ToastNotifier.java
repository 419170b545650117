package com.lambdarelease.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * {@link Notifier} that keeps the toasts on screen (newest last, at most {@link #MAX_VISIBLE}) and
 * the latest message for the status bar. Holds no Node: {@link ToastStack} draws it.
 */
public final class ToastNotifier implements Notifier {
    static final int MAX_VISIBLE = 4;

    private final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper(this, "last", "");
    private final ObservableList<Toast> toasts = FXCollections.observableArrayList();

    public ReadOnlyStringProperty lastMessageProperty() {
        return last.getReadOnlyProperty();
    }

    /** The toasts showing now; the stack removes one when it times out or is closed. */
    public ObservableList<Toast> toasts() {
        return toasts;
    }

    @Override
    public void success(String message) {
        post(new Toast(Toast.Kind.SUCCESS, "Done", message));
    }

    @Override
    public void info(String message) {
        post(new Toast(Toast.Kind.INFO, "Note", message));
    }

    @Override
    public void failure(String what, Throwable error) {
        post(new Toast(Toast.Kind.FAILURE, ErrorText.headline(error), what + ": " + ErrorText.describe(error)));
    }

    @Override
    public void failure(String what, Throwable error, Toast.Action action) {
        post(new Toast(Toast.Kind.FAILURE, ErrorText.headline(error), what + ": " + ErrorText.describe(error),
                java.util.Optional.of(action)));
    }

    private void post(Toast toast) {
        last.set(toast.message());
        toasts.add(toast);
        while (toasts.size() > MAX_VISIBLE) {
            toasts.remove(0);
        }
    }
}

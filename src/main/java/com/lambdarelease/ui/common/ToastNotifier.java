package com.lambdarelease.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** {@link Notifier} that keeps the latest message for the status bar. STUB: toasts come with the console screens. */
public final class ToastNotifier implements Notifier {
    private final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper(this, "last", "");

    public ReadOnlyStringProperty lastMessageProperty() {
        return last.getReadOnlyProperty();
    }

    @Override
    public void success(String message) {
        last.set(message);
    }

    @Override
    public void info(String message) {
        last.set(message);
    }

    @Override
    public void failure(String what, Throwable error) {
        last.set(what + ": " + ErrorText.describe(error));
    }
}

package com.lambdarelease.ui.common;

/** Non-blocking notifications (toasts) for outcomes of operator actions. Call on the FX thread. */
public interface Notifier {
    void success(String message);

    void info(String message);

    /** A failed action: {@code what} failed, followed by AWS's message for {@code error}. */
    void failure(String what, Throwable error);

    /** Like {@link #failure(String, Throwable)}, offering {@code action} (Retry, say) on the notification. */
    default void failure(String what, Throwable error, Toast.Action action) {
        failure(what, error);
    }
}

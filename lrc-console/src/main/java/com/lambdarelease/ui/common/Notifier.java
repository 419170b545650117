package com.lambdarelease.ui.common;

import com.lambdarelease.release.Feedback;

/**
 * The console's side of the {@link Feedback} port: non-blocking notifications (toasts) for outcomes
 * of operator actions and for failures of background work. Call on the FX thread; {@link #anyThread}
 * gives the port as the core's background work calls it.
 */
public interface Notifier extends Feedback {

    /** Like {@link #failure(String, Throwable)}, offering {@code action} (Retry, say) on the notification. */
    default void failure(String what, Throwable error, Toast.Action action) {
        failure(what, error);
    }

    /** This notifier as a {@link Feedback} that may be called from any thread: each call runs on {@code fx}. */
    static Feedback anyThread(Notifier notifier, java.util.concurrent.Executor fx) {
        return new Feedback() {
            @Override
            public void success(String message) {
                fx.execute(() -> notifier.success(message));
            }

            @Override
            public void info(String message) {
                fx.execute(() -> notifier.info(message));
            }

            @Override
            public void failure(String what, Throwable error) {
                fx.execute(() -> notifier.failure(what, error));
            }
        };
    }
}

package com.lambdarelease.ui.common;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every view and view-model gets from the composition root.
 *
 * @param fx         runs work on the FX thread ({@code Platform::runLater} in the app, {@code Runnable::run} in view-model tests)
 * @param background a named daemon scheduler for timers such as metric polling; never the FX thread
 * @param clock      the time to reason with (injected so tests can move it)
 * @param dialogs    the one dialog service
 * @param notifier   the one non-blocking notification surface
 */
public record UiContext(Executor fx, ScheduledExecutorService background, Clock clock, DialogService dialogs,
                        Notifier notifier) {
}

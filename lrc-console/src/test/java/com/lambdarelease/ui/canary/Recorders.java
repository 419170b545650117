package com.lambdarelease.ui.canary;

import com.lambdarelease.ui.common.DialogService;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.Notifier;
import com.lambdarelease.ui.common.UiContext;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Dialogs and notifications that answer at once and remember what they were asked. */
final class Recorders {
    private Recorders() {
    }

    static final class Dialogs implements DialogService {
        final List<String> confirmations = new CopyOnWriteArrayList<>();
        final List<String> conflicts = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        volatile boolean confirm = true;
        volatile boolean reload = true;

        @Override
        public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after) {
            confirmations.add(before + " => " + after);
            return CompletableFuture.completedFuture(confirm);
        }

        @Override
        public CompletableFuture<Boolean> showConflict(String title, String yourChange, String theirState) {
            conflicts.add("yours: " + yourChange + " | theirs: " + theirState);
            return CompletableFuture.completedFuture(reload);
        }

        @Override
        public void showError(String title, Throwable error) {
            errors.add(title + ": " + ErrorText.describe(error));
        }
    }

    static final class Notes implements Notifier {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void success(String message) {
            messages.add(message);
        }

        @Override
        public void info(String message) {
            messages.add(message);
        }

        @Override
        public void failure(String what, Throwable error) {
            messages.add(what + ": " + ErrorText.describe(error));
        }
    }

    /** A scheduler whose cancelled tasks leave its queue at once, so a test can count live timers. */
    static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "test-timer");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /** View-model tests: FX work runs inline on the calling thread. */
    static UiContext inline(ScheduledThreadPoolExecutor scheduler, Clock clock, Dialogs dialogs, Notes notes) {
        return new UiContext(Runnable::run, scheduler, clock, dialogs, notes);
    }
}

package com.lambdarelease.ui.common;

import java.util.concurrent.CompletableFuture;

/**
 * The one place dialogs come from, so every confirmation and conflict looks the same and tests can
 * drive them. Methods are called on the FX thread and return at once; the answer comes later.
 */
public interface DialogService {

    /** Shows what will change ({@code before} → {@code after}) and asks the operator to go ahead. */
    CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after);

    /**
     * Someone else changed what the operator was editing. Shows what they hold now beside what the
     * operator wanted; completes true when the operator chooses to reload (never overwrites).
     */
    CompletableFuture<Boolean> showConflict(String title, String yourChange, String theirState);

    /** A failure that needs the operator's attention, in plain words with AWS's message. */
    void showError(String title, Throwable error);
}

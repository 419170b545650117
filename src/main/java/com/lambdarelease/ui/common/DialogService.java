package com.lambdarelease.ui.common;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one place dialogs come from, so every confirmation and conflict looks the same and tests can
 * drive them. Methods are called on the FX thread and return at once; the answer comes later.
 */
public interface DialogService {

    /**
     * Shows what will change ({@code before} → {@code after}) with any pre-flight {@code notes}
     * (warnings quoting AWS's rules) and asks the operator to go ahead.
     */
    CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after, List<String> notes);

    default CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after) {
        return confirmChange(title, action, before, after, List.of());
    }

    /**
     * Someone else changed what the operator was editing. Shows what it was when loaded, what it is
     * now and what the operator wanted (not applied); completes true when the operator chooses to
     * reload. Never overwrites.
     */
    CompletableFuture<Boolean> showConflict(String title, String whenLoaded, String now, String yourChange);

    /** A failure that needs the operator's attention, in plain words with AWS's message. */
    void showError(String title, Throwable error);

    /** Something the operator must read before going on (e.g. why an action is not possible now). */
    void inform(String title, String message);
}

package com.lambdarelease.ui.common;

import com.lambdarelease.domain.InvalidInputException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one place dialogs come from, so every confirmation and conflict looks the same and tests can
 * drive them. Methods are called on the FX thread and return at once; the answer comes later.
 *
 * <p>Three methods are abstract (the first contract, which other screens implement in their test
 * recorders); the richer forms are defaults that fall back on them, and {@link FxDialogService}
 * draws them properly.
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

    /**
     * Like {@link #confirmChange(String, String, String, String)}, with pre-flight {@code notes}
     * (warnings quoting AWS's rules) under the before → after.
     */
    default CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after,
                                                     List<String> notes) {
        return confirmChange(title, action, before, notes.isEmpty() ? after : after + "\n\n" + String.join("\n", notes));
    }

    /**
     * Like {@link #confirmChange(String, String, String, String, List)}, with a checkbox labelled
     * {@code mustTick} ("Replace v8's 10% with v9") the operator ticks for the action to go ahead;
     * the action stays disabled until then. Completes true only when confirmed with it ticked. This
     * fallback asks twice instead: the confirmation, then a second one naming {@code mustTick}.
     */
    default CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after,
                                                     List<String> notes, String mustTick) {
        return confirmChange(title, action, before, after, notes).thenCompose(ok -> ok
                ? confirmChange(mustTick + "?", mustTick, before, mustTick)
                : CompletableFuture.completedFuture(false));
    }

    /**
     * Like {@link #showConflict(String, String, String)}, also showing what it was when the operator
     * loaded it, so they see what changed since.
     */
    default CompletableFuture<Boolean> showConflict(String title, String whenLoaded, String now, String yourChange) {
        return showConflict(title, yourChange, now + " (when you loaded it: " + whenLoaded + ")");
    }

    /** Something the operator must read before going on (e.g. why an action is not possible now). */
    default void inform(String title, String message) {
        showError(title, new InvalidInputException(message));
    }
}

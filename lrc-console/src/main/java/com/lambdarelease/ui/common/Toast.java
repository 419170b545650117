package com.lambdarelease.ui.common;

/**
 * One notification as the toast stack shows it, optionally with one action (Retry after a failed
 * connection, say) that the operator can take from the toast itself.
 */
public record Toast(Kind kind, String title, String message, java.util.Optional<Action> action) {
    public enum Kind { SUCCESS, INFO, FAILURE }

    /** A button on the toast: its label and what it does (on the FX thread). */
    public record Action(String label, Runnable run) {
    }

    public Toast(Kind kind, String title, String message) {
        this(kind, title, message, java.util.Optional.empty());
    }
}

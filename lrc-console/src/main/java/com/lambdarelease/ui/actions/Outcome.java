package com.lambdarelease.ui.actions;

/** How a release action ended, for callers and tests (the operator learns it from toasts and dialogs). */
public enum Outcome {
    /** The write went through. */
    DONE,
    /** The operator cancelled; nothing was sent. */
    CANCELLED,
    /** Refused before sending (e.g. a version an alias still points at). */
    NOT_POSSIBLE,
    /** Someone else changed it in between; nothing was overwritten. */
    CONFLICT,
    /** AWS or the network failed the request. */
    FAILED
}

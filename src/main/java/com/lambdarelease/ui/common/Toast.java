package com.lambdarelease.ui.common;

/** One notification as the toast stack shows it. */
public record Toast(Kind kind, String title, String message) {
    public enum Kind { SUCCESS, INFO, FAILURE }
}

package com.lambdarelease.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import java.util.Optional;
import java.util.function.Function;

/**
 * ControlsFX's validation decoration on a typed field: as the operator types, a refused value marks
 * the field and its tooltip says why, in the release core's words (the same words the form's problem
 * line and the command line use). The check only shows: the model refuses to send whatever it says.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Decorates {@code field} whenever {@code refusal} says why its text cannot be used. */
    public static ValidationSupport refuseWith(TextInputControl field, Function<String, Optional<String>> refusal) {
        ValidationSupport support = new ValidationSupport();
        support.registerValidator(field, false, (Control control, String text) -> {
            Optional<String> why = refusal.apply(text);
            return ValidationResult.fromErrorIf(control, why.orElse(""), why.isPresent());
        });
        return support;
    }
}

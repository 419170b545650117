package com.lambdarelease.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

import java.util.Optional;
import java.util.function.Function;

/**
 * A typed field checked as the operator types: ControlsFX's ValidationSupport runs the release core's
 * rule (the words the form's problem line and the command line use), and a refused value marks the
 * field with AtlantaFX's danger state, its tooltip saying why. The check only shows: the model
 * refuses to send whatever it says.
 *
 * <p>Not ControlsFX's own graphic decorations: they wrap the scene's root in a pane of theirs, which
 * takes every view out of the scene and puts it back (detaching and re-attaching its pollers).
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Marks {@code field} whenever {@code refusal} says why its text cannot be used. */
    public static ValidationSupport refuseWith(TextInputControl field, Function<String, Optional<String>> refusal) {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new DangerState());
        support.registerValidator(field, false, (Control control, String text) -> {
            Optional<String> why = refusal.apply(text);
            return ValidationResult.fromErrorIf(control, why.orElse(""), why.isPresent());
        });
        return support;
    }

    /** The theme's danger look and a tooltip with the message, on the field itself. */
    private static final class DangerState implements ValidationDecoration {
        private static final String TOOLTIP_KEY = FieldChecks.class.getName() + ".tooltip";

        @Override
        public void removeDecorations(Control target) {
            target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            if (target.getTooltip() != null && target.getTooltip() == target.getProperties().remove(TOOLTIP_KEY)) {
                target.setTooltip(null);
            }
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            target.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
            Tooltip tip = new Tooltip(message.getText());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            target.getProperties().put(TOOLTIP_KEY, tip);
            target.setTooltip(tip);
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // no field is required-but-empty here: an empty weight is refused in words like any other
        }
    }
}

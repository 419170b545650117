package com.lambdarelease.ui.common;

import atlantafx.base.theme.Styles;
import com.lambdarelease.release.WeightParser;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A typed weight the core refuses marks its field, with the parser's words, as the operator types, and re-parents nothing. */
@ExtendWith(ApplicationExtension.class)
class FieldChecksTest {

    private TextField field;
    private StackPane root;
    private ValidationSupport support;

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("weight");
        support = FieldChecks.refuseWith(field, text -> {
            WeightParser.Parsed parsed = WeightParser.parse(text);
            return text.isBlank() || parsed.valid() ? Optional.empty() : Optional.of(parsed.error());
        });
        root = new StackPane(field);
        stage.setScene(new Scene(root, 300, 100));
        stage.show();
    }

    @Test
    void aRefusedWeightIsMarkedWithTheParsersWordsAndClearedWhenFixed(FxRobot robot) {
        robot.clickOn("#weight").write("1e1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(support.getValidationResult().getErrors()).extracting(ValidationMessage::getText)
                .containsExactly(WeightParser.parse("1e1").error());
        assertThat(field.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(field.getTooltip().getText()).isEqualTo(WeightParser.parse("1e1").error());
        assertThat(field.getScene().getRoot()).as("the window's content is not re-parented").isSameAs(root);

        robot.interact(() -> field.setText("12.5"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(support.getValidationResult().getErrors()).isEmpty();
        assertThat(support.isInvalid()).isFalse();
        assertThat(field.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(field.getTooltip()).isNull();
    }
}

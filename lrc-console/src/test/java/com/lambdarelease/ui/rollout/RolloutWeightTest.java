package com.lambdarelease.ui.rollout;

import com.lambdarelease.release.WeightParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollout panel's "Set weight" reads the typed weight with the one weight parser, never Double.parseDouble. */
class RolloutWeightTest {

    @ParameterizedTest
    @ValueSource(strings = {"1e1", "0x10", "NaN", "Infinity", "12.34", "150", "-5", "10,5"})
    void refusesWhatTheWeightParserRefusesInItsWords(String typed) {
        assertThat(RolloutPanelModel.weightRefusal(typed)).contains(WeightParser.parse(typed).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100"})
    void refusesWeightsNoShiftCanSendSayingWhy(String typed) {
        assertThat(WeightParser.parse(typed).valid()).isTrue();
        assertThat(RolloutPanelModel.weightRefusal(typed)).hasValueSatisfying(
                m -> assertThat(m).contains("above 0% and below 100%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"25", "25%", " 12.5 ", "0.1", "99.9"})
    void acceptsWhatAShiftCanSend(String typed) {
        assertThat(RolloutPanelModel.weightRefusal(typed)).isEmpty();
    }

    @Test
    void saysNothingBeforeAnythingIsTyped() {
        assertThat(RolloutPanelModel.weightRefusal("")).isEmpty();
        assertThat(RolloutPanelModel.weightRefusal("   ")).isEmpty();
    }
}

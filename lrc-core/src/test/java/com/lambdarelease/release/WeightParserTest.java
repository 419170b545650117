package com.lambdarelease.release;

import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.Weight;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one parser of typed weights: what it accepts, what it refuses, and that it never repairs. */
class WeightParserTest {

    @ParameterizedTest
    @CsvSource({"10,10.0", "10%,10.0", "12.5,12.5", "' 7.5 % ',7.5", "0,0.0", "100,100.0", "100.0,100.0", ".5,0.5", "-0,0.0"})
    void acceptsPercentagesAsPeopleTypeThem(String typed, double percent) {
        assertThat(WeightParser.parse(typed).percent()).contains(percent);
        assertThat(WeightParser.parse(typed).error()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "%", "abc", "NaN", "Infinity", "1e2", "10,5", "-1", "150", "100.1", "12.34", "0x10", "5%%"})
    void refusesEverythingElseWithOneMessageNamingTheRangeAndNeverClamps(String typed) {
        WeightParser.Parsed parsed = WeightParser.parse(typed);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.percent()).isEmpty();
        assertThat(parsed.error()).endsWith(WeightParser.RANGE);
    }

    @Test
    void saysWhatIsWrongWithTheTypedValue() {
        assertThat(WeightParser.parse("150").error()).startsWith("150 is above 100%.");
        assertThat(WeightParser.parse("-1").error()).startsWith("-1 is below 0%.");
        assertThat(WeightParser.parse("12.34").error()).startsWith("12.34 is finer than 0.1%.");
        assertThat(WeightParser.parse("abc").error()).startsWith("\"abc\" is not a weight.");
        assertThat(WeightParser.parse("").error()).startsWith("No weight typed.");
    }

    @Test
    void everyWeightOnTheGridIsSentShownAndComparedAsTheSameValue() {
        for (int tenths = 0; tenths <= Weight.FULL; tenths++) {
            String typed = WeightParser.format(tenths / 10.0);
            WeightParser.Parsed parsed = WeightParser.parse(typed);
            double sent = parsed.awsWeight();
            assertThat(Weight.tenths(sent)).isEqualTo(tenths);
            assertThat(TrafficSplit.percent(sent)).isEqualTo(typed + "%");
            assertThat(Weight.percent(sent)).isEqualTo(parsed.percent().orElseThrow());
        }
        assertThat(WeightParser.parse("10").awsWeight()).isEqualTo(0.1);
        assertThat(WeightParser.parse("12.5").awsWeight()).isEqualTo(0.125);
    }

    @Test
    void aTypedSplitIsAllToThePrimaryWithoutAnAdditionalVersionElseTheCanaryAtTheTypedWeight() {
        assertThat(WeightParser.split("3", java.util.Optional.empty(), "")).isEqualTo(TrafficSplit.allTo("3"));
        assertThat(WeightParser.split("3", java.util.Optional.of("  "), "1e1")).isEqualTo(TrafficSplit.allTo("3"));
        assertThat(WeightParser.split("3", java.util.Optional.of(" 4 "), "10%")).isEqualTo(TrafficSplit.canary("3", "4", 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1", "150", "", "12.34"})
    void aTypedSplitWithABadWeightIsRefusedInTheParsersWords(String typed) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeightParser.split("3", java.util.Optional.of("4"), typed))
                .isInstanceOf(com.lambdarelease.domain.InvalidInputException.class)
                .hasMessage(WeightParser.parse(typed).error());
    }
}

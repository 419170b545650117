package com.lambdarelease.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A slow-invocation threshold becomes CloudWatch's TC(threshold:) as written, or is refused. */
class AliasMetricsQueryTest {

    private static final MetricWindow WINDOW = MetricWindow.last(Duration.ofMinutes(10), Duration.ofMinutes(1),
            Instant.parse("2026-12-01T12:00:00Z"));

    private static AliasMetricsQuery query() {
        return new AliasMetricsQuery("fn", "prod", List.of("3", "4"), EnumSet.of(LambdaMetric.INVOCATIONS), WINDOW);
    }

    @Test
    void withoutAThreshold_noSlowStatisticIsAsked() {
        assertThat(query().slowerThanMs()).isEmpty();
        assertThat(query().slowStatistic()).isEmpty();
    }

    @Test
    void aThresholdIsWrittenPlainWithTheUpperBoundOpen() {
        assertThat(query().slowerThan(250).slowStatistic()).contains("TC(250:)");
        assertThat(query().slowerThan(312.45).slowStatistic()).contains("TC(312.45:)");
        assertThat(query().slowerThan(1e7).slowStatistic()).contains("TC(10000000:)");
        assertThat(query().slowerThan(0.0000000001).slowStatistic()).contains("TC(0.0000000001:)");
    }

    @Test
    void aThresholdCloudWatchCouldNotTakeIsRefusedNotRounded() {
        assertThatThrownBy(() -> query().slowerThan(312.4900207519531)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 10 decimal places");
        assertThatThrownBy(() -> query().slowerThan(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> query().slowerThan(Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> query().slowerThan(Double.POSITIVE_INFINITY)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSlowSeriesCountTowardsTheFiveHundredOfOneRequest() {
        List<String> versions = IntStream.rangeClosed(1, 250).mapToObj(Integer::toString).toList();
        AliasMetricsQuery full = new AliasMetricsQuery("fn", "prod", versions,
                EnumSet.of(LambdaMetric.INVOCATIONS, LambdaMetric.ERRORS), WINDOW);
        assertThatThrownBy(() -> full.slowerThan(250)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("At most 500 series");
    }
}

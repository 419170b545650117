package com.lambdarelease.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficSplitTest {

    @Test
    void aCanaryOfTenPercentIsDescribedAsTheGuideDoes() {
        TrafficSplit split = TrafficSplit.canary("3", "4", 0.1);
        assertThat(split.describe()).isEqualTo("90% v3 · 10% v4");
        assertThat(split.additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
        assertThat(split.weightOf("3")).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void promoteSendsAllTrafficToTheCanaryAndRollBackToThePrimary() {
        TrafficSplit split = TrafficSplit.canary("3", "4", 0.25);
        assertThat(split.promote()).isEqualTo(TrafficSplit.allTo("4"));
        assertThat(split.rollBack()).isEqualTo(TrafficSplit.allTo("3"));
        assertThat(split.promote().additionalVersionWeights()).isEmpty();
    }

    @Test
    void awsRoutingRulesAreRefusedWithAwsOwnWords() {
        assertThatThrownBy(() -> TrafficSplit.canary("3", "3", 0.1))
                .hasMessage("Invalid function version 3. Function version 3 is already included in routing configuration.");
        assertThatThrownBy(() -> TrafficSplit.canary("$LATEST", "4", 0.1))
                .hasMessage("$LATEST is not supported for an alias pointing to more than 1 version");
        assertThatThrownBy(() -> TrafficSplit.canary("3", "4", 1.5))
                .hasMessage("1 validation error detected: Value '{4=1.5}' at 'routingConfig.additionalVersionWeights' "
                        + "failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less "
                        + "than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]");
        assertThatThrownBy(() -> TrafficSplit.canary("3", "abc", 0.1))
                .hasMessageEndingWith("Map keys must satisfy constraint: [Member must have length less than or equal to 1024, "
                        + "Member must have length greater than or equal to 1, Member must satisfy regular expression "
                        + "pattern: [0-9]+, Member must not be null]");
        assertThatThrownBy(() -> TrafficSplit.fromRouting("3", Map.of("4", 0.1, "5", 0.1)))
                .hasMessage("Number of items in AdditionalVersionWeights cannot be greater than 1");
    }

    @Test
    void percentagesKeepOneDecimal() {
        assertThat(TrafficSplit.percent(0.025)).isEqualTo("2.5%");
        assertThat(TrafficSplit.percent(0.001)).isEqualTo("0.1%");
        assertThat(TrafficSplit.percent(1)).isEqualTo("100%");
    }
}

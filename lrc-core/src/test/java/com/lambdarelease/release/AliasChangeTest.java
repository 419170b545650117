package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for an alias's description when its split moves: one that states the split follows it. */
class AliasChangeTest {

    private static AliasRoute live(TrafficSplit split, String description) {
        return new AliasRoute("orders-api", "live", "arn:aws:lambda:us-east-1:123456789012:function:orders-api:live",
                split, description, "rev-1");
    }

    private static final TrafficSplit V8_AT_10 = TrafficSplit.canary("7", "8", 0.1);

    @Test
    void aDescriptionStatingTheSplitStatesTheNewOneAfterAShift() {
        AliasRoute a = live(V8_AT_10, "Canary: 10% to v8");
        assertThat(AliasChange.descriptionFollowing(a, TrafficSplit.canary("7", "9", 0.1))).isEqualTo("Canary: 10% to v9");
        assertThat(AliasChange.descriptionFollowing(a, TrafficSplit.canary("7", "9", 0.125))).isEqualTo("Canary: 12.5% to v9");
    }

    @Test
    void aDescriptionStatingTheSplitIsClearedWhenTheSplitEndsAsAPromotionClearsIt() {
        AliasRoute a = live(V8_AT_10, "Canary: 10% to v8");
        assertThat(AliasChange.descriptionFollowing(a, TrafficSplit.allTo("8"))).isEmpty();
        assertThat(AliasChange.promote(a).description()).isEmpty();
    }

    @Test
    void anyOtherDescriptionIsKept() {
        AliasRoute a = live(V8_AT_10, "Live traffic");
        assertThat(AliasChange.descriptionFollowing(a, TrafficSplit.canary("7", "9", 0.2))).isEqualTo("Live traffic");
        assertThat(AliasChange.descriptionFollowing(a, TrafficSplit.allTo("9"))).isEqualTo("Live traffic");
        AliasRoute unsplit = live(TrafficSplit.allTo("3"), "");
        assertThat(AliasChange.descriptionFollowing(unsplit, TrafficSplit.canary("3", "5", 0.1))).isEmpty();
    }
}

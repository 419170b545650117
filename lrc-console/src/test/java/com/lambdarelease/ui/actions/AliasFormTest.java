package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.TrafficSplit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The alias form checks what AWS would refuse, as the operator types, in AWS's words. */
class AliasFormTest {

    private static FunctionConfig version(String v, String role, String dlq) {
        return new FunctionConfig("fn", "arn:aws:lambda:us-east-1:123456789012:function:fn:" + v, v, "", "python3.13",
                "h", 128, 3, role, "sha" + v, 10, Instant.EPOCH, "rev" + v, List.of(), Map.of(), Optional.ofNullable(dlq));
    }

    private static final List<FunctionConfig> VERSIONS = List.of(version("4", "role-a", null), version("3", "role-a", null),
            version("2", "role-b", null), version("1", "role-a", "arn:aws:sqs:dlq"), version("$LATEST", "role-a", null));

    @Test
    void aNewAliasNeedsAValidUnusedName() {
        AliasForm form = AliasForm.create(Set.of("prod"), VERSIONS, "4", Optional.of(Map.of()));
        assertThat(form.problemProperty().get()).contains("Alias name '' is not valid");
        form.nameProperty().set("123");
        assertThat(form.problemProperty().get()).contains("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        form.nameProperty().set("prod");
        assertThat(form.problemProperty().get()).contains("already exists");
        form.nameProperty().set("qa");
        assertThat(form.isValid()).isTrue();
        assertThat(form.afterProperty().get()).isEqualTo("100% → v4");
    }

    @Test
    void routingFromLatestIsRefusedInAwsWords() {
        AliasForm form = AliasForm.create(Set.of(), VERSIONS, "$LATEST", Optional.of(Map.of()));
        form.nameProperty().set("x");
        form.additionalVersionProperty().set("4");
        form.weightTextProperty().set("10");
        assertThat(form.problemProperty().get()).isEqualTo("$LATEST is not supported for an alias pointing to more than 1 version");
    }

    @Test
    void routingBetweenVersionsWithDifferentRolesOrDeadLetterQueuesIsRefusedBeforeSending() {
        AliasForm form = AliasForm.create(Set.of(), VERSIONS, "3", Optional.of(Map.of("x", 5)));
        form.nameProperty().set("x");
        form.additionalVersionProperty().set("2");
        form.weightTextProperty().set("10");
        assertThat(form.problemProperty().get()).contains("role-a").contains("role-b").contains(com.lambdarelease.domain.RoutingPreflight.AWS_RULE);
        form.additionalVersionProperty().set("1");
        assertThat(form.problemProperty().get()).contains("dead-letter").contains("arn:aws:sqs:dlq");
        form.additionalVersionProperty().set("4");
        assertThat(form.isValid()).isTrue();
        assertThat(form.afterProperty().get()).isEqualTo("90% → v3 · 10% → v4");
        assertThat(form.notes()).anyMatch(n -> n.startsWith("Warning: provisioned concurrency on alias x (5)"));
    }

    @Test
    void noProvisionedConcurrencyNoWarning() {
        AliasForm form = AliasForm.create(Set.of(), VERSIONS, "3", Optional.of(Map.of("other", 2)));
        form.nameProperty().set("x");
        form.additionalVersionProperty().set("4");
        form.weightTextProperty().set("10");
        assertThat(form.notes()).noneMatch(n -> n.contains("provisioned"));
    }

    @Test
    void editingToTheSameSplitHasNothingToChangeAndKeepsTheBefore() {
        AliasRoute prod = new AliasRoute("fn", "prod", "arn", TrafficSplit.canary("3", "4", 0.1), "Live", "r1");
        AliasForm form = AliasForm.edit(prod, VERSIONS, Optional.empty());
        assertThat(form.before()).isEqualTo("90% → v3 · 10% → v4 — “Live”");
        assertThat(form.unchangedProperty().get()).isTrue();
        assertThat(form.isValid()).isFalse();
        form.weightTextProperty().set("150");
        assertThat(form.problemProperty().get()).contains("150 is above 100%")
                .contains(com.lambdarelease.release.WeightParser.RANGE);
        assertThat(form.isValid()).isFalse();
        form.weightTextProperty().set("25");
        assertThat(form.isValid()).isTrue();
        assertThat(form.notes()).anyMatch(n -> n.startsWith("Provisioned concurrency could not be checked"));
        assertThat(form.split()).isEqualTo(TrafficSplit.canary("3", "4", 0.25));
    }
}

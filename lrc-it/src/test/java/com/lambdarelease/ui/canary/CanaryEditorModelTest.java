package com.lambdarelease.ui.canary;

import com.lambdarelease.testing.FakeLambdaService;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.SandboxClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryEditorModelTest {
    private final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-03-02T14:00:00Z"));
    private final FakeLambdaService lambda = new FakeLambdaService();
    private final Recorders.Dialogs dialogs = new Recorders.Dialogs();
    private final Recorders.Notes notes = new Recorders.Notes();
    private final com.lambdarelease.release.ReleaseJournal log = com.lambdarelease.release.ReleaseJournal.inMemory();
    private final com.lambdarelease.release.FunctionStates states = new com.lambdarelease.release.FunctionStates(lambda);
    private ScheduledThreadPoolExecutor scheduler;
    private CanaryEditorModel model;

    @BeforeEach
    void setUp() {
        scheduler = Recorders.scheduler();
        model = new CanaryEditorModel(new com.lambdarelease.release.AliasWriter(lambda, states, log, clock,
                new com.lambdarelease.release.AliasWriter.Identity("test", "sandbox"), Runnable::run), states,
                Recorders.inline(scheduler, clock, dialogs, notes));
        model.show(lambda.aliases.get("prod")).join();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void showingAnAliasOffersTheNewestOtherVersionAndNothingIsPending() {
        assertThat(model.candidates()).containsExactly("4", "2", "1");
        assertThat(model.canaryVersionProperty().get()).isEqualTo("4");
        assertThat(model.pending().get()).isFalse();
        assertThat(model.preview().getValue()).isEqualTo("100% → v3");
        assertThat(model.canApply().get()).isFalse();
    }

    @Test
    void movingTheSliderOnlyChangesThePendingSplit() {
        for (double w = 0; w <= 10; w += 0.5) {
            model.weightPercentProperty().set(w);
        }
        assertThat(model.pending().get()).isTrue();
        assertThat(model.preview().getValue()).isEqualTo("90% → v3 · 10% → v4");
        assertThat(model.weightTextProperty().get()).isEqualTo("10");
        assertThat(lambda.updates).isEmpty();
    }

    @Test
    void applyConfirmsThenSendsOneUpdateWithTheRevisionAndLogsTheChange() {
        model.choosePreset(10);
        model.apply().join();

        assertThat(dialogs.confirmations).singleElement().asString().startsWith("100% → v3 => 90% → v3 · 10% → v4");
        assertThat(lambda.updates).containsExactly(TrafficSplit.canary("3", "4", 0.1));
        assertThat(lambda.aliases.get("prod").split().additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
        AliasRoute applied = model.appliedProperty().get().orElseThrow();
        assertThat(applied.revisionId()).isEqualTo(lambda.aliases.get("prod").revisionId()).isNotEqualTo("rev-1");
        assertThat(model.pending().get()).isFalse();
        assertThat(log.routingChanges(FakeLambdaService.FN, "prod", clock.instant(), clock.instant().plusSeconds(1)))
                .singleElement().satisfies(c -> assertThat(c.describe()).isEqualTo("100% v3 → 90% v3 · 10% v4"));
        assertThat(notes.messages).anyMatch(m -> m.contains("90% → v3 · 10% → v4"));
    }

    @Test
    void cancellingTheConfirmationSendsNothing() {
        dialogs.confirm = false;
        model.choosePreset(25);
        model.apply().join();
        assertThat(lambda.updates).isEmpty();
        assertThat(model.pending().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150", "-1", "abc", "", "NaN"})
    void aTypedWeightOutsideZeroToHundredIsRefusedAndNothingIsSent(String typed) {
        model.choosePreset(5);
        model.weightTextProperty().set(typed);
        assertThat(model.inputErrorProperty().get()).isNotBlank().contains("0 to 100");
        assertThat(model.canApply().get()).isFalse();
        model.apply().join();
        assertThat(lambda.updates).isEmpty();
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(model.weightTextProperty().get()).as("the operator's text is kept to correct").isEqualTo(typed);
        assertThat(model.weightPercentProperty().get()).isEqualTo(5.0);
    }

    @Test
    void typedWeightsAreReadInTenthsOfAPercentAndFinerIsRefusedNotRounded() {
        model.weightTextProperty().set("12.5 %");
        assertThat(model.weightPercentProperty().get()).isEqualTo(12.5);
        assertThat(model.preview().getValue()).isEqualTo("87.5% → v3 · 12.5% → v4");
        assertThat(model.inputErrorProperty().get()).isEmpty();
        model.weightTextProperty().set("12.34");
        assertThat(model.inputErrorProperty().get()).contains("finer than 0.1%");
        assertThat(model.weightPercentProperty().get()).isEqualTo(12.5);
    }

    @Test
    void theSameAliasShownAgainKeepsThePendingChangeAnotherAliasDoesNot() {
        model.choosePreset(25);
        model.show(lambda.putAlias("prod", TrafficSplit.allTo("3"))).join();
        assertThat(model.weightPercentProperty().get()).isEqualTo(25.0);
        assertThat(model.pending().get()).isTrue();
        model.show(lambda.putAlias("staging", TrafficSplit.allTo("2"))).join();
        assertThat(model.weightPercentProperty().get()).isZero();
        assertThat(model.pending().get()).isFalse();
    }

    @Test
    void resetReturnsToTheAppliedSplit() {
        model.canaryVersionProperty().set("2");
        model.choosePreset(50);
        model.reset();
        assertThat(model.pending().get()).isFalse();
        assertThat(model.weightPercentProperty().get()).isZero();
    }

    @Test
    void aStaleRevisionShowsTheConflictAndNeverOverwrites() {
        model.choosePreset(10);
        AliasRoute theirs = lambda.putAlias("prod", TrafficSplit.canary("3", "2", 0.5)); // someone else, meanwhile
        model.apply().join();

        assertThat(dialogs.conflicts).singleElement().asString().startsWith("yours: 90% → v3 · 10% → v4 | theirs: "
                + "50% → v3 · 50% → v2 (revision " + theirs.revisionId() + ")");
        assertThat(lambda.aliases.get("prod")).isEqualTo(theirs);
        assertThat(model.appliedProperty().get()).contains(theirs);
        assertThat(model.canaryVersionProperty().get()).as("the operator's choice is kept").isEqualTo("4");
        assertThat(model.weightPercentProperty().get()).isEqualTo(10.0);
        assertThat(log.routingChanges(FakeLambdaService.FN, "prod", Instant.MIN, Instant.MAX)).isEmpty();
    }

    @Test
    void aRoleMismatchBlocksTheSplitQuotingAwsRule() {
        lambda.versions.put("4", FakeLambdaService.config("4", "arn:aws:iam::123456789012:role/other"));
        states.of(FakeLambdaService.FN).load().join(); // the function read again, as F5 does
        model.show(lambda.aliases.get("prod")).join();
        model.choosePreset(10);
        assertThat(model.blockers().getValue()).contains("execution roles differ").contains(com.lambdarelease.domain.RoutingPreflight.AWS_RULE);
        assertThat(model.canApply().get()).isFalse();
        model.apply().join();
        assertThat(lambda.updates).isEmpty();
        assertThat(model.comparison().getValue().orElseThrow().rows())
                .filteredOn(VersionComparison.Row::blocking).extracting(VersionComparison.Row::field).containsExactly("Role");
    }

    @Test
    void provisionedConcurrencyOnTheAliasIsNamedBeforeASplitAndInTheConfirmation() {
        assertThat(model.warning().getValue()).isEmpty();
        lambda.provisioned.put("prod", 5);
        states.of(FakeLambdaService.FN).load().join();
        model.show(lambda.aliases.get("prod")).join();
        assertThat(model.warning().getValue()).as("no split, no caveat").isEmpty();
        model.choosePreset(10);
        assertThat(model.warning().getValue()).startsWith("Warning: provisioned concurrency on alias prod (5). ")
                .contains("ProvisionedConcurrencySpilloverInvocations");
        model.apply().join();
        assertThat(dialogs.confirmations).singleElement().asString().contains("provisioned concurrency on alias prod (5)");
    }

    @Test
    void thePreviewSaysHowManyRequestsTheCanaryWouldGetAtTheCurrentRate() {
        model.ratePerMinuteProperty().set(120);
        model.choosePreset(10);
        assertThat(model.canaryRate().getValue()).isEqualTo("≈ 12.0 requests/min to v4 at the current 120.0 requests/min");
    }

    @Test
    void anAliasAlreadySplitOpensWithItsCanaryAndWeight() {
        AliasRoute split = lambda.putAlias("prod", TrafficSplit.canary("3", "4", 0.1));
        states.of(FakeLambdaService.FN).load().join();
        model.show(split).join();
        assertThat(model.canaryVersionProperty().get()).isEqualTo("4");
        assertThat(model.weightPercentProperty().get()).isEqualTo(10.0);
        assertThat(model.pending().get()).isFalse();
        model.choosePreset(0);
        assertThat(model.preview().getValue()).isEqualTo("100% → v3");
        assertThat(model.pending().get()).isTrue();
    }
}

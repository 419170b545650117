package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.JournalEntry;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static com.lambdarelease.rollout.RolloutSandbox.FN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A rollout on an alias that already splits its traffic (issue 22, point 4), on the seeded
 * sandbox over HTTP: orders-api:live sends 90% to v7 and 10% to v8, described "Canary: 10% to v8".
 * Another version's share is replaced only when asked; the version already there goes on from its
 * weight; a description that states the split follows it.
 */
class ExistingSplitRolloutTest {

    private static final String ORDERS = "orders-api";

    @TempDir
    Path dir;

    private RolloutSandbox box;

    @AfterEach
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    private RolloutEngine engine() {
        return box.engine();
    }

    private GetAliasResponse live() {
        return box.alias(ORDERS, "live");
    }

    private static Map<String, Double> weights(GetAliasResponse a) {
        return a.routingConfig() == null ? Map.of() : a.routingConfig().additionalVersionWeights();
    }

    private List<ObjectNode> records(String id) {
        return new RolloutJournal(ReleaseJournal.at(box.journalFile)).of(id);
    }

    private List<JournalEntry> aliasWrites(String function, String alias) {
        return ReleaseJournal.readFile(box.journalFile).stream()
                .filter(e -> e.function().equals(function) && e.alias().equals(alias)).toList();
    }

    @Test
    void givenTenPercentToV8WhenV9IsRolledOutWithoutReplaceThenItIsRefusedNamingTheSplitAndNothingIsSent() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.forTests(), "orders-api:live");
        String v9 = box.publishVersion(ORDERS, 0.002, "orders-api release 9");
        GetAliasResponse before = live();
        RolloutEngine engine = engine();

        Throwable refused = catchThrowable(() -> engine.start(new RolloutEngine.Request(ORDERS, "live", v9,
                RolloutPlan.predefined("Canary10Percent5Minutes").orElseThrow(), RolloutSettings.defaults())).join());

        assertThat(refused).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(CanaryInTheWayException.class)
                .hasMessageContaining("orders-api:live already sends 90% → v7 · 10% → v8")
                .hasMessageContaining("Nothing was sent.");
        CanaryReplacement replacement = ((CanaryInTheWayException) refused.getCause()).replacement();
        assertThat(replacement.choice()).isEqualTo("Replace v8's 10% with v" + v9);
        GetAliasResponse after = live();
        assertThat(after.revisionId()).isEqualTo(before.revisionId());
        assertThat(weights(after)).isEqualTo(Map.of("8", 0.1));
        assertThat(after.description()).isEqualTo("Canary: 10% to v8");
        assertThat(new RolloutJournal(ReleaseJournal.at(box.journalFile)).all()).as("no rollout was journalled").isEmpty();
        assertThat(engine.driven(ORDERS, "live")).as("the lock is released").isFalse();
    }

    @Test
    void givenTenPercentToV8WhenV9ReplacesItThenTheDescriptionFollowsAndARollBackRestoresV8sShareExactly() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.forTests(), "orders-api:live");
        String v9 = box.publishVersion(ORDERS, 0.002, "orders-api release 9");
        Rollout rollout = engine().start(new RolloutEngine.Request(ORDERS, "live", v9,
                RolloutPlan.predefined("Linear10PercentEvery1Minute").orElseThrow(), RolloutSettings.defaults(), true)).join();

        RolloutSnapshot first = rollout.evaluate().join();

        assertThat(first.state()).isEqualTo(RolloutState.BAKING);
        assertThat(first.baseline().split().arrows()).isEqualTo("90% → v7 · 10% → v8");
        GetAliasResponse shifted = live();
        assertThat(shifted.functionVersion()).isEqualTo("7");
        assertThat(weights(shifted)).isEqualTo(Map.of(v9, 0.1));
        assertThat(shifted.description()).isEqualTo("Canary: 10% to v" + v9);

        assertThat(rollout.setWeight(20).join().canaryPercent()).isEqualTo(20.0);
        assertThat(live().description()).isEqualTo("Canary: 20% to v" + v9);

        RolloutSnapshot aborted = rollout.abort("test").join();

        assertThat(aborted.state()).isEqualTo(RolloutState.ROLLED_BACK);
        GetAliasResponse restored = live();
        assertThat(restored.functionVersion()).isEqualTo("7");
        assertThat(weights(restored)).isEqualTo(Map.of("8", 0.1));
        assertThat(restored.description()).isEqualTo("Canary: 10% to v8");
    }

    @Test
    void givenTenPercentToV8WhenV8ItselfIsRolledOutThenItGoesOnFromTenPercentWithoutAWriteAndTheGatesJudgeItNeverLooping() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.forTests(), "orders-api:live");
        String before = live().revisionId();
        Rollout rollout = engine().start(new RolloutEngine.Request(ORDERS, "live", "8",
                RolloutPlan.predefined("Linear10PercentEvery1Minute").orElseThrow(), RolloutSettings.defaults())).join();

        RolloutSnapshot first = rollout.evaluate().join();

        assertThat(first.state()).as(first.message()).isEqualTo(RolloutState.BAKING);
        assertThat(first.step()).isZero();
        assertThat(first.canaryPercent()).isEqualTo(10.0);
        assertThat(live().revisionId()).as("10% is where v8 already is: nothing is written").isEqualTo(before);
        assertThat(aliasWrites(ORDERS, "live")).isEmpty();

        RolloutSnapshot end = box.runUntilSettled(rollout, 60);

        // v8 is the seeded slow, failing canary: the gates, judging from the start, end it; the loop never starts.
        assertThat(end.state()).as(end.message()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(end.message()).startsWith("Gate failed").contains("the alias already held its baseline (90% → v7 · 10% → v8)");
        assertThat(records(rollout.id())).extracting(r -> r.path("event").asText())
                .doesNotContain("pause", "resume", "write failed");
        assertThat(aliasWrites(ORDERS, "live")).as("no write lowered, repeated or restored v8's share").isEmpty();
        assertThat(live().revisionId()).isEqualTo(before);
        assertThat(live().description()).isEqualTo("Canary: 10% to v8");
    }

    @Test
    void givenAHealthyCanaryAlreadyAtTenPercentWhenItIsRolledOutThenTheFirstWriteIsTheNextStepAndItIsPromoted() throws Exception {
        box = new RolloutSandbox(dir, SandboxOptions.builderForTests().trafficScale(3).build());
        String v = box.publishHealthyVersion();
        box.other.updateAlias(b -> b.functionName(FN).name("prod").description("Canary: 10% to v" + v)
                .routingConfig(r -> r.additionalVersionWeights(Map.of(v, 0.1))));
        List<Double> weights = new ArrayList<>();
        Rollout rollout = engine().start(new RolloutEngine.Request(FN, "prod", v,
                RolloutPlan.predefined("Linear10PercentEvery1Minute").orElseThrow(),
                RolloutSettings.defaults().withMaxErrorRate(Optional.of(0.05)))).join();
        rollout.subscribe(s -> {
            if (weights.isEmpty() || weights.get(weights.size() - 1) != s.canaryPercent()) {
                weights.add(s.canaryPercent());
            }
        });

        RolloutSnapshot end = box.runUntilSettled(rollout, 120);

        assertThat(end.state()).as(end.message()).isEqualTo(RolloutState.PROMOTED);
        assertThat(weights).startsWith(10.0, 20.0).containsSubsequence(20.0, 50.0, 90.0, 100.0);
        List<JournalEntry> writes = aliasWrites(FN, "prod");
        assertThat(writes.get(0).after().orElseThrow().weightOf(v)).isEqualTo(0.2);
        assertThat(writes).allMatch(JournalEntry::applied);
        assertThat(records(rollout.id())).extracting(r -> r.path("event").asText()).doesNotContain("pause", "resume");
        GetAliasResponse prod = box.prod();
        assertThat(prod.functionVersion()).isEqualTo(v);
        assertThat(prod.description()).as("the promotion clears a description of the split").isNullOrEmpty();
    }
}

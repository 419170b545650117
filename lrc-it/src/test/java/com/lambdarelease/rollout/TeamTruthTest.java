package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.AliasHistory;
import com.lambdarelease.release.JournalEntry;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.WriteOutcome;
import com.lambdarelease.release.WritePlan;
import com.lambdarelease.domain.TrailEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static com.lambdarelease.rollout.RolloutSandbox.FN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Team truth from AWS, against the seeded sandbox over HTTP: two operators on two "machines" (their own
 * credentials, journals and lock folders) on one account see each other's rollouts through the lease tags, a
 * killed driver's lease goes stale and is taken over once, every write names its caller, history shows a change
 * someone else made, and an alias owned by a stack or shifted by CodeDeploy is warned of.
 */
class TeamTruthTest {

    @TempDir
    Path dir;

    private RolloutSandbox box;

    @AfterEach
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    private static RolloutPlan plan(String name) {
        return RolloutPlan.predefined(name).orElseThrow();
    }

    @Test
    void twoMachinesSeeEachOthersRolloutAndAKilledDriversLeaseGoesStaleAndIsTakenOverOnce() throws Exception {
        box = new RolloutSandbox(dir, com.lambdarelease.sandbox.SandboxOptions.builderForTests().trafficScale(3).build());
        String v = box.publishHealthyVersion();
        Path aliceJournal = dir.resolve("alice/journal.jsonl");
        Path bobJournal = dir.resolve("bob/journal.jsonl");
        ReleaseSession alice = box.sessionAs("alice", aliceJournal);
        ReleaseSession bob = box.sessionAs("bob", bobJournal);
        RolloutEngine aliceEngine = box.engine(alice, aliceJournal);
        RolloutEngine bobEngine = box.engine(bob, bobJournal);

        Rollout rollout = aliceEngine.start(new RolloutEngine.Request(FN, "prod", v, plan("Canary10Percent10Minutes"),
                RolloutSettings.defaults())).join();
        rollout.evaluate().join();
        assertThat(rollout.snapshot().canaryPercent()).isEqualTo(10.0);
        box.minute(rollout); // the driver's next beat puts the 10% state in its lease

        // Bob's console sees Alice's rollout: who, where, which step, alive.
        com.lambdarelease.testing.Waits.waitUntil(Duration.ofSeconds(10), () -> bobEngine.leases().of(FN, "prod").join()
                .filter(l -> l.canaryPercent() == 10.0).isPresent());
        RolloutLease seen = bobEngine.leases().of(FN, "prod").join().orElseThrow();
        assertThat(seen.rolloutId()).isEqualTo(rollout.id());
        assertThat(seen.by()).isEqualTo("alice");
        assertThat(seen.ownerArn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(seen.canaryPercent()).isEqualTo(10.0);
        assertThat(seen.stale(box.clock.instant())).isFalse();
        assertThat(seen.describe(box.clock.instant())).startsWith("driven by alice on ");
        // ... and cannot drive it too.
        assertThatThrownBy(() -> bobEngine.start(new RolloutEngine.Request(FN, "prod", v, plan("Canary10Percent5Minutes"),
                RolloutSettings.defaults())).join()).hasCauseInstanceOf(RolloutLeases.LeaseHeldException.class)
                .hasMessageContaining("driven by alice");
        // nor take a live one over
        assertThatThrownBy(() -> bobEngine.takeOver(seen, "test").join()).hasMessageContaining("not taken over");

        // Alice's driver dies: no more heartbeats. Three minutes later the lease is stale.
        aliceEngine.close();
        box.clock.advance(Duration.ofMinutes(3));
        box.sandbox.generateTrafficToNow();
        RolloutLease stale = bobEngine.leases().of(FN, "prod").join().orElseThrow();
        assertThat(stale.stale(box.clock.instant())).isTrue();
        assertThat(stale.describe(box.clock.instant())).startsWith("no driver since").contains("resume here, or roll back");

        Rollout taken = bobEngine.takeOver(stale, "alice's laptop died").join().orElseThrow();
        assertThat(taken.id()).isEqualTo(rollout.id());
        assertThat(taken.snapshot().state()).isIn(RolloutState.BAKING, RolloutState.HOLDING);
        assertThat(taken.snapshot().canaryPercent()).isEqualTo(10.0);
        List<ObjectNode> bobs = new RolloutJournal(ReleaseJournal.at(bobJournal)).of(rollout.id());
        assertThat(bobs).anySatisfy(r -> {
            assertThat(r.path("event").asText()).isEqualTo("takeover");
            assertThat(r.path("from").asText()).startsWith("alice on ");
            assertThat(r.path("fromArn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
            assertThat(r.path("who").asText()).isEqualTo("arn:aws:iam::123456789012:user/bob");
            assertThat(r.path("reason").asText()).isEqualTo("alice's laptop died");
        });
        RolloutLease now = bobEngine.leases().of(FN, "prod").join().orElseThrow();
        assertThat(now.by()).isEqualTo("bob");
        assertThat(now.stale(box.clock.instant())).isFalse();

        // Taken over once: a third console holding the old view, and Alice's console restarted, are refused.
        RolloutEngine carol = box.engine(box.sessionAs("carol", dir.resolve("carol/journal.jsonl")),
                dir.resolve("carol/journal.jsonl"));
        assertThatThrownBy(() -> carol.takeOver(stale, "me too").join()).hasMessageContaining("changed since it was shown");
        RolloutEngine aliceAgain = box.engine(box.sessionAs("alice", aliceJournal), aliceJournal);
        assertThatThrownBy(() -> aliceAgain.recover(FN, "prod").join())
                .hasCauseInstanceOf(RolloutLeases.LeaseHeldException.class).hasMessageContaining("driven by bob");

        // Bob drives it to the end; the lease goes with it.
        RolloutSnapshot end = box.runUntilSettled(taken, 240);
        assertThat(end.state()).isEqualTo(RolloutState.PROMOTED);
        assertThat(box.prod().functionVersion()).isEqualTo(v);
        com.lambdarelease.testing.Waits.waitUntil(Duration.ofSeconds(10), () -> bobEngine.leases().of(FN, "prod").join().isEmpty());
    }

    @Test
    void whenAnotherConsoleTakesTheLeaseTheFirstDriverStopsWritingAndSaysWho() throws Exception {
        box = new RolloutSandbox(dir);
        String v = box.publishHealthyVersion();
        Path aliceJournal = dir.resolve("alice/journal.jsonl");
        Path bobJournal = dir.resolve("bob/journal.jsonl");
        RolloutEngine aliceEngine = box.engine(box.sessionAs("alice", aliceJournal), aliceJournal);
        RolloutEngine bobEngine = box.engine(box.sessionAs("bob", bobJournal), bobJournal);
        Rollout rollout = aliceEngine.start(new RolloutEngine.Request(FN, "prod", v, plan("Canary10Percent10Minutes"),
                RolloutSettings.defaults())).join();
        rollout.evaluate().join();
        // Alice's process hangs (no beats) long enough for Bob to take over, then wakes up.
        box.clock.advance(Duration.ofMinutes(3));
        box.sandbox.generateTrafficToNow();
        RolloutLease stale = bobEngine.leases().of(FN, "prod").join().orElseThrow();
        bobEngine.takeOver(stale, "alice is unreachable").join().orElseThrow();
        String revisionAfterTakeOver = box.prod().revisionId();

        RolloutSnapshot s = rollout.evaluate().join(); // renews: finds Bob's lease
        com.lambdarelease.testing.Waits.waitUntil(Duration.ofSeconds(10), () -> {
            rollout.evaluate().join();
            return rollout.snapshot().awaitingOperator().filter(a -> a == Awaiting.TAKEN_OVER).isPresent();
        });
        assertThat(rollout.snapshot().message()).contains("bob on ").contains("took this rollout over");
        box.clock.advance(Duration.ofMinutes(12));
        box.sandbox.generateTrafficToNow();
        RolloutSnapshot after = rollout.evaluate().join();
        assertThat(after.awaitingOperator()).contains(Awaiting.TAKEN_OVER);
        assertThat(rollout.resume().join().message()).contains("Another console drives this rollout");
        assertThat(box.prod().revisionId()).isEqualTo(revisionAfterTakeOver); // Alice wrote nothing more
    }

    @Test
    void everyWriteNamesItsCallerAndHistoryShowsAChangeSomeoneElseMadeAsTheirs() throws Exception {
        box = new RolloutSandbox(dir);
        Path aliceJournal = dir.resolve("alice/journal.jsonl");
        ReleaseSession alice = box.sessionAs("alice", aliceJournal);
        AliasRoute prod = alice.services().lambda().getAlias(FN, "prod").join();

        WritePlan plan = alice.writer().plan(AliasChange.update(prod, TrafficSplit.canary("3", "2", 0.05), prod.description())).join();
        assertThat(plan.asText()).isEqualTo("as arn:aws:iam::123456789012:user/alice");
        WriteOutcome outcome = alice.writer().apply(plan).join();
        assertThat(outcome).isInstanceOf(WriteOutcome.Applied.class);
        JournalEntry line = ReleaseJournal.readFile(aliceJournal).get(0);
        assertThat(line.who()).isEqualTo("arn:aws:iam::123456789012:user/alice");

        // Someone else ("other", the sandbox's second SDK client) moves the canary to 20%.
        box.clock.advance(Duration.ofMinutes(1));
        String rev = box.prod().revisionId();
        box.other.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3").revisionId(rev)
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.2))));

        AliasHistory.History h = alice.history().of(FN, "prod", box.clock.instant().minus(Duration.ofHours(1))).join();
        assertThat(h.trailComplete()).isTrue();
        assertThat(h.entries()).hasSize(2);
        AliasHistory.Entry theirs = h.entries().get(0);
        assertThat(theirs.whoName()).isEqualTo("other");
        assertThat(theirs.who()).isEqualTo("arn:aws:iam::123456789012:user/other");
        assertThat(theirs.notByThisTool()).isTrue();
        assertThat(theirs.source()).isEqualTo(TrailEvent.Source.SDK);
        assertThat(theirs.describe()).isEqualTo("95% v3 · 5% v2 → 80% v3 · 20% v2");
        AliasHistory.Entry mine = h.entries().get(1);
        assertThat(mine.whoName()).isEqualTo("alice");
        assertThat(mine.inJournal()).isTrue();
        assertThat(mine.inTrail()).isTrue();
        assertThat(mine.notByThisTool()).isFalse();
        assertThat(mine.from()).isEqualTo("this tool (this machine)");

        // Another machine with this tool sees Alice's change as this tool's, from another machine.
        ReleaseSession bob = box.sessionAs("bob", dir.resolve("bob/journal.jsonl"));
        AliasHistory.History seenByBob = bob.history().of(FN, "prod", box.clock.instant().minus(Duration.ofHours(1))).join();
        assertThat(seenByBob.entries()).extracting(AliasHistory.Entry::from)
                .containsExactly("an SDK program", "this tool (another machine)");
    }

    @Test
    void aStackOwnedFunctionAndAnAliasCodeDeployIsShiftingAreWarnedOfInTheConfirmation() throws Exception {
        box = new RolloutSandbox(dir, com.lambdarelease.sandbox.SandboxOptions.forTests(), "payments-webhook:live");
        ReleaseSession alice = box.sessionAs("alice", dir.resolve("alice/journal.jsonl"));
        AliasRoute live = alice.services().lambda().getAlias("payments-webhook", "live").join();
        WritePlan plan = alice.writer().plan(AliasChange.update(live, TrafficSplit.canary("3", "2", 0.1), live.description())).join();
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("CloudFormation stack payments-prod")
                .contains("may put live back"));
        assertThat(plan.warnings()).noneSatisfy(w -> assertThat(w).contains("CodeDeploy"));

        ReleaseSession eu = box.sessionAsIn("alice", "eu-west-1", dir.resolve("eu/journal.jsonl"));
        AliasRoute invoices = eu.services().lambda().getAlias("eu-invoices", "live").join();
        WritePlan promote = eu.writer().plan(AliasChange.promote(invoices)).join();
        assertThat(promote.warnings()).anySatisfy(w -> assertThat(w).contains("CodeDeploy is shifting eu-invoices:live")
                .contains("it will fight this change"));
        assertThat(promote.warnings()).anySatisfy(w -> assertThat(w).contains("stack invoices-eu"));
        AliasHistory.History h = eu.history().of("eu-invoices", "live", box.clock.instant().minus(Duration.ofDays(1))).join();
        assertThat(h.codeDeployShift()).isPresent();
        assertThat(h.entries().get(0).from()).isEqualTo("CodeDeploy");
    }

    @Test
    void historyIsReadPagedWithinCloudTrailsRateAndALookAgainSoonCostsNoLookup() throws Exception {
        box = new RolloutSandbox(dir, com.lambdarelease.sandbox.SandboxOptions.builderForTests()
                .cloudTrail(com.lambdarelease.sandbox.SandboxOptions.CloudTrail.defaults()).build()); // AWS's 2 a second
        ReleaseSession alice = box.sessionAs("alice", dir.resolve("alice/journal.jsonl"));
        List<com.lambdarelease.service.ClientActivity.Throttled> throttled = new java.util.concurrent.CopyOnWriteArrayList<>();
        alice.services().activity().onThrottled(throttled::add);
        for (int i = 1; i <= 60; i++) { // 60 changes by someone else: two pages of UpdateAlias events
            double weight = i / 100.0;
            box.other.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("2", weight))));
        }

        long began = System.nanoTime();
        AliasHistory.History h = alice.history().of(FN, "prod", box.clock.instant().minus(Duration.ofHours(1))).join();
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        assertThat(h.trailComplete()).isTrue();
        assertThat(h.entries()).hasSize(60);
        assertThat(h.entries().get(0).describe()).isEqualTo("41% v3 · 59% v2 → 40% v3 · 60% v2");
        long lookups = alice.services().activity().requests("LookupEvents");
        assertThat(lookups).as("UpdateAlias in 2 pages, CreateAlias and DeleteAlias in 1 each").isEqualTo(4);
        assertThat(throttled).as("kept within 2 lookups a second").isEmpty();
        assertThat(tookMillis).as("4 lookups at 2 a second").isGreaterThanOrEqualTo(1000);

        alice.history().of(FN, Optional.empty(), box.clock.instant().minus(Duration.ofHours(1))).join();
        assertThat(alice.services().activity().requests("LookupEvents")).as("a second look within 30 s: from memory")
                .isEqualTo(lookups);
        box.clock.advance(Duration.ofMinutes(1));
        box.other.updateAlias(b -> b.functionName(FN).name("prod").functionVersion("3").routingConfig(r -> r.additionalVersionWeights(Map.of())));
        AliasHistory.History later = alice.history().of(FN, "prod", box.clock.instant().minus(Duration.ofHours(1))).join();
        assertThat(later.entries()).hasSize(61);
        assertThat(later.entries().get(0).describe()).isEqualTo("40% v3 · 60% v2 → 100% v3");
        // Read again from 15 minutes before the last read (CloudTrail may deliver late): UpdateAlias's 61 events in two
        // pages, one each for the others; nothing older than that.
        assertThat(alice.services().activity().requests("LookupEvents") - lookups).isEqualTo(4);
    }
}

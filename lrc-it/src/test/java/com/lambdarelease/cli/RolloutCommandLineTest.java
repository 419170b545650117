package com.lambdarelease.cli;

import com.lambdarelease.app.EmbeddedSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.release.JournalEntry;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.rollout.PlanStore;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.service.settings.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rollout …} run in-process as a script runs it, on the embedded sandbox (with its simulated
 * traffic) at {@code --sandbox-speed 120}, so the engine runs on the sandbox's clock. (Faster is not
 * better here: the sandbox generates its traffic once a real second, and at 120x that is two sandbox
 * minutes, still inside the three minutes after which the engine takes a minute's data as final.) What the
 * alias went through is read back from the journal the command wrote.
 */
class RolloutCommandLineTest {

    private static final String FN = "MyLambdaFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;


    private Map<String, String> env() {
        return Map.of(GlobalOptions.JOURNAL_ENV, home.resolve("journal.jsonl").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    private CliRun run(String... args) {
        CliContext context = new CliContext(Terminal.none(), env(), home, plan -> { }, EmbeddedSandbox.forCommandLine());
        String[] full = Stream.concat(Stream.of("--connection", "sandbox", "--sandbox-speed", "120"), Stream.of(args))
                .toArray(String[]::new);
        return CliRun.execute(context, full);
    }

    private List<JournalEntry> aliasChanges() {
        return ReleaseJournal.readFile(home.resolve("journal.jsonl")).stream()
                .filter(e -> e.function().equals(FN) && e.alias().equals("prod")).toList();
    }

    @Test
    void versionFourOnALinearPlanIsRolledBackWithExitFourAndProdExactlyAsBefore() {
        CliRun r = run("rollout", "start", FN, "prod", "--to", "4", "--plan", "Linear10PercentEvery1Minute", "--yes");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.ROLLED_BACK);
        assertThat(r.out()).contains("Gate failed: Error test").contains("restored 100% → v3 — “Live traffic”");
        List<JournalEntry> changes = aliasChanges();
        assertThat(changes.get(0).before().orElseThrow().describe()).isEqualTo("100% v3");
        assertThat(changes.get(changes.size() - 1).after().orElseThrow().describe()).isEqualTo("100% v3");
        assertThat(changes).allMatch(JournalEntry::applied);

        CliRun status = run("rollout", "status", FN, "prod");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("MyLambdaFunction:prod").contains("rolled back");
        assertThat(run("rollout", "list").out()).contains("rolled back");
    }

    @Test
    void publishRollsTheDemoAccountsHealthyChangeOutAndPromotesItAtTheDefaultSettings() {
        CliRun r = run("rollout", "start", FN, "prod", "--publish", "--plan", "Linear10PercentEvery1Minute", "--yes");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.DONE);
        assertThat(r.err()).contains("Published MyLambdaFunction version 5.");
        assertThat(r.out()).contains("Promoted: MyLambdaFunction:prod sends 100% → v5");
        List<JournalEntry> changes = aliasChanges();
        assertThat(changes.get(0).before().orElseThrow().describe()).isEqualTo("100% v3");
        assertThat(changes.get(changes.size() - 1).after().orElseThrow().describe()).isEqualTo("100% v5");
        assertThat(changes).allMatch(JournalEntry::applied);
    }

    @Test
    void aHealthyVersionIsPromotedWithExitZeroAndJsonLinesSayEachStep() throws Exception {
        CliRun r = run("--output", "json", "rollout", "start", FN, "prod", "--to", "2", "--plan", "Canary10Percent5Minutes",
                "--max-error-rate", "0.05", "--yes");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<JsonNode> lines = r.out().lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.path("state").asText()).contains("baking").endsWith("promoted");
        assertThat(lines.get(lines.size() - 1).path("verdict").path("moreInvocationsNeeded").asLong()).isZero();
        assertThat(aliasChanges().get(aliasChanges().size() - 1).after().orElseThrow().describe()).isEqualTo("100% v2");
    }

    @Test
    void aManualGateEndsTheCommandWithExitFiveAndAnotherProcessSeesItInTheJournal() {
        PlanStore.besideSettings(SettingsFile.defaultFile(env(), home)).save(new RolloutPlan("gated",
                List.of(RolloutPlan.Step.shift(10, Duration.ofMinutes(1)), RolloutPlan.Step.gate())));

        // $LATEST, healthy: v2 fails more often than v3, and minutes judged as soon as they are complete catch it
        // before the gate.
        CliRun r = run("rollout", "start", FN, "prod", "--publish", "--plan", "gated", "--max-error-rate", "0.05", "--yes",
                "--exit-when-asked");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        assertThat(r.out()).contains("Waiting for an operator: manual gate");
        assertThat(run("rollout", "status", FN, "prod").out()).contains("holding").contains("manual gate");

        // The embedded sandbox ended with the command: a new one has a new alias revision, so the journal's
        // rollout is not resumed over it; it pauses and says why (a conflict, exit 2).
        CliRun approve = run("rollout", "approve", FN, "prod");
        assertThat(approve.code()).as(approve.out() + approve.err()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(approve.out()).contains("the alias changed while nobody drove the rollout");
    }

    @Test
    void withoutYesAndWithoutATerminalARolloutIsRefusedAndNothingIsSent() {
        CliRun r = run("rollout", "start", FN, "prod", "--to", "4", "--plan", "Canary10Percent5Minutes");
        assertThat(r.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("add --yes");
        assertThat(aliasChanges()).isEmpty();
        CliRun unknown = run("rollout", "start", FN, "prod", "--to", "4", "--plan", "Nope", "--yes");
        assertThat(unknown.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.err()).contains("No plan named Nope");
    }

    @Test
    void helpListsTheRolloutExitCodes() {
        CliRun r = run("rollout", "start", "--help");
        assertThat(r.out()).contains("4").contains("rolled back").contains("5").contains("waits for an operator");
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.release.ReleaseJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rollout start} on the demo account's orders-api:live, which already sends 10% to v8: a
 * rollout of another version is refused naming the split (exit 1, nothing sent) unless
 * {@code --replace-canary} says to replace v8's share.
 */
class RolloutExistingSplitCommandLineTest {

    @TempDir
    Path home;

    private CliRun run(String... args) {
        CliContext context = new CliContext(Terminal.none(), Map.of(GlobalOptions.JOURNAL_ENV,
                home.resolve("journal.jsonl").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()),
                home, plan -> { }, EmbeddedSandbox.forCommandLine());
        return CliRun.execute(context, Stream.concat(Stream.of("--connection", "sandbox", "--sandbox-speed", "120"),
                Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void aRolloutOfAnotherVersionOnAnAliasWithACanaryIsRefusedWithExitOneNamingTheSplitAndNothingIsSent() {
        CliRun r = run("rollout", "start", "orders-api", "live", "--to", "6", "--plan", "Canary10Percent5Minutes", "--yes");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("orders-api:live already sends 90% → v7 · 10% → v8; add --replace-canary to replace "
                + "v8's share with v6. Nothing was sent.");
        assertThat(ReleaseJournal.readFile(home.resolve("journal.jsonl"))).as("no alias write").isEmpty();
        assertThat(run("rollout", "list").out()).doesNotContain("orders-api");
    }

    @Test
    void aPublishOnAnAliasWithACanaryIsRefusedBeforeAnythingIsPublished() {
        CliRun r = run("rollout", "start", "orders-api", "live", "--publish", "--plan", "Canary10Percent5Minutes", "--yes");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("orders-api:live already sends 90% → v7 · 10% → v8; add --replace-canary")
                .contains("Nothing was published or sent.").doesNotContain("Published orders-api version");
        assertThat(ReleaseJournal.readFile(home.resolve("journal.jsonl"))).as("no alias write").isEmpty();
    }

    @Test
    void helpNamesReplaceCanary() {
        assertThat(run("rollout", "start", "--help").out()).contains("--replace-canary");
    }
}

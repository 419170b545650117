package com.lambdarelease.release;

import com.lambdarelease.domain.TrafficSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseJournalTest {

    private static JournalEntry entry(String alias, Instant at, String outcome) {
        return new JournalEntry(at, "Sandbox", "123456789012", "us-east-1", "sandbox", "MyLambdaFunction", alias,
                "update", Optional.of(TrafficSplit.allTo("3")), Optional.of(TrafficSplit.canary("3", "4", 0.1)),
                "r1", "r2", outcome, "");
    }

    @Test
    void entriesSurviveAReopenAndATornLastLineIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config").resolve("journal.jsonl");
        Instant t = Instant.parse("2026-12-01T20:00:00Z");
        ReleaseJournal journal = ReleaseJournal.at(file);
        journal.append(entry("prod", t, JournalEntry.APPLIED));
        journal.append(entry("qa", t.plusSeconds(60), JournalEntry.CONFLICT));
        Files.writeString(file, "{\"at\":\"2026-12-01T20:02:00Z\",\"function\":\"MyLa", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND); // a crash mid-write

        ReleaseJournal reopened = ReleaseJournal.at(file);

        assertThat(reopened.read()).hasSize(2);
        JournalEntry first = reopened.read().get(0);
        assertThat(first).isEqualTo(entry("prod", t, JournalEntry.APPLIED));
        assertThat(first.describe()).isEqualTo("100% v3 → 90% v3 · 10% v4");
        assertThat(reopened.read(Optional.of("MyLambdaFunction"), Optional.of("qa"))).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(JournalEntry.CONFLICT));
        assertThat(reopened.routingChanges("MyLambdaFunction", "prod", t, t.plusSeconds(1))).hasSize(1);
        assertThat(reopened.routingChanges("MyLambdaFunction", "qa", t, t.plusSeconds(120)))
                .as("a conflict changed nothing").isEmpty();
    }

    @Test
    void listenersHearEachNewEntry() {
        ReleaseJournal journal = ReleaseJournal.inMemory();
        java.util.List<JournalEntry> heard = new java.util.ArrayList<>();
        Runnable stop = journal.subscribe(heard::add);
        journal.append(entry("prod", Instant.EPOCH, JournalEntry.APPLIED));
        stop.run();
        journal.append(entry("prod", Instant.EPOCH, JournalEntry.APPLIED));
        assertThat(heard).hasSize(1);
        assertThat(journal.listenerCount()).isZero();
    }

    @Test
    void aLineThatCannotBeWrittenReachesTheOperatorAndTheChangeIsStillKept(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("settings.json"), "{}");
        ReleaseJournal journal = ReleaseJournal.at(notAFolder.resolve("journal.jsonl"));
        java.util.List<String> told = new java.util.ArrayList<>();
        journal.reportWriteFailuresTo(new Feedback() {
            @Override
            public void success(String message) {
                told.add("success " + message);
            }

            @Override
            public void info(String message) {
                told.add("info " + message);
            }

            @Override
            public void failure(String what, Throwable error) {
                told.add("failure " + what);
            }
        });

        journal.append(entry("prod", Instant.parse("2026-12-01T20:00:00Z"), JournalEntry.APPLIED));

        assertThat(told).containsExactly("failure Could not append to the release journal "
                + notAFolder.resolve("journal.jsonl"));
        assertThat(journal.read()).hasSize(1);
    }
}

package com.lambdarelease.release;

import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.TrailEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How journal lines and CloudTrail events of one alias become one history: no network, the merge rules alone. */
class AliasHistoryMergeTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    private static TrailEvent event(String id, Instant at, String name, Optional<TrafficSplit> after, String basedOn,
                                    String revision, String who, String agent) {
        return new TrailEvent(id, at, name, "fn", "prod", after, basedOn, revision, "", "arn:aws:iam::1:user/" + who, who, "",
                "127.0.0.1", agent, "", "");
    }

    private static JournalEntry line(Instant at, String action, Optional<TrafficSplit> before, Optional<TrafficSplit> after,
                                     String basedOn, String revision) {
        return new JournalEntry(at.plusMillis(300), "Sandbox", "1", "us-east-1", "arn:aws:iam::1:user/me", "fn", "prod", action,
                before, after, basedOn, revision, JournalEntry.APPLIED, "");
    }

    @Test
    void aJournalLineAndItsCloudTrailEventAreOneEntryAndOthersChangesAreMarkedWithTheirBeforeDerived() {
        TrafficSplit v3 = TrafficSplit.allTo("3");
        TrafficSplit canary = TrafficSplit.canary("3", "4", 0.1);
        TrafficSplit more = TrafficSplit.canary("3", "4", 0.2);
        List<JournalEntry> journal = List.of(line(T, "update", Optional.of(v3), Optional.of(canary), "r1", "r2"));
        List<TrailEvent> trail = List.of( // newest first, as CloudTrail answers
                event("e2", T.plusSeconds(60), "UpdateAlias20150331", Optional.of(more), "", "r3", "bob", "aws-cli/2.22.0"),
                event("e1", T, "UpdateAlias20150331", Optional.of(canary), "r1", "r2", "me",
                        "aws-sdk-java/2.58.0 app/lambda-release-console"));

        List<AliasHistory.Entry> h = AliasHistory.merge(journal, trail);

        assertThat(h).hasSize(2);
        assertThat(h.get(0).whoName()).isEqualTo("bob");
        assertThat(h.get(0).source()).isEqualTo(TrailEvent.Source.AWS_CLI);
        assertThat(h.get(0).notByThisTool()).isTrue();
        assertThat(h.get(0).describe()).isEqualTo("90% v3 · 10% v4 → 80% v3 · 20% v4");
        assertThat(h.get(1).inJournal()).isTrue();
        assertThat(h.get(1).inTrail()).isTrue();
        assertThat(h.get(1).from()).isEqualTo("this tool (this machine)");
        assertThat(h.get(1).describe()).isEqualTo("100% v3 → 90% v3 · 10% v4");
    }

    @Test
    void changesOfOneSecondFollowTheirRevisionChainACreateFirst() {
        TrafficSplit a = TrafficSplit.allTo("1");
        TrafficSplit b = TrafficSplit.canary("1", "2", 0.1);
        TrafficSplit c = TrafficSplit.canary("1", "2", 0.3);
        List<TrailEvent> trail = List.of( // one second, in an order that is not the chain's
                event("u1", T, "UpdateAlias20150331", Optional.of(b), "r1", "r2", "x", "Boto3/1.43"),
                event("u2", T, "UpdateAlias20150331", Optional.of(c), "r2", "r3", "x", "Boto3/1.43"),
                event("c1", T, "CreateAlias20150331", Optional.of(a), "", "r1", "x", "Boto3/1.43"));

        List<AliasHistory.Entry> h = AliasHistory.merge(List.of(), trail);

        assertThat(h).extracting(AliasHistory.Entry::revision).containsExactly("r3", "r2", "r1");
        assertThat(h).extracting(AliasHistory.Entry::describe)
                .containsExactly("90% v1 · 10% v2 → 70% v1 · 30% v2", "100% v1 → 90% v1 · 10% v2", "(none) → 100% v1");
        assertThat(h.get(0).source()).isEqualTo(TrailEvent.Source.SDK);
    }
}

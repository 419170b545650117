package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.FunctionConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish verdict predicts AWS: a new version when $LATEST was updated after the newest version
 * (whatever the content), the newest version back when nothing was updated since. Content
 * differences are information only.
 */
class PublishFormTest {

    private static final Instant V4_PUBLISHED = Instant.parse("2026-12-01T13:00:00Z");

    private static FunctionConfig config(String version, String sha, int timeout, Instant modified, String description) {
        return new FunctionConfig("fn", "arn:aws:lambda:us-east-1:123456789012:function:fn", version, description,
                "python3.13", "h", 128, timeout, "role", sha, 10, modified, "rev", List.of(), Map.of(), Optional.empty());
    }

    private static PublishForm form(FunctionConfig latest) {
        return new PublishForm(latest, Optional.of(config("4", "sha-a", 3, V4_PUBLISHED, "v4")), ZoneOffset.UTC);
    }

    @Test
    void givenAConfigurationUpdateAfterV4_thenPublishesV5_codeUnchanged() {
        PublishForm f = form(config("$LATEST", "sha-a", 20, Instant.parse("2026-12-01T14:02:10Z"), ""));
        assertThat(f.returnsExisting()).isFalse();
        assertThat(f.changeSummary()).isEqualTo("Publishes v5 (configuration updated 14:02 after v4; code unchanged).");
        assertThat(f.changes()).containsExactly("timeout", "description");
        assertThat(f.after()).isEqualTo("v5 from $LATEST (code sha-a)");
    }

    @Test
    void givenTheSameContentUpdatedAfterV4_thenStillPublishesV5_asAwsDoes() {
        PublishForm f = form(config("$LATEST", "sha-a", 3, Instant.parse("2026-12-01T14:02:00Z"), "v4"));
        assertThat(f.changes()).isEmpty();
        assertThat(f.changeSummary()).isEqualTo("Publishes v5 ($LATEST updated 14:02 after v4; code unchanged).");
        assertThat(f.differencesProperty().get()).isEqualTo("Content: the same code and configuration as v4.");
    }

    @Test
    void givenNewCodeAfterV4_thenPublishesV5_codeUpdated() {
        PublishForm f = form(config("$LATEST", "sha-b", 3, Instant.parse("2026-12-01T14:02:00Z"), ""));
        assertThat(f.changeSummary()).isEqualTo("Publishes v5 (code updated 14:02 after v4).");
    }

    @Test
    void givenNothingUpdatedSinceV4_thenReturnsV4_evenWhenTheContentDiffers() {
        PublishForm f = form(config("$LATEST", "sha-b", 3, Instant.parse("2026-12-01T12:00:00Z"), ""));
        assertThat(f.returnsExisting()).isTrue();
        assertThat(f.changeSummary()).startsWith("Returns v4: nothing was updated since");
        assertThat(f.differencesProperty().get()).isEqualTo("Content that differs from v4: code, description.");
        assertThat(f.after()).isEqualTo("No new version: v4 stays the newest");
    }

    @Test
    void givenNoVersionYet_thenPublishesV1() {
        PublishForm f = new PublishForm(config("$LATEST", "sha-a", 3, V4_PUBLISHED, ""), Optional.empty(), ZoneOffset.UTC);
        assertThat(f.changeSummary()).isEqualTo("Publishes v1: no version is published yet.");
        assertThat(f.returnsExisting()).isFalse();
    }

    @Test
    void whenRefreshed_thenTheVerdictFollowsTheNewState() {
        PublishForm f = form(config("$LATEST", "sha-a", 3, Instant.parse("2026-12-01T12:00:00Z"), ""));
        assertThat(f.returnsExisting()).isTrue();
        f.refresh(config("$LATEST", "sha-a", 30, Instant.parse("2026-12-01T14:05:00Z"), ""),
                Optional.of(config("4", "sha-a", 3, V4_PUBLISHED, "v4")));
        assertThat(f.returnsExisting()).isFalse();
        assertThat(f.verdictProperty().get()).startsWith("Publishes v5 (configuration updated 14:05");
    }
}

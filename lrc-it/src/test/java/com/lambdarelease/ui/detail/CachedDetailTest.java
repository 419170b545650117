package com.lambdarelease.ui.detail;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.FunctionStates;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.cache.CachedDetail;
import com.lambdarelease.service.cache.ConnectionCache;
import com.lambdarelease.service.cache.ListingCache;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.ToastNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given orders-api's versions and aliases cached from an earlier run and a sandbox that takes 2 s a
 * request, opening it shows the cached versions and aliases at once, marked as cached (so no write
 * is offered from them), then the ones read from the sandbox, which are kept for the next time.
 */
class CachedDetailTest {

    private static SandboxFixture sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture(SandboxOptions.builderForTests().requestLatency(Duration.ofSeconds(2)).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anOpenedFunctionShowsItsCachedVersionsAndAliasesUntilTheyAreReadAfresh() throws Exception {
        ConnectionCache cache = new ListingCache(dir).forConnection(new ConnectionSpec.Sandbox());
        Instant savedAt = Instant.parse("2026-12-01T21:14:00Z");
        FunctionStates states = new FunctionStates(sandbox.services.lambda());
        var fresh = states.of("orders-api").load().get(30, TimeUnit.SECONDS);
        AliasRoute oldLive = new AliasRoute("orders-api", "live", fresh.aliases().get(0).arn(),
                com.lambdarelease.domain.TrafficSplit.allTo("7"), "before the canary", "old-revision");
        cache.saveDetail(new CachedDetail("orders-api", savedAt, fresh.versions().subList(0, 2), List.of(oldLive)));

        FunctionDetailViewModel model = new FunctionDetailViewModel(
                sandbox.context(Runnable::run, new ScriptedDialogs(), new ToastNotifier()),
                new FunctionStates(sandbox.services.lambda()), cache);
        model.show("orders-api");
        WaitForAsyncUtils.waitFor(1500, TimeUnit.MILLISECONDS, () -> !model.aliases().isEmpty());
        assertThat(model.loadingProperty().get()).as("the sandbox has not answered yet").isTrue();
        assertThat(model.cachedAtProperty().get()).isEqualTo(savedAt);
        assertThat(model.aliases()).containsExactly(oldLive);
        assertThat(model.versions()).hasSize(2);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
        assertThat(model.cachedAtProperty().get()).isNull();
        assertThat(model.versions()).hasSize(fresh.versions().size());
        assertThat(model.alias("live").orElseThrow().split().isSplit()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cache.detail("orders-api").orElseThrow().savedAt().isAfter(savedAt));
        assertThat(cache.detail("orders-api").orElseThrow().aliases()).extracting(AliasRoute::revisionId)
                .doesNotContain("old-revision");
    }
}

package com.lambdarelease.ui.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.rollout.RolloutState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.lambdarelease.ui.rollout.RolloutPanelSandbox.FN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rollouts panel's Start on an alias that already sends 10% to another version (v4 on prod,
 * set by another operator): the confirmation shows that split and asks for "Replace v4's 10% with
 * v5" to be ticked; without the tick nothing is sent.
 */
class RolloutStartOnASplitTest {

    @TempDir
    Path dir;
    private RolloutPanelSandbox s;
    private RolloutPanelModel model;
    private String v5;

    @BeforeEach
    void open() throws Exception {
        s = new RolloutPanelSandbox(dir, fx);
        v5 = s.publishHealthyVersion();
        s.other.updateAlias(b -> b.functionName(FN).name("prod").description("Canary: 10% to v4")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("4", 0.1))));
        model = new RolloutPanelModel(s.rollouts, s.session.states(), s.ui);
        AliasRoute prod = s.session.services().lambda().getAlias(FN, "prod").join();
        onFx(() -> model.show(prod)).join();
        // offerVersions fills the list, then picks its default target: ours is set after it, on the model's thread.
        await(() -> model.versions().contains(v5) && model.targetProperty().get() != null);
        onFx(() -> {
            model.planProperty().set(model.plans().stream().filter(p -> p.name().equals("Linear10PercentEvery1Minute"))
                .findFirst().orElseThrow());
            model.targetProperty().set(v5);
            return CompletableFuture.completedFuture(null);
        }).join();
    }

    /** The model's one thread, as the FX thread is in the console: its own callbacks and the test's moves take turns. */
    private final java.util.concurrent.ExecutorService fx = java.util.concurrent.Executors.newSingleThreadExecutor();

    private <T> CompletableFuture<T> onFx(java.util.function.Supplier<CompletableFuture<T>> action) {
        return CompletableFuture.supplyAsync(action, fx).thenCompose(f -> f);
    }

    @AfterEach
    void close() {
        fx.shutdownNow();
        s.close();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void confirmedWithoutTickingTheReplacementNothingIsSent() {
        String before = s.prod().revisionId();
        s.dialogs.tick = false;

        assertThat(onFx(model::start).join()).as("prod %s; confirmations %s; journal %s", s.prod(), s.dialogs.confirmations,
                s.rollouts.journal().all()).isFalse();

        var asked = s.dialogs.confirmations.get(0);
        assertThat(asked.before()).isEqualTo("MyLambdaFunction:prod sends 90% → v3 · 10% → v4");
        assertThat(asked.mustTick()).isEqualTo("Replace v4's 10% with v" + v5);
        assertThat(asked.notes().get(0)).startsWith("MyLambdaFunction:prod already sends 90% → v3 · 10% → v4");
        assertThat(model.snapshotProperty().get()).isEmpty();
        GetAliasResponse prod = s.prod();
        assertThat(prod.revisionId()).isEqualTo(before);
        assertThat(prod.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
    }

    @Test
    void tickedTheFirstShiftReplacesV4sShareAndStatesItAndAnAbortRestoresV4() {
        s.dialogs.tick = true;

        assertThat(onFx(model::start).join()).isTrue();
        s.rollouts.tick().join();

        await(() -> model.snapshotProperty().get().filter(x -> x.state() == RolloutState.BAKING).isPresent());
        GetAliasResponse shifted = s.prod();
        assertThat(shifted.routingConfig().additionalVersionWeights())
                .as("after %s; journal %s", model.snapshotProperty().get(), s.rollouts.journal().all())
                .isEqualTo(Map.of(v5, 0.1));
        assertThat(shifted.description()).isEqualTo("Canary: 10% to v" + v5);

        assertThat(onFx(model::abort).join()).isTrue();
        GetAliasResponse restored = s.prod();
        assertThat(restored.functionVersion()).isEqualTo("3");
        assertThat(restored.routingConfig().additionalVersionWeights()).isEqualTo(Map.of("4", 0.1));
        assertThat(restored.description()).isEqualTo("Canary: 10% to v4");
    }
}

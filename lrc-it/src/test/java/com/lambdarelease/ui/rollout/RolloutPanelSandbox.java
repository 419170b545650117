package com.lambdarelease.ui.rollout;

import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.Notifier;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.UiContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The seeded sandbox on a manual clock with traffic to MyLambdaFunction:prod only, the console's
 * session on it with a journal file, the panel's per-connection rollouts, and a second SDK client
 * (another operator) to read AWS's state back. Time moves only when a test says.
 */
final class RolloutPanelSandbox implements AutoCloseable {

    static final String FN = "MyLambdaFunction";

    final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-12-01T12:00:00Z"));
    final Sandbox sandbox;
    final LambdaClient other;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<String> notes = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService background = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    final ReleaseSession session;
    final UiContext ui;
    final ConsoleRollouts rollouts;
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final SessionFactory factory;

    RolloutPanelSandbox(Path dir, Executor fx) throws Exception {
        this(dir, fx, null);
    }

    /** @param dialogs the dialogs the operator answers (null: {@link #dialogs}, answered by the test) */
    RolloutPanelSandbox(Path dir, Executor fx, com.lambdarelease.ui.common.DialogService dialogs) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().traffic(true).backfill(Duration.ZERO).build(), clock);
        other = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
                .build();
        // Only prod gets traffic: the other seeded aliases' requests would cost time and say nothing here.
        for (String[] a : new String[][] {{FN, "dev"}, {FN, "staging"}, {"orders-api", "live"}, {"image-resizer", "prod"},
                {"payments-webhook", "live"}, {"nightly-report", "prod"}}) {
            other.deleteAlias(b -> b.functionName(a[0]).name(a[1]));
        }
        sandbox.generateTrafficToNow();
        factory = new SessionFactory(io, background, EmbeddedSandbox.of(sandbox));
        session = factory.openSession(new ConnectionSpec.Sandbox(), ReleaseJournal.at(dir.resolve("journal.jsonl"))).join();
        ui = new UiContext(fx, background, clock, dialogs != null ? dialogs : this.dialogs, new Notifier() {
            @Override
            public void success(String message) {
                notes.add(message);
            }

            @Override
            public void info(String message) {
                notes.add(message);
            }

            @Override
            public void failure(String what, Throwable error) {
                notes.add(what + ": " + ErrorText.describe(error));
            }
        });
        rollouts = new ConsoleRollouts(session, ui);
    }

    /** One minute of sandbox time passes (with its traffic), then every rollout in flight evaluates once. */
    void minute() {
        clock.advance(Duration.ofMinutes(1));
        sandbox.generateTrafficToNow();
        rollouts.tick().join();
    }

    /** Publishes a healthy new version (0.5% errors, as v1-3) from $LATEST; returns its number. */
    String publishHealthyVersion() {
        other.updateFunctionConfiguration(b -> b.functionName(FN)
                .environment(e -> e.variables(Map.of("SANDBOX_ERROR_RATE", "0.005"))));
        return other.publishVersion(b -> b.functionName(FN).description("healthy")).version();
    }

    /** Another operator on another machine (their own key, journal and lock folder beside {@code journal}). */
    ReleaseSession operator(String accessKey, Path journal) {
        return com.lambdarelease.testing.OtherOperator.session(sandbox.endpoint(), "us-east-1", accessKey, clock, journal,
                io, background);
    }

    GetAliasResponse prod() {
        return other.getAlias(b -> b.functionName(FN).name("prod"));
    }

    @Override
    public void close() {
        rollouts.close();
        other.close();
        factory.close();
        sandbox.close();
        io.shutdownNow();
        background.shutdownNow();
    }
}

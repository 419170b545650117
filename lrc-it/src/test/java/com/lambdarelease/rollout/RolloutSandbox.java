package com.lambdarelease.rollout;

import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.connection.ConnectionSpec;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The seeded sandbox on a manual clock with simulated traffic, the release core talking to it over
 * HTTP, and a second, independent SDK client (another operator). Time moves only when a test says.
 */
final class RolloutSandbox implements AutoCloseable {

    static final String FN = "MyLambdaFunction";
    static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    final SandboxClock.ManualClock clock = SandboxClock.manual(START);
    final Sandbox sandbox;
    final Path journalFile;
    final LambdaClient other;
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SessionFactory factory;
    private final java.util.List<RolloutEngine> engines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<ReleaseSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    long trafficNanos;
    long evaluateNanos;

    /**
     * @param keep seeded aliases ("orders-api:live") that keep their traffic, beside prod: the others
     *             are deleted, their requests would cost time and say nothing
     */
    RolloutSandbox(Path dir, SandboxOptions options, String... keep) throws Exception {
        sandbox = Sandbox.start(options.toBuilder().traffic(true).backfill(Duration.ZERO).build(), clock);
        other = LambdaClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
                .build();
        List<String> kept = List.of(keep);
        for (String[] a : new String[][] {{FN, "dev"}, {FN, "staging"}, {"orders-api", "live"}, {"image-resizer", "prod"},
                {"payments-webhook", "live"}, {"nightly-report", "prod"}}) {
            if (!kept.contains(a[0] + ":" + a[1])) {
                other.deleteAlias(b -> b.functionName(a[0]).name(a[1]));
            }
        }
        sandbox.generateTrafficToNow();
        journalFile = dir.resolve("journal.jsonl");
        factory = new SessionFactory(io, timer, EmbeddedSandbox.of(sandbox));
    }

    RolloutSandbox(Path dir) throws Exception {
        this(dir, SandboxOptions.forTests());
    }

    /** A new session and engine on the same journal: what a restarted console or command line opens. */
    RolloutEngine engine() {
        return engine(session());
    }

    /** An engine on {@code session} and the journal; closed (its locks released) with this sandbox. */
    RolloutEngine engine(ReleaseSession session) {
        RolloutEngine e = new RolloutEngine(session, clock, Runnable::run, RolloutEngine.lockFolderBeside(journalFile));
        engines.add(e);
        return e;
    }

    /** A session of its own (its own SDK clients and request counts) on the journal. */
    ReleaseSession session() {
        return factory.openSession(new ConnectionSpec.Sandbox(), ReleaseJournal.at(journalFile)).join();
    }

    /**
     * A session of another operator on another machine: its own credentials (the sandbox's STS names the IAM user
     * after the key), its own journal at {@code journal}, the same sandbox and clock.
     */
    ReleaseSession sessionAs(String accessKey, Path journal) {
        return sessionAsIn(accessKey, "us-east-1", journal);
    }

    /** {@link #sessionAs} in {@code region}. */
    ReleaseSession sessionAsIn(String accessKey, String region, Path journal) {
        ReleaseSession session = com.lambdarelease.testing.OtherOperator.session(sandbox.endpoint(), region, accessKey,
                clock, journal, io, timer);
        sessions.add(session);
        return session;
    }

    /** An engine on {@code session} whose lock files sit beside {@code journal} (another machine's folder). */
    RolloutEngine engine(ReleaseSession session, Path journal) {
        RolloutEngine e = new RolloutEngine(session, clock, Runnable::run, RolloutEngine.lockFolderBeside(journal));
        engines.add(e);
        return e;
    }

    /** One minute of sandbox time passes (with its traffic), then the rollout evaluates once. */
    RolloutSnapshot minute(Rollout rollout) {
        clock.advance(Duration.ofMinutes(1));
        long a = System.nanoTime();
        sandbox.generateTrafficToNow();
        long b = System.nanoTime();
        RolloutSnapshot s = rollout.evaluate().join();
        trafficNanos += b - a;
        evaluateNanos += System.nanoTime() - b;
        return s;
    }

    /** Minutes pass until the rollout finishes or waits for an operator, at most {@code max}. */
    RolloutSnapshot runUntilSettled(Rollout rollout, int max) {
        RolloutSnapshot s = rollout.evaluate().join();
        for (int i = 0; i < max && !s.finished() && !s.needsOperator(); i++) {
            s = minute(rollout);
        }
        return s;
    }

    /** Publishes a healthy new version (0.5% errors, as v1-3) from $LATEST; returns its number. */
    String publishHealthyVersion() {
        return publishVersion(0.005, "healthy");
    }

    /** Publishes a new version from $LATEST that fails {@code errorRate} of its invocations; returns its number. */
    String publishVersion(double errorRate, String description) {
        return publishVersion(FN, errorRate, description);
    }

    /** Publishes a new version of {@code function} from $LATEST that fails {@code errorRate} of its invocations. */
    String publishVersion(String function, double errorRate, String description) {
        other.updateFunctionConfiguration(b -> b.functionName(function)
                .environment(e -> e.variables(Map.of("SANDBOX_ERROR_RATE", Double.toString(errorRate)))));
        return other.publishVersion(b -> b.functionName(function).description(description)).version();
    }

    /** The alias as the other client reads it. */
    GetAliasResponse alias(String function, String name) {
        return other.getAlias(b -> b.functionName(function).name(name));
    }

    /** Publishes a new version from $LATEST at 0.5% errors that runs {@code extraMs} longer than the others. */
    String publishSlowVersion(long extraMs) {
        other.updateFunctionConfiguration(b -> b.functionName(FN).environment(e -> e.variables(Map.of(
                "SANDBOX_ERROR_RATE", "0.005", "SANDBOX_LATENCY_MS", Long.toString(extraMs)))));
        return other.publishVersion(b -> b.functionName(FN).description("slow")).version();
    }

    /** An hour of prod's traffic passes before anything else: the primary's history. */
    void anHourOfHistory() {
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofMinutes(1));
            sandbox.generateTrafficToNow();
        }
    }

    GetAliasResponse prod() {
        return other.getAlias(b -> b.functionName(FN).name("prod"));
    }

    @Override
    public void close() {
        engines.forEach(RolloutEngine::close);
        sessions.forEach(s -> {
            try {
                s.close();
            } catch (Exception e) {
                // closing clients at the end of a test
            }
        });
        other.close();
        factory.close();
        sandbox.close();
        io.shutdownNow();
        timer.shutdownNow();
    }
}

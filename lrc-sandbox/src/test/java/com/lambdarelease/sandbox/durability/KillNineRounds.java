package com.lambdarelease.sandbox.durability;

import com.lambdarelease.sandbox.SandboxProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rounds of: start the sandbox as its own process with a state file, write through the SDK from
 * two clients, kill -9 the process mid-write ({@link Process#destroyForcibly}), restart, and
 * check that every acknowledged write is there and that no acknowledged version number was
 * handed out again. Used by {@code DurableStateKillTest} (a few rounds) and
 * {@code DurableStateKillBenchmark} (20 rounds). Targets 127.0.0.1 only.
 */
final class KillNineRounds {

    static final List<String> FUNCTIONS = List.of("durable-a", "durable-b");

    /** What one run found. */
    record Result(int rounds, long acknowledged, long lost, long reused, long writes, long writeNanos,
                  List<String> problems) {
        double meanAckMillis() {
            return writes == 0 ? 0 : writeNanos / 1e6 / writes;
        }
    }

    private final Path stateFile;
    /** function to (version to the description acknowledged with it). */
    private final Map<String, Map<String, String>> acknowledged = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    KillNineRounds(Path stateFile) {
        this.stateFile = stateFile;
        FUNCTIONS.forEach(f -> acknowledged.put(f, new ConcurrentHashMap<>()));
    }

    Result run(int rounds, Duration writeFor) throws Exception {
        long lost = 0;
        for (int round = 0; round < rounds; round++) {
            SandboxProcess sandbox = start();
            try (LambdaClient lambda = client(sandbox.port())) {
                if (round == 0) {
                    for (String f : FUNCTIONS) {
                        lambda.createFunction(b -> b.functionName(f).runtime(Runtime.PYTHON3_12).handler("a.b")
                                .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(SdkBytes.fromUtf8String("x"))));
                    }
                } else {
                    lost += check(lambda);
                }
                int r = round;
                List<Thread> writers = new ArrayList<>();
                for (String f : FUNCTIONS) {
                    Thread w = new Thread(() -> write(lambda, f, r), "kill9-writer-" + f);
                    w.start();
                    writers.add(w);
                }
                long jitter = ThreadLocalRandom.current().nextLong(writeFor.toMillis() / 2 + 1);
                Thread.sleep(writeFor.toMillis() / 2 + jitter);
                sandbox.kill();
                for (Thread w : writers) {
                    w.join(10_000);
                }
            } finally {
                sandbox.kill();
            }
        }
        SandboxProcess last = start();
        try (LambdaClient lambda = client(last.port())) {
            lost += check(lambda);
        } finally {
            last.kill();
        }
        long total = acknowledged.values().stream().mapToLong(Map::size).sum();
        return new Result(rounds, total, lost, reused.get(), writes.get(), writeNanos.get(), List.copyOf(problems));
    }

    /** Updates and publishes until the sandbox dies; records each version the sandbox acknowledged. */
    private void write(LambdaClient lambda, String function, int round) {
        for (int i = 0; ; i++) {
            String description = "round " + round + " write " + i;
            long started = System.nanoTime();
            try {
                // The environment, not the description: a publish with no setting changed returns the newest version.
                lambda.updateFunctionConfiguration(b -> b.functionName(function)
                        .environment(e -> e.variables(Map.of("WRITE", description))));
                String version = lambda.publishVersion(b -> b.functionName(function)).version();
                writeNanos.addAndGet(System.nanoTime() - started);
                writes.incrementAndGet();
                String earlier = acknowledged.get(function).putIfAbsent(version, description);
                if (earlier != null) {
                    reused.incrementAndGet();
                    problems.add(function + " version " + version + " acknowledged twice: '" + earlier
                            + "' and '" + description + "'");
                }
            } catch (RuntimeException sandboxGone) {
                return;
            }
        }
    }

    /** Every acknowledged version must be back with the description acknowledged for it. */
    private long check(LambdaClient lambda) {
        long lost = 0;
        for (String f : FUNCTIONS) {
            for (Map.Entry<String, String> e : acknowledged.get(f).entrySet()) {
                String found;
                try {
                    found = lambda.getFunctionConfiguration(b -> b.functionName(f).qualifier(e.getKey()))
                            .environment().variables().get("WRITE");
                } catch (RuntimeException missing) {
                    found = null;
                }
                if (!e.getValue().equals(found)) {
                    lost++;
                    problems.add(f + " version " + e.getKey() + " was acknowledged as '" + e.getValue()
                            + "' but after the restart is " + (found == null ? "missing" : "'" + found + "'"));
                }
            }
        }
        return lost;
    }

    private SandboxProcess start() throws IOException {
        return SandboxProcess.start(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                List.of("--state-file", stateFile.toString(),
                        // updates finish at once: each round publishes right after its update, as a test client would after waiting
                        "--state-delay-ms", "0",
                        "--empty", "--no-traffic", "--backfill-minutes", "0"));
    }

    private static LambdaClient client(int port) {
        return LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }
}

package com.lambdarelease.bench;

import com.lambdarelease.sandbox.FrontDoorLimits;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.SandboxProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's front door under load, against 127.0.0.1 only (not a test: it prints figures).
 * <ol>
 *   <li>Sustained requests/s and p50/p99 of GetAlias, then of Invoke, from 8 clients for 5 s each.</li>
 *   <li>p99 of GetAlias while 2,000 connections each hold an Invoke of a 2-second version (three rounds).</li>
 * </ol>
 * The sandbox runs in a process of its own, as {@code sandbox} does for an operator; with the argument
 * {@code in-process} it shares this JVM with the clients instead (their GC pauses then count as its latency).
 * Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lambdarelease.bench.SandboxStormBenchmark}
 */
public final class SandboxStormBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration SUSTAIN = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        boolean inProcess = args.length > 0 && args[0].equals("in-process");
        if (inProcess) {
            // Clients and server share one JVM: the clients' garbage collection and class loading count as the server's.
            SandboxOptions options = SandboxOptions.builderForTests()
                    .limits(FrontDoorLimits.defaults().withQueuedRequests(4096)).build();
            try (Sandbox sandbox = Sandbox.start(options)) {
                run(sandbox.endpoint().toString(), "in this JVM");
            }
        } else {
            // As an operator runs it: `sandbox` in a process of its own, with the demo account and its traffic.
            try (SandboxProcess sandbox = SandboxProcess.start(List.of(), List.of("--queued-requests", "4096"))) {
                run(sandbox.endpoint().toString(), "in its own process (pid " + sandbox.process().pid() + ")");
            }
        }
        System.exit(0);
    }

    private static void run(String base, String where) throws Exception {
        System.out.println("Sandbox " + where + " on " + base + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; load average before: " + loadAverage());
        HttpRequest getAlias = HttpRequest.newBuilder(URI.create(base
                + "/2015-03-31/functions/MyLambdaFunction/aliases/prod")).build();
        HttpRequest invoke = HttpRequest.newBuilder(URI.create(base
                + "/2015-03-31/functions/MyLambdaFunction/invocations?Qualifier=prod"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        sustained("warm-up", getAlias);
        sustained("warm-up", invoke);
        sustained("GetAlias", getAlias);
        sustained("Invoke", invoke);
        for (int round = 1; round <= 3; round++) {
            storm(base, getAlias, round);
        }
    }

    private static String loadAverage() {
        return String.format(java.util.Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void sustained(String name, HttpRequest request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + SUSTAIN.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(clients.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                long[] took = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < took.length) {
                    long started = System.nanoTime();
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                    took[n++] = System.nanoTime() - started;
                }
                return Arrays.copyOf(took, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : results) {
            long[] one = f.get();
            long[] merged = Arrays.copyOf(all, all.length + one.length);
            System.arraycopy(one, 0, merged, all.length, one.length);
            all = merged;
        }
        clients.shutdown();
        if (!name.equals("warm-up")) {
            System.out.printf("%-8s from %d clients: %,.0f requests/s, %s%n", name, CLIENTS,
                    all.length / (double) SUSTAIN.toSeconds(), percentiles(all));
        }
    }

    private static void storm(String base, HttpRequest getAlias, int round) throws Exception {
        HttpClient setup = HttpClient.newHttpClient();
        setup.send(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/MyLambdaFunction/configuration"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Environment\":{\"Variables\":{\"SANDBOX_LATENCY_MS\":\"2000\",\"ROUND\":\"" + round + "\"}}}"))
                .build(), HttpResponse.BodyHandlers.discarding());
        Thread.sleep(1_500); // the sandbox keeps an updated function InProgress for 1 s, as AWS does for a while
        String published = setup.send(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/MyLambdaFunction/versions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String version = published.replaceAll(".*\"Version\":\"([0-9]+)\".*", "$1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient stormClient = HttpClient.newBuilder().executor(pool).build();
        List<CompletableFuture<HttpResponse<Void>>> storm = new ArrayList<>();
        long stormStarted = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            storm.add(stormClient.sendAsync(HttpRequest.newBuilder(URI.create(base
                    + "/2015-03-31/functions/MyLambdaFunction/invocations?Qualifier=" + version))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        HttpClient probe = HttpClient.newHttpClient();
        long[] took = new long[200];
        long[] at = new long[took.length];
        for (int i = 0; i < took.length; i++) {
            long started = System.nanoTime();
            probe.send(getAlias, HttpResponse.BodyHandlers.discarding());
            took[i] = System.nanoTime() - started;
            at[i] = started - stormStarted;
            Thread.sleep(5);
        }
        long ok = 0;
        for (CompletableFuture<HttpResponse<Void>> f : storm) {
            ok += f.get(60, TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
        }
        pool.shutdownNow();
        System.out.printf("round %d: GetAlias during a 2,000-connection storm of 2-second Invokes: %s (%d of 2,000 Invokes 200;"
                + " load average %s)%n", round, percentiles(took), ok, loadAverage());
        Integer[] slowest = new Integer[took.length];
        for (int i = 0; i < slowest.length; i++) {
            slowest[i] = i;
        }
        Arrays.sort(slowest, (a, b) -> Long.compare(took[b], took[a]));
        StringBuilder when = new StringBuilder("  slowest GetAliases (ms after the storm began: took ms):");
        for (int i = 0; i < 5; i++) {
            when.append(String.format(" %.0f: %.1f;", at[slowest[i]] / 1e6, took[slowest[i]] / 1e6));
        }
        System.out.println(when);
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms (n=%d)", at(sorted, 50) / 1e6, at(sorted, 99) / 1e6, sorted.length);
    }

    private static long at(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}

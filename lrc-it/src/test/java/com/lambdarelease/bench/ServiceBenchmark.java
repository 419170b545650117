package com.lambdarelease.bench;

import com.lambdarelease.domain.AliasMetricsQuery;
import com.lambdarelease.domain.LambdaMetric;
import com.lambdarelease.domain.MetricWindow;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkMetricsService;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the service layer against the sandbox (not a test: it prints figures).
 * <ol>
 *   <li>Listing N functions with L ms of latency added to every request. Paging is sequential
 *       (each page needs the previous page's NextMarker), so the physical limit is
 *       ceil(N/50) × L; the figure printed is the ratio to it.</li>
 *   <li>The number of HTTP requests one metrics refresh of a two-version alias makes.</li>
 * </ol>
 * Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lambdarelease.bench.ServiceBenchmark [-Dexec.args="10000 20"]}
 */
public final class ServiceBenchmark {

    private static final int WARM_UP_PASSES = 10;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
        SandboxOptions options = SandboxOptions.builderForTests().seedDemoData(true).syntheticFunctions(n - 5)
                .requestLatency(Duration.ofMillis(latencyMs)).build();
        try (Sandbox sandbox = Sandbox.start(options); AwsClients clients = AwsClients.forSandbox(sandbox.endpoint())) {
            SdkLambdaService lambda = new SdkLambdaService(clients, RequestBudget.unlimited());
            listFunctions(lambda, clients, n, latencyMs);
            metricsRefresh(lambda, new SdkMetricsService(clients.cloudWatch(), sandbox.clock()), clients, sandbox);
        }
        System.exit(0);
    }

    private static void listFunctions(SdkLambdaService lambda, AwsClients clients, int n, long latencyMs) throws Exception {
        long pages = (n + 49) / 50;
        double limitMs = pages * latencyMs;
        System.out.printf("Listing %,d functions, %d ms added to every request; physical limit ceil(N/50)×L = %d × %d ms = %.0f ms%n",
                n, latencyMs, pages, latencyMs, limitMs);
        // The SDK's request and response paths take a couple of thousand calls to be fully JIT-compiled;
        // the figure that matters is the steady state of a console that has been running a while.
        for (int i = 1; i <= WARM_UP_PASSES; i++) {
            long start = System.nanoTime();
            lambda.listAllFunctions().get(5, TimeUnit.MINUTES);
            double ms = (System.nanoTime() - start) / 1e6;
            if (i == 1 || i == WARM_UP_PASSES) {
                System.out.printf("  warm-up pass %d of %d: %.0f ms, %.3f×%s%n", i, WARM_UP_PASSES, ms, ms / limitMs,
                        i == 1 ? " (cold JVM)" : "");
            }
        }
        double best = Double.MAX_VALUE;
        List<Double> times = new java.util.ArrayList<>();
        for (int run = 1; run <= 5; run++) {
            long before = clients.activity().requests("ListFunctions");
            long start = System.nanoTime();
            int listed = lambda.listAllFunctions().get(5, TimeUnit.MINUTES).size();
            double ms = (System.nanoTime() - start) / 1e6;
            long requests = clients.activity().requests("ListFunctions") - before;
            best = Math.min(best, ms);
            times.add(ms);
            System.out.printf("  run %d: %,d functions, %d requests, %.0f ms, %.3f× the physical limit%n",
                    run, listed, requests, ms, ms / limitMs);
        }
        double median = times.stream().sorted().toList().get(times.size() / 2);
        System.out.printf("  median: %.0f ms = %.3f×; best: %.0f ms = %.3f× the physical limit (target ≤ 1.15×)%n",
                median, median / limitMs, best, best / limitMs);
    }

    private static void metricsRefresh(SdkLambdaService lambda, SdkMetricsService metrics, AwsClients clients,
                                       Sandbox sandbox) throws Exception {
        var prod = lambda.getAlias("MyLambdaFunction", "prod").get(10, TimeUnit.SECONDS);
        lambda.updateAlias(prod, TrafficSplit.canary("3", "4", 0.1), "benchmark").get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            lambda.invoke("MyLambdaFunction", "prod", "{}").get(10, TimeUnit.SECONDS);
        }
        AliasMetricsQuery query = new AliasMetricsQuery("MyLambdaFunction", "prod", List.of("3", "4"),
                EnumSet.allOf(LambdaMetric.class),
                MetricWindow.last(Duration.ofHours(3), Duration.ofMinutes(1), sandbox.clock().instant()));
        long before = clients.activity().totalRequests();
        var result = metrics.aliasMetrics(query).get(10, TimeUnit.SECONDS);
        long requests = clients.activity().totalRequests() - before;
        System.out.printf("Metrics refresh of a two-version alias: %d series (%d metrics × 2 versions), %d HTTP request(s) "
                        + "(target: exactly 1); invocations seen v3=%.0f v4=%.0f%n",
                result.series().size(), LambdaMetric.values().length, requests, result.invocations("3"), result.invocations("4"));
    }
}

package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkMetricsService;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Measures the canary charts' refresh: GetMetricData requests per refresh (must be 1) and the
 * FX-thread time to redraw all six charts from one snapshot, including CSS and layout (target
 * ≤ 16 ms, one frame), for every time range, against a sandbox with 24 h of simulated traffic
 * through MyLambdaFunction:prod at 90/10. Runs headless (Monocle).
 *
 * <pre>./mvnw -q -B -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.lambdarelease.ui.canary.CanaryRefreshBenchmark</pre>
 */
public final class CanaryRefreshBenchmark {
    private static final int REFRESHES_PER_RANGE = 15;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 1;

    private CanaryRefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-11-26T12:00:30Z"));
        ScheduledThreadPoolExecutor scheduler = Recorders.scheduler();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builderForTests().traffic(true)
                .backfill(Duration.ofHours(24)).build(), clock);
             AwsClients clients = AwsClients.forSandbox(sandbox.endpoint())) {
            ConsoleServices services = new ConsoleServices("bench", new SdkLambdaService(clients,
                    RequestBudget.unlimited()), new SdkMetricsService(clients.cloudWatch(), clock),
                    new com.lambdarelease.service.SdkLogsService(clients.logs(), RequestBudget.unlimited()), clients.activity(),
                    clock, clients, "sandbox");
            AliasRoute prod = services.lambda().getAlias("MyLambdaFunction", "prod").join();
            prod = services.lambda().updateAlias(prod, TrafficSplit.canary("3", "4", 0.1), prod.description()).join();
            clock.advance(Duration.ofMinutes(30));
            Thread.sleep(1500); // the simulator's one-second tick catches up with the clock

            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            onFx(() -> {
                javafx.application.Application.setUserAgentStylesheet(CanaryRefreshBenchmark.class
                        .getResource("/atlantafx/base/theme/primer-light.css").toExternalForm());
                return null;
            });
            UiContext ui = new UiContext(Platform::runLater, scheduler, clock, new Recorders.Dialogs(), new Recorders.Notes());
            CanaryPane pane = onFx(() -> {
                CanaryPane p = new CanaryPane(com.lambdarelease.release.ReleaseSession.of(services, com.lambdarelease.release.ReleaseJournal.inMemory(), Runnable::run), ui);
                Stage stage = new Stage();
                stage.setScene(new Scene((Parent) p.node(), 1200, 760));
                stage.show();
                return p;
            });
            AliasRoute shown = prod;
            onFx(() -> {
                pane.show(shown);
                pane.metrics().pausedProperty().set(true); // refreshes are driven below, one at a time
                pane.attach();
                return null;
            });

            for (int round = 0; round < 4; round++) { // let the JIT warm up on every range first
                for (Duration range : LiveMetricsModel.RANGES) {
                    clock.advance(Duration.ofMinutes(1));
                    MetricsSnapshot snap = refresh(pane, range);
                    onFx(() -> {
                        pane.metricsView().render(Optional.of(snap));
                        ((Parent) pane.node()).layout();
                        return null;
                    });
                }
            }
            System.out.println("FX-thread CPU ms to redraw all six charts from one refresh (data + CSS + layout)");
            System.out.println("range    requests/refresh  median / max   data only   wall median   points/line");
            List<Long> allRequests = new ArrayList<>();
            List<Double> allMedians = new ArrayList<>();
            for (Duration range : LiveMetricsModel.RANGES) {
                List<Long> requests = new ArrayList<>();
                List<Double> fxMs = new ArrayList<>();
                List<Double> renderMs = new ArrayList<>();
                List<Double> wallMs = new ArrayList<>();
                int points = 0;
                for (int i = 0; i < WARM_UP + REFRESHES_PER_RANGE; i++) {
                    clock.advance(Duration.ofMinutes(1)); // as between two auto-refreshes: the window moves on
                    long before = services.activity().requests("GetMetricData");
                    MetricsSnapshot snap = refresh(pane, range);
                    long sent = services.activity().requests("GetMetricData") - before;
                    double[] split = onFx(() -> {
                        // CPU time of the FX thread: what the refresh costs it, whatever else the machine runs.
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        pane.metricsView().render(Optional.of(snap));
                        long c1 = THREADS.getCurrentThreadCpuTime();
                        pane.node().applyCss();
                        ((Parent) pane.node()).layout();
                        long c2 = THREADS.getCurrentThreadCpuTime();
                        return new double[] {(c1 - c0) / 1e6, (c2 - c0) / 1e6, (System.nanoTime() - t0) / 1e6};
                    });
                    double ms = split[1];
                    renderMs.add(split[0]);
                    wallMs.add(split[2]);
                    points = snap.chart(ChartKind.INVOCATIONS).lines().get(0).points().size();
                    if (i >= WARM_UP) {
                        requests.add(sent);
                        fxMs.add(ms);
                    }
                }
                Collections.sort(fxMs);
                double median = fxMs.get(fxMs.size() / 2);
                allRequests.addAll(requests);
                allMedians.add(median);
                Collections.sort(renderMs);
                Collections.sort(wallMs);
                System.out.printf(Locale.ROOT, "%-8s %-17s %6.1f / %-6.1f %13.1f %14.1f %15d%n", MetricsView.label(range),
                        requests.stream().distinct().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("?"),
                        median, fxMs.get(fxMs.size() - 1), renderMs.get(renderMs.size() / 2),
                        wallMs.get(wallMs.size() / 2), points);
            }
            boolean one = allRequests.stream().allMatch(n -> n == 1);
            System.out.printf(Locale.ROOT, "GetMetricData requests per refresh: %s over %d refreshes%n",
                    one ? "1" : allRequests.toString(), allRequests.size());
            System.out.printf(Locale.ROOT, "FX-thread CPU time per refresh (all six charts, CSS + layout), worst median: "
                    + "%.1f ms (target <= 16 ms); per chart about %.1f ms%n",
                    Collections.max(allMedians), Collections.max(allMedians) / 6);
            onFx(() -> {
                pane.detach();
                return null;
            });
        } finally {
            scheduler.shutdownNow();
            Platform.exit();
        }
        System.exit(0);
    }

    /** One refresh of {@code range}, waited for off the FX thread; returns its snapshot. */
    private static MetricsSnapshot refresh(CanaryPane pane, Duration range) throws Exception {
        Optional<MetricsSnapshot> before = onFx(() -> pane.metrics().snapshotProperty().get());
        onFx(() -> {
            if (!range.equals(pane.metrics().rangeProperty().get())) {
                pane.metrics().rangeProperty().set(range); // refreshes by itself
            } else {
                pane.metrics().refreshNow();
            }
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<MetricsSnapshot> now = onFx(() -> pane.metrics().loadingProperty().get()
                    ? Optional.<MetricsSnapshot>empty() : pane.metrics().snapshotProperty().get());
            if (now.isPresent() && now != before && now.get() != before.orElse(null)) {
                return now.get();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no refresh within 30 s");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}

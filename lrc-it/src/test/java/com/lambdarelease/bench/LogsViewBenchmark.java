package com.lambdarelease.bench;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.FunctionLogEvent;
import com.lambdarelease.logs.ReadEvent;
import com.lambdarelease.service.LogsService;
import com.lambdarelease.ui.canary.LogsModel;
import com.lambdarelease.ui.canary.LogsView;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Measures the Logs view beside the canary's charts (not a test: it prints figures):
 * <ol>
 *   <li>FX-thread time to file one batch of 1,000 new events into the view (buffer, live list,
 *       REPORT figures, error groups) including CSS and layout of the shown view, median, p95 and
 *       worst over 200 batches; target at most 8 ms (half a frame).</li>
 *   <li>Off-FX time to read a batch's lines (error signature, REPORT), what the poll does before
 *       it hands the batch over.</li>
 *   <li>Heap held after 200,000 events were received, against the buffer's bound (20,000 events).</li>
 * </ol>
 * The events are what a 90/10 canary of MyLambdaFunction writes: START, END and REPORT per run,
 * v4 failing 15% with its own two messages, v3 0.5%. Headless (Monocle).
 *
 * <pre>./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.lambdarelease.bench.LogsViewBenchmark</pre>
 */
public final class LogsViewBenchmark {

    private static final int BATCH = 1_000;
    private static final int BATCHES = 200;
    private static final int WARM_UP = 20;
    private static final double TARGET_MS = 8;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LogsViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        LogsService none = new LogsService() { // batches are fed directly
            @Override
            public CompletableFuture<List<FunctionLogEvent>> events(com.lambdarelease.domain.LogQuery query) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<com.lambdarelease.domain.LogScan> scan(com.lambdarelease.domain.LogQuery query,
                                                                           int maxRequests) {
                return CompletableFuture.completedFuture(new com.lambdarelease.domain.LogScan(query, List.of(), query.end()));
            }
        };
        UiContext ui = new UiContext(Platform::runLater, scheduler, clock, null, null);
        LogsModel model = onFx(() -> new LogsModel(none, ui, clock, LogsModel.DEFAULT_BUFFER));
        LogsView view = onFx(() -> new LogsView(model, v -> v.equals("3") ? 0 : 1));
        onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene((Parent) view.node(), 1440, 420));
            stage.show();
            model.show(new AliasRoute("MyLambdaFunction", "prod", "arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:prod",
                    TrafficSplit.canary("3", "4", 0.1), "", "r1"));
            return null;
        });

        for (String hide : args) { // diagnosis: leave a part out, e.g. "#logs-events"
            onFx(() -> {
                javafx.scene.Node n = view.node().lookup(hide);
                n.setVisible(false);
                n.setManaged(false);
                if (n instanceof javafx.scene.control.ListView<?> l) {
                    l.setItems(null);
                }
                return null;
            });
        }
        Canary canary = new Canary(clock.instant());
        List<Double> fxMs = new ArrayList<>();
        List<Double> readMs = new ArrayList<>();
        List<Double> fileMs = new ArrayList<>();
        long heapBefore = 0;
        for (int b = 0; b < WARM_UP + BATCHES; b++) {
            List<FunctionLogEvent> raw = canary.next(BATCH);
            long r0 = System.nanoTime();
            List<ReadEvent> batch = ReadEvent.all(raw);
            double read = (System.nanoTime() - r0) / 1e6;
            double[] parts = onFx(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                model.receive(batch);
                long c1 = THREADS.getCurrentThreadCpuTime();
                view.node().applyCss();
                ((Parent) view.node()).layout();
                return new double[] {(THREADS.getCurrentThreadCpuTime() - c0) / 1e6, (c1 - c0) / 1e6};
            });
            double fx = parts[0];
            if (b >= WARM_UP) {
                fileMs.add(parts[1]);
            }
            if (b == WARM_UP - 1) {
                heapBefore = usedHeapAfterGc();
            }
            if (b >= WARM_UP) {
                fxMs.add(fx);
                readMs.add(read);
            }
        }
        long heapAfter = usedHeapAfterGc();
        int listed = onFx(() -> model.shownEvents().size());
        String status = onFx(() -> model.statusProperty().get());
        int groups = onFx(() -> model.errorGroups().size());

        System.out.printf(Locale.ROOT, "Logs view, %d batches of %,d new events (after %d warm-up batches), %,d events received in all%n",
                BATCHES, BATCH, WARM_UP, (WARM_UP + BATCHES) * BATCH);
        System.out.printf(Locale.ROOT, "FX-thread CPU ms per batch (file + CSS + layout): median %.2f, p95 %.2f, worst %.2f; "
                + "target <= %.0f ms: median is %.2fx the target%n", pct(fxMs, 50), pct(fxMs, 95), pct(fxMs, 100), TARGET_MS,
                pct(fxMs, 50) / TARGET_MS);
        System.out.printf(Locale.ROOT, "  of which filing the batch (model and list changes, before CSS and layout): median %.2f, p95 %.2f%n",
                pct(fileMs, 50), pct(fileMs, 95));
        System.out.printf(Locale.ROOT, "Off-FX ms to read a batch's lines (signatures, REPORT): median %.2f, worst %.2f%n",
                pct(readMs, 50), pct(readMs, 100));
        System.out.printf(Locale.ROOT, "Heap after %,d events received: %.1f MB above the warmed-up view (%,d events then); "
                        + "%s, %,d in the live list, %d error signatures%n", (WARM_UP + BATCHES) * BATCH,
                (heapAfter - heapBefore) / 1e6, WARM_UP * BATCH, status, listed, groups);
        System.out.printf(Locale.ROOT, "Heap in use after GC: %.1f MB%n", heapAfter / 1e6);
        scheduler.shutdownNow();
        Platform.exit();
    }

    /** Runs {@code work} on the FX thread and waits for it (the benchmark's thread is not the FX thread). */
    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** What MyLambdaFunction:prod at 90/10 writes, run after run, 1,000 events at a time. */
    private static final class Canary {
        private final SplittableRandom random = new SplittableRandom(42);
        private long at;
        private long id;
        private final List<FunctionLogEvent> pending = new ArrayList<>();

        Canary(Instant start) {
            this.at = start.toEpochMilli();
        }

        List<FunctionLogEvent> next(int n) {
            while (pending.size() < n) {
                run();
            }
            List<FunctionLogEvent> out = new ArrayList<>(pending.subList(0, n));
            pending.subList(0, n).clear();
            return out;
        }

        private void run() {
            boolean canary = random.nextDouble() < 0.1;
            String v = canary ? "4" : "3";
            String stream = "2026/12/01/[" + v + "]" + (canary ? "0f3a9c2e4b5d6e7f8091a2b3c4d5e6f7" : "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b");
            String request = String.format("%08x-%04x-4%03x-a%03x-%012x", random.nextInt(), random.nextInt(0x10000),
                    random.nextInt(0x1000), random.nextInt(0x1000), random.nextLong(0x1000000000000L));
            at += 50 + random.nextInt(900);
            double ms = 40 + random.nextDouble() * 60;
            add(v, stream, "START RequestId: " + request + " Version: " + v);
            if (random.nextDouble() < (canary ? 0.15 : 0.005)) {
                add(v, stream, "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code.");
                add(v, stream, canary && random.nextBoolean()
                        ? "[ERROR] PricingRuleError: No pricing rule matches tier 'gold-" + random.nextInt(9999) + "' for order ord-"
                        + Integer.toHexString(random.nextInt()) + "\nTraceback (most recent call last):\n  File \"/var/task/lambda_function.py\", line 42, in lambda_handler\n"
                        : canary ? "[ERROR] ZeroDivisionError: float division by zero\nTraceback (most recent call last):\n"
                        : "[ERROR] KeyError: 'customer_id'\nTraceback (most recent call last):\n");
            }
            add(v, stream, "END RequestId: " + request);
            add(v, stream, String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t"
                    + "Memory Size: 256 MB\tMax Memory Used: %d MB\t", request, ms, (long) Math.ceil(ms), 80 + random.nextInt(12)));
        }

        private void add(String version, String stream, String message) {
            pending.add(new FunctionLogEvent(Instant.ofEpochMilli(at), version, stream, message, Long.toString(++id)));
        }
    }
}

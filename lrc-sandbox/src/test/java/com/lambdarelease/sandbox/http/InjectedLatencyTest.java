package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An injected latency L holds every answer at least L after its request arrived. The event loop's
 * timer is set early and the last fraction of a millisecond parked (SandboxHttpServer.sendAt), so this
 * guards the side that could break: no answer may leave early, even while other connections' traffic
 * wakes the same event loops at any moment (which runs an early-set timer as soon as it is due). How
 * close to L an answer lands is a figure for the benchmarks, not a test.
 */
class InjectedLatencyTest {

    private Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void noAnswerLeavesBeforeTheInjectedLatency() throws Exception {
        Duration latency = Duration.ofMillis(25);
        sandbox = Sandbox.start(SandboxOptions.builderForTests().requestLatency(latency).build());
        HttpRequest listOne = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/2015-03-31/functions/?MaxItems=1"))
                .timeout(Duration.ofSeconds(20)).GET().build();
        // Others' requests on connections of their own, arriving at every moment.
        AtomicBoolean measuring = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            HttpClient other = HttpClient.newHttpClient();
            others.add(CompletableFuture.runAsync(() -> {
                while (measuring.get()) {
                    other.sendAsync(listOne, HttpResponse.BodyHandlers.discarding()).join();
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
                }
            }, senders));
        }
        HttpClient http = HttpClient.newHttpClient();
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 150; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(listOne, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"Functions\"");
            fastest = Math.min(fastest, took);
        }
        measuring.set(false);
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        senders.shutdown();
        // measured at the client, so it includes the request's way in: at least the server's hold
        assertThat(Duration.ofNanos(fastest)).isGreaterThanOrEqualTo(latency);
    }
}

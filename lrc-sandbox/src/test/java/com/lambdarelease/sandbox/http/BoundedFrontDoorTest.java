package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.FrontDoorLimits;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door holds bounded resources whatever clients do: threads, queued work, body bytes, connections. */
class BoundedFrontDoorTest {

    private Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private HttpResponse<String> send(HttpClient http, String method, String path, String body) throws Exception {
        return http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoThousandSlowInvokesInFlightTakeNoThreadEachAndAGetAliasStillAnswers() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests()
                .limits(FrontDoorLimits.defaults().withQueuedRequests(4096)).build());
        ExecutorService clientPool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(clientPool).build();
        try {
            assertThat(send(http, "PUT", "/2015-03-31/functions/MyLambdaFunction/configuration",
                    "{\"Environment\":{\"Variables\":{\"SANDBOX_LATENCY_MS\":\"2000\"}}}").statusCode()).isEqualTo(200);
            HttpResponse<String> published = send(http, "POST", "/2015-03-31/functions/MyLambdaFunction/versions", "{}");
            assertThat(published.statusCode()).isEqualTo(201);
            String version = published.body().replaceAll(".*\"Version\":\"([0-9]+)\".*", "$1");
            send(http, "GET", "/2015-03-31/functions/MyLambdaFunction/aliases/prod", null);

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            List<CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                storm.add(http.sendAsync(request("POST", "/2015-03-31/functions/MyLambdaFunction/invocations?Qualifier="
                        + version, "{}"), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(1_000);
            int during = threads.getThreadCount();
            long started = System.nanoTime();
            HttpResponse<String> alias = send(HttpClient.newHttpClient(), "GET",
                    "/2015-03-31/functions/MyLambdaFunction/aliases/prod", null);
            Duration getAlias = Duration.ofNanos(System.nanoTime() - started);

            long ok = 0;
            for (CompletableFuture<HttpResponse<String>> f : storm) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isIn(200, 429);
                ok += r.statusCode() == 200 ? 1 : 0;
            }
            System.out.printf("storm: threads %d before, %d during; GetAlias %d ms; %d of 2000 Invokes answered 200%n",
                    before, during, getAlias.toMillis(), ok);
            assertThat(alias.statusCode()).isEqualTo(200);
            assertThat(getAlias).isLessThan(Duration.ofMillis(750));
            assertThat(during - before).isLessThan(100);
            assertThat(ok).isGreaterThan(1_900);
        } finally {
            clientPool.shutdownNow();
        }
    }

    @Test
    void aFullWorkerQueueIsAnswered429InLambdasShapeNotQueuedWithoutBound() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().requestLatency(Duration.ofMillis(1))
                .limits(FrontDoorLimits.defaults().withWorkerThreads(1).withQueuedRequests(0)).build());
        // A 413-free, slow-to-parse body keeps the single worker busy while others arrive.
        String big = "{\"a\":\"" + "x".repeat(5_000_000) + "\"}";
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(http.sendAsync(request("POST", "/2015-03-31/functions/MyLambdaFunction/invocations", big),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long refused = 0;
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void unfinishedBodiesTogetherCannotHoldMoreThanTheBufferedBudget() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests()
                .limits(FrontDoorLimits.defaults().withMaxBufferedBodyBytes(10 * 1024 * 1024)).build());
        List<Socket> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
                s.getOutputStream().write(("POST /2015-03-31/functions/MyLambdaFunction/invocations HTTP/1.1\r\n"
                        + "Host: x\r\nContent-Length: 4000000\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                holders.add(s);
            }
            Thread.sleep(300); // let the server read both holders' headers before the third arrives
            try (Socket third = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
                third.setSoTimeout(5_000);
                third.getOutputStream().write(("POST /2015-03-31/functions/MyLambdaFunction/invocations HTTP/1.1\r\n"
                        + "Host: x\r\nContent-Length: 4000000\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
                third.getOutputStream().flush();
                String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 429").contains("TooManyRequestsException");
            }
            // Once the holders hang up, their bytes are given back and a request fits again.
            for (Socket s : holders) {
                s.close();
            }
            Thread.sleep(200);
            HttpResponse<String> r = send(HttpClient.newHttpClient(), "POST",
                    "/2015-03-31/functions/MyLambdaFunction/invocations", "{\"a\":\"" + "x".repeat(4_000_000) + "\"}");
            assertThat(r.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : holders) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void halfSentRequestsAreClosedAfterTheIdleTimeout() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().limits(FrontDoorLimits.defaults()
                .withIdleTimeout(Duration.ofMillis(300))).build());
        List<Socket> halfSent = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
                s.setSoTimeout(5_000);
                s.getOutputStream().write("GET /2015-03-31/functions/ HTTP/1.1\r\nHost: x\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                halfSent.add(s);
            }
            long started = System.nanoTime();
            for (Socket s : halfSent) {
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Socket s : halfSent) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aSenderTricklingHeadersIsClosedAfterTheRequestReadTimeout() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().limits(FrontDoorLimits.defaults()
                .withIdleTimeout(Duration.ofSeconds(30)).withRequestReadTimeout(Duration.ofMillis(500))).build());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long started = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write('X');
                    out.flush();
                } catch (java.io.IOException reset) {
                    closed = true;
                    break;
                }
                Thread.sleep(100);
                s.setSoTimeout(1);
                try {
                    closed = in.read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // not yet
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aSlowInvokeIsNotClosedAsIdleWhileItsAnswerIsPending() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builderForTests().limits(FrontDoorLimits.defaults()
                .withIdleTimeout(Duration.ofMillis(200))).build());
        HttpClient http = HttpClient.newHttpClient();
        send(http, "PUT", "/2015-03-31/functions/MyLambdaFunction/configuration",
                "{\"Environment\":{\"Variables\":{\"SANDBOX_LATENCY_MS\":\"800\"}}}");
        HttpResponse<String> r = send(http, "POST", "/2015-03-31/functions/MyLambdaFunction/invocations", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
    }
}

package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.SandboxOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The sandbox's front door: the JDK's HTTP server bound to 127.0.0.1 only. It reads each request
 * whole, injects the configured faults, and hands it to the handler for its protocol:
 * {@code /2015-03-31/...} and {@code /2019-09-30/...} (provisioned concurrency) are Lambda (restJson1); {@code /service/GraniteServiceVersion20100801/...}
 * (smithy-rpc-v2-cbor) and {@code X-Amz-Target: GraniteServiceVersion20100801.*} (awsJson1_0) are
 * CloudWatch.
 */
public final class SandboxHttpServer {

    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());
    static final String CLOUDWATCH_PREFIX = "GraniteServiceVersion20100801";

    static {
        // Small answers written as header + body would otherwise wait on delayed ACKs (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxOptions options;
    private final ProtocolHandler lambda;
    private final ProtocolHandler cloudWatch;
    private final RandomGenerator random;

    private SandboxHttpServer(HttpServer server, ExecutorService executor, SandboxOptions options,
                              ProtocolHandler lambda, ProtocolHandler cloudWatch, RandomGenerator random) {
        this.server = server;
        this.executor = executor;
        this.options = options;
        this.lambda = lambda;
        this.cloudWatch = cloudWatch;
        this.random = random;
    }

    public static SandboxHttpServer start(SandboxOptions options, ProtocolHandler lambda, ProtocolHandler cloudWatch,
                                          RandomGenerator random) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
        HttpServer server = HttpServer.create(loopback, 128);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SandboxHttpServer front = new SandboxHttpServer(server, executor, options, lambda, cloudWatch, random);
        server.createContext("/", front::exchange);
        server.setExecutor(executor);
        server.start();
        return front;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            SandboxResponse response;
            try {
                response = answer(read(exchange));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sandbox handler failed", e);
                response = restJsonError(500, "ServiceException", "Internal error in the sandbox: " + e);
            }
            write(exchange, response.withHeader("x-amzn-RequestId", UUID.randomUUID().toString()));
        }
    }

    /**
     * Answers no sooner than {@code requestLatency} after the request arrived: like a remote
     * endpoint whose round trip is L, processing included (not L plus the sandbox's own time).
     */
    private SandboxResponse answer(SandboxRequest request) {
        long arrived = System.nanoTime();
        SandboxResponse response = route(request);
        sleep(options.requestLatency().minusNanos(System.nanoTime() - arrived));
        return response;
    }

    private SandboxResponse route(SandboxRequest request) {
        String path = request.rawPath();
        if (path.startsWith("/2015-03-31/") || path.startsWith("/2017-03-31/") || path.startsWith("/2019-09-25/")
                || path.startsWith("/2019-09-30/")) {
            SandboxResponse fault = injectedFault();
            return fault != null ? fault : lambda.handle(request);
        }
        boolean cborCloudWatch = path.startsWith("/service/" + CLOUDWATCH_PREFIX + "/");
        boolean jsonCloudWatch = request.header("x-amz-target").map(t -> t.startsWith(CLOUDWATCH_PREFIX + ".")).orElse(false);
        if (cborCloudWatch || jsonCloudWatch) {
            return cloudWatch.handle(request);
        }
        return restJsonError(404, "UnknownOperationException", "Unknown operation " + request.method() + " " + path);
    }

    private SandboxResponse injectedFault() {
        if (options.throttleRate() > 0 && random.nextDouble() < options.throttleRate()) {
            return restJsonError(429, "TooManyRequestsException", "Rate exceeded")
                    .withHeader("Retry-After", "1");
        }
        if (options.serverErrorRate() > 0 && random.nextDouble() < options.serverErrorRate()) {
            return restJsonError(500, "ServiceException", "The sandbox injected a service error");
        }
        return null;
    }

    /** Lambda's restJson1 error shape: the type in a header and the body, the message in the body. */
    public static SandboxResponse restJsonError(int status, String type, String message) {
        String json = "{\"Type\":\"" + (status < 500 ? "User" : "Service") + "\",\"Message\":" + quote(message)
                + ",\"message\":" + quote(message) + ",\"__type\":" + quote(type) + "}";
        return new SandboxResponse(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                SandboxRequest.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        int length = response.body().length;
        exchange.sendResponseHeaders(response.status(), head || length == 0 ? -1 : length);
        if (!head && length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

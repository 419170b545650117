package com.lambdarelease.service.sso;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.sso.SsoSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A sandbox on a manual clock, a temporary home whose ~/.aws/config names the sandbox's Identity
 * Center as {@code [sso-session team]}, and the sign-ins over them. The "browser" is an HTTP client:
 * it GETs the authorize URL and follows the redirect to the console's loopback, as a browser would.
 */
public final class SsoFixture implements AutoCloseable {

    public final SandboxClock.ManualClock clock;
    public final Sandbox sandbox;
    public final Path home;
    public final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sso-test-io");
        t.setDaemon(true);
        return t;
    });
    public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    public final List<URI> opened = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    /** What the stand-in browser does with a page; by default it follows /authorize back to the loopback. */
    public volatile boolean browserAvailable = true;
    public final SsoSignIns signIns;

    public SsoFixture(Path home, SsoSettings settings) {
        this(home, settings, Instant.parse("2026-12-01T10:00:00Z"));
    }

    /** Starting the clock at {@code start} (tests with the AWS CLI, which reads wall time, start at now). */
    public SsoFixture(Path home, SsoSettings settings, Instant start) {
        this.home = home;
        this.clock = SandboxClock.manual(start);
        try {
            sandbox = Sandbox.start(SandboxOptions.forTests(), clock, settings);
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws/config"), """
                    [sso-session team]
                    sso_start_url = %s
                    sso_region = us-east-1
                    sso_registration_scopes = sso:account:access

                    [profile payments]
                    sso_session = team
                    sso_account_id = 210987654321
                    sso_role_name = ReleaseManager
                    region = us-east-1
                    """.formatted(sandbox.ssoStartUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        signIns = new SsoSignIns(Map.of(), home, this::browse, clock, io, scheduler, Duration.ofMillis(50));
    }

    public SsoSession team() {
        return signIns.configured("team");
    }

    private boolean browse(URI uri) {
        if (!browserAvailable) {
            return false;
        }
        opened.add(uri);
        CompletableFuture.runAsync(() -> {
            try {
                HttpResponse<String> authorize = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                String location = authorize.headers().firstValue("Location").orElseThrow();
                http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, io);
        return true;
    }

    @Override
    public void close() {
        signIns.close();
        sandbox.close();
        scheduler.shutdownNow();
        io.shutdownNow();
    }
}

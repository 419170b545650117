package com.lambdarelease.app;

import com.lambdarelease.cli.LocalEndpoints;
import com.lambdarelease.release.LocalEndpoint;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The sandbox as the release core sees it: a {@link LocalEndpoint} with an address, a clock, a speed
 * and a sign-in start URL. The app is the one module that names the sandbox; this is where.
 */
public final class EmbeddedSandbox implements LocalEndpoint {

    private final Sandbox sandbox;

    private EmbeddedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A sandbox already running (tests keep their own): closing the endpoint closes it. */
    public static EmbeddedSandbox of(Sandbox sandbox) {
        return new EmbeddedSandbox(sandbox);
    }

    /** Starts a sandbox with {@code options} when the first connection asks for it. */
    public static LocalEndpoint.Starter starting(SandboxOptions options) {
        return () -> new EmbeddedSandbox(Sandbox.start(options));
    }

    /** The command line's sandbox: a free port, no history made at start, traffic only when asked. */
    public static LocalEndpoints forCommandLine() {
        return (speed, traffic) -> starting(SandboxOptions.builder().port(0)
                .speed(speed).traffic(traffic).backfill(Duration.ZERO).build());
    }

    @Override
    public URI address() {
        return sandbox.endpoint();
    }

    @Override
    public Clock clock() {
        return sandbox.clock();
    }

    @Override
    public double speed() {
        return sandbox.clock().speed();
    }

    @Override
    public String signInStartUrl() {
        return sandbox.ssoStartUrl();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}

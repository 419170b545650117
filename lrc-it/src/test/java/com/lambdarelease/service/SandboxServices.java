package com.lambdarelease.service;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;

import java.io.IOException;
import java.time.Instant;

/** A sandbox on a manual clock and the console's services talking to it over HTTP. */
final class SandboxServices implements AutoCloseable {

    final SandboxClock.ManualClock clock = SandboxClock.manual(Instant.parse("2026-11-26T12:00:00Z"));
    final Sandbox sandbox;
    final AwsClients clients;
    final SdkLambdaService lambda;
    final SdkMetricsService metrics;

    SandboxServices(SandboxOptions options) throws IOException {
        sandbox = Sandbox.start(options, clock);
        clients = AwsClients.forSandbox(sandbox.endpoint());
        lambda = new SdkLambdaService(clients, RequestBudget.unlimited());
        metrics = new SdkMetricsService(clients.cloudWatch(), clock);
    }

    /** A second, independent client: another operator or another console. */
    AwsClients otherClients() {
        return AwsClients.forSandbox(sandbox.endpoint());
    }

    @Override
    public void close() {
        clients.close();
        sandbox.close();
    }
}

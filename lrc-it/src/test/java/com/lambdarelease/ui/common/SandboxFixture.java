package com.lambdarelease.ui.common;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkMetricsService;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One embedded sandbox per test class, the console's services on it, and a second client ("another
 * operator") through which tests change things behind the console's back and read the state back.
 */
public final class SandboxFixture implements AutoCloseable {

    public final Sandbox sandbox;
    public final ConsoleServices services;
    public final AwsClients otherClients;
    public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-timer");
        t.setDaemon(true);
        return t;
    });

    public SandboxFixture(SandboxOptions options) throws IOException {
        sandbox = Sandbox.start(options);
        // The console's own way to open a connection: the public session factory, on this test's sandbox.
        services = new com.lambdarelease.release.SessionFactory(Runnable::run, scheduler,
                com.lambdarelease.app.EmbeddedSandbox.of(sandbox))
                .open(new com.lambdarelease.service.connection.ConnectionSpec.Sandbox()).join();
        otherClients = AwsClients.forSandbox(sandbox.endpoint());
    }

    /** The release core over {@link #services}, with a journal in memory and journal writes on the calling thread. */
    public com.lambdarelease.release.ReleaseSession session() {
        return com.lambdarelease.release.ReleaseSession.of(services, com.lambdarelease.release.ReleaseJournal.inMemory(), Runnable::run);
    }

    public static SandboxFixture start() throws IOException {
        return new SandboxFixture(SandboxOptions.forTests());
    }

    /** A context whose FX executor is {@code fx}, recording dialogs in {@code dialogs}. */
    public UiContext context(java.util.concurrent.Executor fx, ScriptedDialogs dialogs, Notifier notifier) {
        return new UiContext(fx, scheduler, Clock.systemUTC(), dialogs, notifier);
    }

    /** The state as AWS holds it now, read through the other client. */
    public GetAliasResponse readAlias(String function, String alias) {
        return otherClients.lambda().getAlias(r -> r.functionName(function).name(alias));
    }

    public java.util.List<String> readVersions(String function) {
        return otherClients.lambda().listVersionsByFunction(r -> r.functionName(function)).versions().stream()
                .map(v -> v.version()).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        otherClients.close();
        try {
            services.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sandbox.close();
    }
}

package com.lambdarelease.sandbox;

import com.lambdarelease.sandbox.cloudwatch.CloudWatchBackend;
import com.lambdarelease.sandbox.http.AuditServices;
import com.lambdarelease.sandbox.cloudtrail.CloudTrailBackend;
import com.lambdarelease.sandbox.http.SandboxHttpServer;
import com.lambdarelease.sandbox.identity.Callers;
import com.lambdarelease.sandbox.identity.IssuedKeys;
import com.lambdarelease.sandbox.sts.StsService;
import com.lambdarelease.sandbox.lambda.LambdaBackend;
import com.lambdarelease.sandbox.logs.LogsBackend;
import com.lambdarelease.sandbox.metrics.MetricStore;
import com.lambdarelease.sandbox.sso.IdentityCenter;
import com.lambdarelease.sandbox.sso.SsoSettings;
import com.lambdarelease.sandbox.traffic.TrafficSimulator;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for AWS: Lambda, CloudWatch and CloudWatch Logs per account and region, an IAM
 * Identity Center whose organisation's accounts each have functions of their own, STS GetCallerIdentity,
 * and CloudTrail LookupEvents over the Lambda write calls it served, over HTTP on 127.0.0.1,
 * speaking AWS's own wire protocols. It shares no classes with the console; the only contract is
 * the wire. Start it with {@link #start(SandboxOptions)}; close it to stop.
 */
public final class Sandbox implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private final SandboxClock clock;
    private final LambdaBackend lambda;
    private final MetricStore metrics;
    private final LogsBackend logs;
    private final SandboxHttpServer server;
    private final ScheduledExecutorService scheduler;
    private final TrafficSimulator traffic;

    private final IdentityCenter identityCenter;
    private final CloudTrailBackend cloudTrail;

    private Sandbox(SandboxOptions options, SandboxClock clock, SsoSettings sso) throws IOException {
        this.clock = clock;
        SplittableRandom random = new SplittableRandom(options.randomSeed());
        this.metrics = new MetricStore(clock, options.cloudWatch().metricsDelay(), MetricStore.DEFAULT_RETENTION,
                key -> lateBy(options.cloudWatch().lateSeries(), key));
        // Splits in the order they were before Logs existed, so a seed gives the same routing and traffic.
        SplittableRandom lambdaRandom = random.split();
        SplittableRandom serverRandom = random.split();
        SplittableRandom trafficRandom = random.split();
        this.logs = new LogsBackend(options.logs(), random.split());
        Map<String, String> teams = new LinkedHashMap<>();
        sso.organisation().accounts().forEach(a -> teams.put(a.accountId(), a.accountName()));
        this.lambda = new LambdaBackend(options, clock, metrics, lambdaRandom, logs, teams);
        // A random source of its own: splitting the shared one would change every seeded fault and route after it.
        IssuedKeys issued = new IssuedKeys();
        this.identityCenter = new IdentityCenter(sso, clock, System::nanoTime, new SplittableRandom(options.randomSeed() ^ 0x550L),
                issued);
        Callers callers = new Callers(issued);
        this.cloudTrail = new CloudTrailBackend(options.cloudTrail(), clock, callers, System::nanoTime);
        if (options.lambda().seedDemoData()) {
            cloudTrail.seedDemo(clock.instant());
        }
        AuditServices audit = new AuditServices(new StsService(callers), cloudTrail.service(), cloudTrail.lambdaRecorder());
        CloudWatchBackend cloudWatch = new CloudWatchBackend(metrics, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-traffic");
            t.setDaemon(true);
            return t;
        });
        this.server = SandboxHttpServer.start(options, clock, lambda, cloudWatch, logs, identityCenter, audit, serverRandom);
        this.traffic = options.traffic().enabled()
                ? new TrafficSimulator(lambda, clock, options.traffic(), trafficRandom) : null;
        if (traffic != null) {
            logs.writeFrom(clock.instant().minus(options.logs().backfillHistory()));
            traffic.start(scheduler);
        }
    }

    /** Starts a sandbox whose clock is wall time scaled by {@link SandboxOptions#speed()}. */
    /** How late {@code key}'s series is beyond the usual, by the options' late series. */
    private static java.time.Duration lateBy(java.util.List<SandboxOptions.LateSeries> late,
                                             com.lambdarelease.sandbox.metrics.MetricKey key) {
        for (SandboxOptions.LateSeries l : late) {
            if (key.namespace().equals("AWS/Lambda") && key.metricName().equals(l.metricName())
                    && key.dimensions().stream().anyMatch(d -> d.name().equals("ExecutedVersion") && d.value().equals(l.version()))) {
                return l.by();
            }
        }
        return java.time.Duration.ZERO;
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        return new Sandbox(options, SandboxClock.scaled(Clock.systemUTC(), options.speed()), SsoSettings.defaults());
    }

    /** Starts a sandbox on the given clock (tests pass a manual one). */
    public static Sandbox start(SandboxOptions options, SandboxClock clock) throws IOException {
        return new Sandbox(options, clock, SsoSettings.defaults());
    }

    /** Starts a sandbox on the given clock whose IAM Identity Center behaves as {@code sso} says. */
    public static Sandbox start(SandboxOptions options, SandboxClock clock, SsoSettings sso) throws IOException {
        return new Sandbox(options, clock, sso);
    }

    /** The sandbox's IAM Identity Center (tests approve or deny sign-ins through it). */
    public IdentityCenter identityCenter() {
        return identityCenter;
    }

    /** The start URL of the sandbox's Identity Center organisation. */
    public String ssoStartUrl() {
        return IdentityCenter.startUrl(endpoint());
    }

    public int port() {
        return server.port();
    }

    /** The endpoint to give an SDK client or {@code aws --endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Log events held now in the demo account's default region (the memory bound's tests read it). */
    public int logEventCount() {
        return logs.eventCount(ACCOUNT, REGION);
    }

    /** CloudTrail events held now for one account and region (the memory bound's tests read it). */
    public int trailEventCount(String account, String region) {
        return cloudTrail.eventCount(account, region);
    }

    /** Every version of {@code functionName} fails {@code errorRate} more of its invocations from now (0 ends it). */
    public void dependencyOutage(String functionName, double errorRate) {
        lambda.dependencyOutage(functionName, errorRate);
    }

    public SandboxClock clock() {
        return clock;
    }

    /**
     * Generates the simulated traffic up to the clock's now on the caller's thread, so a test that
     * moves a manual clock has the minute's invocations recorded before it reads metrics (the
     * background tick would get there within a real second). Returns the invocations made; 0 when
     * traffic is off.
     */
    public long generateTrafficToNow() {
        return traffic == null ? 0 : traffic.advanceTo(clock.instant());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop();
        lambda.saveState();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.lambdarelease.release;

import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkLogsService;
import com.lambdarelease.service.SdkMetricsService;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.service.connection.ConnectionFailures;
import com.lambdarelease.service.connection.EndpointClock;
import com.lambdarelease.service.connection.EndpointClocks;
import com.lambdarelease.service.sso.BrowserOpener;
import com.lambdarelease.service.sso.SsoRoleCredentials;
import com.lambdarelease.service.sso.SsoSession;
import com.lambdarelease.service.sso.SsoSignIns;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one way to open a connection (embedded sandbox, AWS profile and region, custom endpoint, a role
 * through IAM Identity Center)
 * into clients, services and a request budget; the console, the command line and the tests all
 * use it. Opening runs on {@code io}, never the caller's thread. The embedded sandbox is started on
 * first use and kept until {@link #close()}.
 */
public final class SessionFactory implements AutoCloseable {

    private final Executor io;
    private final ScheduledExecutorService scheduler;
    /** Null when the factory was given a running endpoint, which it then never closes. */
    private final LocalEndpoint.Starter localStarter;
    private LocalEndpoint local;
    private SsoSignIns sso;
    /** Asks a custom endpoint on loopback whether it is a sandbox running its own clock. */
    private final EndpointClocks endpointClocks = new EndpointClocks(Clock.systemUTC(), ENDPOINT_CLOCK_TIMEOUT);

    /** Starts the local endpoint (the embedded sandbox) with {@code localStarter} the first time it is opened. */
    public SessionFactory(Executor io, ScheduledExecutorService scheduler, LocalEndpoint.Starter localStarter) {
        this(io, scheduler, localStarter, null);
    }

    /** Like {@link #SessionFactory(Executor, ScheduledExecutorService, LocalEndpoint.Starter)}, signing in through {@code sso}. */
    public SessionFactory(Executor io, ScheduledExecutorService scheduler, LocalEndpoint.Starter localStarter, SsoSignIns sso) {
        this.io = io;
        this.scheduler = scheduler;
        this.localStarter = localStarter;
        this.sso = sso;
    }

    /** Opens {@link ConnectionSpec.Sandbox} on a local endpoint already running (tests keep their own), never closing it. */
    public SessionFactory(Executor io, ScheduledExecutorService scheduler, LocalEndpoint running) {
        this(io, scheduler, running, null);
    }

    /** On a running local endpoint, signing in to Identity Center through {@code sso} (tests give it a temporary home). */
    public SessionFactory(Executor io, ScheduledExecutorService scheduler, LocalEndpoint running, SsoSignIns sso) {
        this.io = io;
        this.scheduler = scheduler;
        this.localStarter = null;
        this.local = running;
        this.sso = sso;
    }

    /** The Identity Center sign-ins this factory's SSO connections use (this user's, unless given). */
    public synchronized SsoSignIns ssoSignIns() {
        if (sso == null) {
            sso = new SsoSignIns(System.getenv(), java.nio.file.Path.of(
                    software.amazon.awssdk.utils.UserHomeDirectoryUtils.userHomeDirectory()), BrowserOpener.system(),
                    Clock.systemUTC(), io, scheduler);
        }
        return sso;
    }

    /**
     * The Identity Center session {@code name}: an {@code [sso-session]} of the config file, or, for
     * {@value ConnectionSpec.Sso#SANDBOX_SESSION} when the file has none of that name, the embedded
     * sandbox's own (starting it). Reads the disk: runs on io.
     */
    public CompletableFuture<SsoSession> ssoSession(String name) {
        return CompletableFuture.supplyAsync(() -> resolveSso(name, Optional.empty()), io);
    }

    private SsoSession resolveSso(String name, Optional<ConnectionSpec.SsoStart> typed) {
        if (typed.isPresent()) {
            return SsoSession.typed(typed.get().startUrl(), typed.get().ssoRegion());
        }
        SsoSignIns signIns = ssoSignIns();
        if (name.equals(ConnectionSpec.Sso.SANDBOX_SESSION) && signIns.config().session(name).isEmpty()) {
            startSandbox();
            return new SsoSession(Optional.of(name), local.signInStartUrl(), ConnectionSpec.Sandbox.DEFAULT_REGION,
                    java.util.List.of());
        }
        return signIns.configured(name);
    }

    /**
     * A role through Identity Center: the session's token must be live (from here or the AWS CLI),
     * else one "sign in" message; the role's credentials stay in memory. A local start URL (the
     * sandbox) also serves Lambda and CloudWatch.
     */
    private ConsoleServices openSso(ConnectionSpec.Sso spec) {
        SsoSession session = resolveSso(spec.session(), spec.start());
        SsoSignIns signIns = ssoSignIns();
        signIns.signIn(session).accessToken().join();
        SsoRoleCredentials credentials = signIns.credentials(session, spec.accountId(), spec.roleName());
        credentials.resolveCredentials();
        Optional<java.net.URI> endpoint = session.localOrigin();
        AwsClients clients = AwsClients.create(endpoint, Region.of(spec.region()), credentials);
        return verified(budgeted(spec.label(), clients,
                "IAM Identity Center " + session.label() + " · " + spec.accountId() + " · " + spec.roleName(), Optional.empty()),
                clients, endpoint.map(Object::toString).orElse("AWS Lambda in " + spec.region()));
    }

    /**
     * The services of {@code spec}'s connection; fails through the future (credentials, sandbox start). A
     * custom endpoint that is a sandbox on this machine runs the connection on the sandbox's clock and speed.
     */
    public CompletableFuture<ConsoleServices> open(ConnectionSpec spec) {
        return CompletableFuture.supplyAsync(() -> {
            if (spec instanceof ConnectionSpec.Profile p) {
                return openAws(p.label(), Optional.empty(), p.region(), p.profileName(), Optional.empty());
            }
            if (spec instanceof ConnectionSpec.Sso sso) {
                return openSso(sso);
            }
            if (spec instanceof ConnectionSpec.CustomEndpoint c) {
                // Its metrics are stamped with its clock: reasoning on the wall clock, a rollout would read no canary.
                Optional<EndpointClock> clock = endpointClocks.ask(c.endpoint());
                return c.profileName().isPresent()
                        ? openAws(c.label(), Optional.of(c.endpoint()), c.region(), c.profileName().get(), clock)
                        : openWithDefaultChain(c.label(), c.endpoint(), c.region(), clock);
            }
            return openSandbox(((ConnectionSpec.Sandbox) spec).region());
        }, io);
    }

    /** The sandbox keeps one place per region, chosen by the region the clients sign for. */
    private synchronized void startSandbox() {
        if (local == null) {
            try {
                local = localStarter.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded sandbox", e);
            }
        }
    }

    private synchronized ConsoleServices openSandbox(String region) {
        startSandbox();
        AwsClients clients = AwsClients.forSandbox(local.address(), Region.of(region));
        return new ConsoleServices("Sandbox · " + local.address().getAuthority()
                        + (region.equals(ConnectionSpec.Sandbox.DEFAULT_REGION) ? "" : " · " + region),
                new SdkLambdaService(clients, RequestBudget.unlimited(), pageRetry()),
                new SdkMetricsService(clients.cloudWatch(), local.clock()),
                // The sandbox holds Logs to AWS's rates too, so the budget applies there as well.
                new SdkLogsService(clients.logs(), SdkLogsService.filterLogEventsBudget(Clock.systemUTC(), scheduler)),
                clients.activity(), local.clock(), local.speed(), clients, "sandbox",
                new com.lambdarelease.service.SdkIdentityService(clients.sts()),
                new com.lambdarelease.service.SdkTrailService(clients.cloudTrail(),
                        com.lambdarelease.service.SdkTrailService.lookupBudget(Clock.systemUTC(), scheduler)));
    }

    /** The embedded sandbox's address, once started (the command line prints it). */
    public synchronized Optional<java.net.URI> sandboxEndpoint() {
        return Optional.ofNullable(local).map(LocalEndpoint::address);
    }

    /** An endpoint with the SDK's default credential chain (environment variables, then the default profile). */
    private ConsoleServices openWithDefaultChain(String label, java.net.URI endpoint, String region,
                                                 Optional<EndpointClock> endpointClock) {
        AwsCredentialsProvider credentials = software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw ConnectionFailures.noDefaultCredentials(e);
        }
        AwsClients clients = AwsClients.create(Optional.of(endpoint), Region.of(region), credentials);
        return verified(budgeted(label, clients, "default credential chain", endpointClock), clients, endpoint.toString());
    }

    /**
     * The services of an AWS-like connection: Lambda within the control plane's request budget, Logs within
     * its own, both in real time. They reason on the endpoint's clock when it said one, else on the wall clock.
     */
    private ConsoleServices budgeted(String label, AwsClients clients, String who, Optional<EndpointClock> endpointClock) {
        Clock wall = Clock.systemUTC();
        Clock clock = endpointClock.<Clock>map(c -> c).orElse(wall);
        return new ConsoleServices(label,
                new SdkLambdaService(clients, RequestBudget.lambdaControlPlane(wall, scheduler), pageRetry()),
                new SdkMetricsService(clients.cloudWatch(), clock),
                new SdkLogsService(clients.logs(), SdkLogsService.filterLogEventsBudget(wall, scheduler)),
                clients.activity(), clock, endpointClock.map(EndpointClock::speed).orElse(1.0), clients, who,
                new com.lambdarelease.service.SdkIdentityService(clients.sts()),
                new com.lambdarelease.service.SdkTrailService(clients.cloudTrail(),
                        com.lambdarelease.service.SdkTrailService.lookupBudget(wall, scheduler)));
    }

    private ConsoleServices openAws(String label, Optional<java.net.URI> endpoint, String region, String profile,
                                    Optional<EndpointClock> endpointClock) {
        AwsProfiles profiles = AwsProfiles.load();
        String name = profile != null ? profile : profiles.defaultProfileName().orElse("default");
        AwsCredentialsProvider credentials = profiles.credentials(name);
        try {
            // Resolve now, off the FX thread, so an expired SSO token is reported before any screen loads.
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw ConnectionFailures.credentials(name, profiles.usesSso(name), e);
        }
        AwsClients clients = AwsClients.create(endpoint, Region.of(region), credentials);
        return verified(budgeted(label, clients, "profile " + name, endpointClock), clients,
                endpoint.map(Object::toString).orElse("AWS Lambda in " + region));
    }

    /**
     * Sends one small request (the first page of one function) before the connection is called
     * open, so "Connected" is said only once AWS answered, and a failure is said once, in plain
     * words naming the endpoint, instead of surfacing as SDK text on every screen. Blocks: runs on io.
     */
    private static ConsoleServices verified(ConsoleServices services, AwsClients clients, String where) {
        try {
            java.util.concurrent.CompletableFuture.supplyAsync(() -> clients.lambda().listFunctions(r -> r.maxItems(1)),
                    clients.lambdaCalls()).get(FIRST_REQUEST_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            return services;
        } catch (Exception e) {
            closeQuietly(services);
            Throwable t = com.lambdarelease.service.errors.AwsErrors.translate(
                    e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e);
            if (t instanceof com.lambdarelease.service.errors.AwsServiceException aws) {
                throw ConnectionFailures.firstRequestFailed(where, services.who(), aws);
            }
            throw new ConnectionFailures.ConnectionRefusedException("Could not reach " + where + ": "
                    + (t instanceof java.util.concurrent.TimeoutException ? "no answer within "
                    + FIRST_REQUEST_TIMEOUT.toSeconds() + " s" : String.valueOf(t.getMessage())) + ".", t);
        }
    }

    /** How long a custom endpoint on loopback may take to say whether it runs a clock of its own. */
    static final java.time.Duration ENDPOINT_CLOCK_TIMEOUT = java.time.Duration.ofSeconds(2);

    /** How long the first request of a connection may take before the connection is called unreachable. */
    static final java.time.Duration FIRST_REQUEST_TIMEOUT = java.time.Duration.ofSeconds(20);

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a connection that never worked: nothing to tell
        }
    }

    /** {@link #open} with the release core on top: function states, the alias writer and {@code journal}. */
    public CompletableFuture<ReleaseSession> openSession(ConnectionSpec spec, ReleaseJournal journal) {
        return open(spec).thenApply(services -> ReleaseSession.of(services, journal, io));
    }

    /** A page that still fails after the SDK's retries is asked for again on our timer, from the same Marker. */
    private com.lambdarelease.service.PageRetry pageRetry() {
        return new com.lambdarelease.service.PageRetry(5, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(8),
                com.lambdarelease.service.PageRetry.Timer.on(scheduler));
    }

    @Override
    public synchronized void close() {
        if (sso != null) {
            sso.close();
        }
        if (local != null && localStarter != null) {
            local.close();
        }
    }
}

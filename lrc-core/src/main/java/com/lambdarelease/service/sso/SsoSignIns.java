package com.lambdarelease.service.sso;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every Identity Center session of this user, one {@link SsoSignIn}, {@link SsoDirectory} and set of
 * clients per session, shared by the console's screens, the command line and the session factory, so
 * one session is signed in once. Built once in the composition root; {@code home} and {@code env}
 * are injected so tests never touch the real {@code ~/.aws}.
 */
public final class SsoSignIns implements AutoCloseable {

    /** Portal calls per second a session makes at most (the portal's own limit is unpublished). */
    static final double PORTAL_RATE = 5;

    private final Map<String, String> env;
    private final Path home;
    private final TokenCache cache;
    private final BrowserOpener browser;
    private final Clock clock;
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final Duration baseBackoff;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    private record Entry(SsoSession session, SsoClients clients, SsoSignIn signIn, SsoDirectory directory) {
    }

    public SsoSignIns(Map<String, String> env, Path home, BrowserOpener browser, Clock clock, Executor io,
                      ScheduledExecutorService scheduler) {
        this(env, home, browser, clock, io, scheduler, Duration.ofMillis(500));
    }

    /** With the first throttling backoff given (tests shorten it). */
    public SsoSignIns(Map<String, String> env, Path home, BrowserOpener browser, Clock clock, Executor io,
                      ScheduledExecutorService scheduler, Duration baseBackoff) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.cache = TokenCache.inHome(home);
        this.browser = browser;
        this.clock = clock;
        this.io = io;
        this.scheduler = scheduler;
        this.baseBackoff = baseBackoff;
    }

    /** The {@code [sso-session]} sections of the config file, read now (runs on io, not the FX thread). */
    public SsoConfig config() {
        return SsoConfig.load(env, home);
    }

    /** The config file sessions are read from and profiles are saved to. */
    public Path configFile() {
        return SsoConfig.configFile(env, home);
    }

    /** The configured session {@code name}; refused with the file's name when there is none. */
    public SsoSession configured(String name) {
        SsoConfig config = config();
        return config.session(name).orElseThrow(() -> new IllegalArgumentException("There is no usable [sso-session "
                + name + "] in " + config.file() + config.unusable().stream().filter(u -> u.name().equals(name))
                .map(u -> " (it " + u.reason() + ")").findFirst().orElse("") + "."));
    }

    public SsoSignIn signIn(SsoSession session) {
        return entry(session).signIn();
    }

    public SsoDirectory directory(SsoSession session) {
        return entry(session).directory();
    }

    /** In-memory credentials of {@code roleName} in {@code accountId}, fetched when first needed. */
    public SsoRoleCredentials credentials(SsoSession session, String accountId, String roleName) {
        Entry e = entry(session);
        return new SsoRoleCredentials(e.signIn(), e.clients().portal(), accountId, roleName, clock, io);
    }

    /** Sessions signed into (or tried) since start. */
    public List<SsoSession> known() {
        return sessions.values().stream().map(Entry::session).toList();
    }

    public TokenCache cache() {
        return cache;
    }

    private Entry entry(SsoSession session) {
        return sessions.computeIfAbsent(session.cacheKey() + "|" + session.startUrl() + "|" + session.region(), k -> {
            SsoClients clients = new SsoClients(session, env);
            SignInFlows flows = new SignInFlows(session, clients, cache, browser, clock, io, scheduler);
            SsoSignIn signIn = new SsoSignIn(session, cache, flows, clock, io);
            PortalPacer pacer = new PortalPacer(PORTAL_RATE, baseBackoff, Duration.ofSeconds(8), System::nanoTime, scheduler, io);
            return new Entry(session, clients, signIn, new SsoDirectory(signIn, clients.portal(), pacer));
        });
    }

    @Override
    public void close() {
        sessions.values().forEach(e -> e.clients().close());
        sessions.clear();
    }
}

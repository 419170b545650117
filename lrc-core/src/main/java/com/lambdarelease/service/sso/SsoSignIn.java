package com.lambdarelease.service.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sign-in state of one Identity Center session, shared by every screen and command that needs
 * its token. {@link #accessToken()} never prompts: it answers from the cache (the AWS CLI's too),
 * refreshing quietly within {@link #REFRESH_WINDOW} of expiry as botocore does, and fails with one
 * {@link SsoSessionExpiredException} when nothing can renew it. Only {@link #signIn} prompts, and only
 * one sign-in runs at a time: a second call while one is in flight joins it (no storm of browser tabs).
 */
public final class SsoSignIn {

    /** How the operator signs in. */
    public enum Flow { BROWSER, DEVICE_CODE }

    /** botocore's window (its tokens.py, as the AWS CLI v2 uses it): a token with less than this left is refreshed first. */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(SsoSignIn.class.getName());

    private final SsoSession session;
    private final TokenCache cache;
    private final SignInFlows flows;
    private final Clock clock;
    private final Executor io;
    private final AtomicReference<CompletableFuture<CachedToken>> signingIn = new AtomicReference<>();
    private final Object refreshLock = new Object();
    private volatile Optional<Instant> knownExpiry = Optional.empty();
    private volatile boolean renewable;

    SsoSignIn(SsoSession session, TokenCache cache, SignInFlows flows, Clock clock, Executor io) {
        this.session = session;
        this.cache = cache;
        this.flows = flows;
        this.clock = clock;
        this.io = io;
    }

    public SsoSession session() {
        return session;
    }

    /** When the token last seen expires, from memory (safe on the FX thread); empty before any was seen. */
    public Optional<Instant> knownExpiry() {
        return knownExpiry;
    }

    /** True when the token last seen can be renewed without the operator (a refresh token and a live registration). */
    public boolean renewable() {
        return renewable;
    }

    /** True while a sign-in prompt is out. */
    public boolean signingIn() {
        CompletableFuture<CachedToken> f = signingIn.get();
        return f != null && !f.isDone();
    }

    /**
     * A live access token, from the cache, refreshed first when it is within {@link #REFRESH_WINDOW} of
     * expiry; fails with {@link SsoSessionExpiredException} when it has ended and cannot be renewed.
     * Reads the cache file, so it runs on {@code io}.
     */
    public CompletableFuture<String> accessToken() {
        return CompletableFuture.supplyAsync(() -> current().accessToken(), io);
    }

    /** {@link #accessToken()} on the caller's thread (the SDK's credential resolution, already off the FX thread). */
    String accessTokenNow() {
        return current().accessToken();
    }

    private CachedToken current() {
        synchronized (refreshLock) {
            Instant now = clock.instant();
            CachedToken token = cache.read(session).orElseThrow(() -> SsoSessionExpiredException.notSignedIn(session));
            seen(token);
            if (token.liveAt(now.plus(REFRESH_WINDOW))) {
                return token;
            }
            if (token.refreshableAt(now)) {
                try {
                    return seen(flows.refresh(token));
                } catch (RuntimeException e) {
                    LOG.log(Level.INFO, "Refreshing the Identity Center token of " + session.label() + " failed", e);
                    renewable = false;
                }
            }
            if (token.liveAt(now)) {
                return token; // still usable; the status bar offers to extend it
            }
            throw SsoSessionExpiredException.expired(session);
        }
    }

    /**
     * Signs in with {@code flow}, showing what the operator must do through {@code prompt}; while a
     * sign-in is already running, returns that one instead of starting a second.
     */
    public CompletableFuture<CachedToken> signIn(Flow flow, SignInPrompt prompt) {
        CompletableFuture<CachedToken> fresh = new CompletableFuture<>();
        CompletableFuture<CachedToken> running = signingIn.updateAndGet(f -> f != null && !f.isDone() ? f : fresh);
        if (running != fresh) {
            return running;
        }
        CompletableFuture<CachedToken> flowResult = flow == Flow.BROWSER ? flows.browser(prompt) : flows.device(prompt);
        flowResult.whenComplete((token, error) -> {
            if (error != null) {
                fresh.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                fresh.complete(seen(token));
            }
        });
        return fresh;
    }

    /** Refreshes now when the token can be renewed quietly, else signs in again with {@code flow}. */
    public CompletableFuture<CachedToken> extend(Flow flow, SignInPrompt prompt) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (refreshLock) {
                Optional<CachedToken> token = cache.read(session);
                if (token.isPresent() && token.get().refreshableAt(clock.instant())) {
                    try {
                        return Optional.of(seen(flows.refresh(token.get())));
                    } catch (RuntimeException e) {
                        LOG.log(Level.INFO, "Refresh failed; signing in again", e);
                    }
                }
                return Optional.<CachedToken>empty();
            }
        }, io).thenCompose(done -> done.map(CompletableFuture::completedFuture).orElseGet(() -> signIn(flow, prompt)));
    }

    /** Forgets the cached token (sign out here and in the AWS CLI). */
    public CompletableFuture<Void> signOut() {
        return CompletableFuture.runAsync(() -> {
            cache.delete(session);
            knownExpiry = Optional.empty();
            renewable = false;
        }, io);
    }

    private CachedToken seen(CachedToken token) {
        knownExpiry = Optional.of(token.expiresAt());
        renewable = token.refreshableAt(clock.instant());
        return token;
    }
}

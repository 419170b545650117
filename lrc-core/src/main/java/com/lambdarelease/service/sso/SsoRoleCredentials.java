package com.lambdarelease.service.sso;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A role's credentials from GetRoleCredentials, kept in memory only (never written anywhere) and
 * fetched again before they expire: within {@link #REFRESH_BEFORE} of expiry the current ones are
 * still handed out while new ones are fetched in the background; past expiry a request waits for
 * the new ones. When the sign-in has ended, every request fails with the same one
 * {@link SsoSessionExpiredException}.
 */
public final class SsoRoleCredentials implements AwsCredentialsProvider {

    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

    private final SsoSignIn signIn;
    private final SsoClient portal;
    private final String accountId;
    private final String roleName;
    private final Clock clock;
    private final Executor io;
    private volatile Held held;
    private CompletableFuture<Held> fetching;

    private record Held(AwsSessionCredentials credentials, Instant expiry) {
    }

    SsoRoleCredentials(SsoSignIn signIn, SsoClient portal, String accountId, String roleName, Clock clock, Executor io) {
        this.signIn = signIn;
        this.portal = portal;
        this.accountId = accountId;
        this.roleName = roleName;
        this.clock = clock;
        this.io = io;
    }

    public String accountId() {
        return accountId;
    }

    public String roleName() {
        return roleName;
    }

    /** When the credentials in hand expire; empty before the first fetch. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(held).map(Held::expiry);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        Held h = held;
        if (h != null && clock.instant().isBefore(h.expiry().minus(REFRESH_BEFORE))) {
            return h.credentials();
        }
        try {
            return fetch().join().credentials();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        Held h = held;
        Instant now = clock.instant();
        if (h != null && now.isBefore(h.expiry().minus(REFRESH_BEFORE))) {
            return CompletableFuture.completedFuture(h.credentials());
        }
        CompletableFuture<Held> next = fetch();
        if (h != null && now.isBefore(h.expiry())) {
            return CompletableFuture.completedFuture(h.credentials()); // still good; the new ones arrive meanwhile
        }
        return next.thenApply(Held::credentials);
    }

    /** One fetch at a time; callers during a fetch share it. */
    private synchronized CompletableFuture<Held> fetch() {
        if (fetching == null || fetching.isDone()) {
            fetching = CompletableFuture.supplyAsync(this::fetchNow, io);
        }
        return fetching;
    }

    private Held fetchNow() {
        String token = signIn.accessTokenNow();
        RoleCredentials c;
        try {
            c = portal.getRoleCredentials(b -> b.accessToken(token).accountId(accountId).roleName(roleName)).roleCredentials();
        } catch (UnauthorizedException e) {
            throw SsoSessionExpiredException.expired(signIn.session());
        } catch (SsoException e) {
            throw new SignInFailedException("Identity Center gave no credentials for role " + roleName + " in account "
                    + accountId + ": " + Optional.ofNullable(e.awsErrorDetails()).map(d -> d.errorMessage()).orElse(e.getMessage()));
        }
        Instant expiry = Instant.ofEpochMilli(c.expiration());
        Held h = new Held(AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expirationTime(expiry).build(), expiry);
        held = h;
        return h;
    }

    @Override
    public String toString() {
        return "SsoRoleCredentials[" + signIn.session().label() + "/" + accountId + "/" + roleName + "]";
    }
}

package com.lambdarelease.service.sso;

import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ListAccountRolesResponse;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The accounts and roles of one signed-in session: every account (ListAccounts, all pages) and, per
 * account, its roles (ListAccountRoles), loaded when first asked for and kept for the session, each
 * portal call paced by {@link PortalPacer}. A failed listing is not kept, so asking again retries it.
 */
public final class SsoDirectory {

    private static final int MAX_PAGES = 1_000;

    private final SsoSignIn signIn;
    private final SsoClient portal;
    private final PortalPacer pacer;
    private volatile CompletableFuture<List<SsoAccount>> accounts;
    private final Map<String, CompletableFuture<List<String>>> roles = new ConcurrentHashMap<>();

    SsoDirectory(SsoSignIn signIn, SsoClient portal, PortalPacer pacer) {
        this.signIn = signIn;
        this.portal = portal;
        this.pacer = pacer;
    }

    /** Every account, sorted by name; {@code onThrottled} hears each backoff (to show "the portal is busy"). */
    public synchronized CompletableFuture<List<SsoAccount>> accounts(Consumer<Duration> onThrottled) {
        CompletableFuture<List<SsoAccount>> f = accounts;
        if (f == null || f.isCompletedExceptionally()) {
            f = signIn.accessToken().thenCompose(token -> page(token, Optional.empty(), new ArrayList<>(), onThrottled))
                    .thenApply(list -> list.stream().sorted(Comparator.comparing(SsoAccount::accountName)).toList());
            accounts = f;
        }
        return f;
    }

    /** The roles the user has in {@code accountId}, in the portal's order. */
    public CompletableFuture<List<String>> roles(String accountId, Consumer<Duration> onThrottled) {
        return roles.compute(accountId, (id, f) -> f == null || f.isCompletedExceptionally()
                ? signIn.accessToken().thenCompose(token -> rolePage(token, id, Optional.empty(), new ArrayList<>(), onThrottled))
                : f);
    }

    /** Forgets what was listed (after signing in as someone else). */
    public synchronized void clear() {
        accounts = null;
        roles.clear();
    }

    private CompletableFuture<List<SsoAccount>> page(String token, Optional<String> next, List<SsoAccount> into,
                                                     Consumer<Duration> onThrottled) {
        return pacer.call(() -> expiredAsOne(() -> portal.listAccounts(b -> b.accessToken(token).nextToken(next.orElse(null)))),
                onThrottled).thenCompose((ListAccountsResponse r) -> {
                    r.accountList().forEach(a -> into.add(new SsoAccount(a.accountId(), a.accountName(), a.emailAddress())));
                    if (r.nextToken() == null || r.nextToken().isEmpty() || into.size() > MAX_PAGES * 100) {
                        return CompletableFuture.completedFuture(List.copyOf(into));
                    }
                    return page(token, Optional.of(r.nextToken()), into, onThrottled);
                });
    }

    private CompletableFuture<List<String>> rolePage(String token, String accountId, Optional<String> next, List<String> into,
                                                     Consumer<Duration> onThrottled) {
        return pacer.call(() -> expiredAsOne(() -> portal.listAccountRoles(b -> b.accessToken(token).accountId(accountId)
                .nextToken(next.orElse(null)))), onThrottled).thenCompose((ListAccountRolesResponse r) -> {
                    r.roleList().stream().map(RoleInfo::roleName).forEach(into::add);
                    if (r.nextToken() == null || r.nextToken().isEmpty() || into.size() > MAX_PAGES * 100) {
                        return CompletableFuture.completedFuture(List.copyOf(into));
                    }
                    return rolePage(token, accountId, Optional.of(r.nextToken()), into, onThrottled);
                });
    }

    /** The portal's 401 (the token ended mid-listing) becomes the one sign-in-expired message. */
    <T> T expiredAsOne(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (UnauthorizedException e) {
            throw SsoSessionExpiredException.expired(signIn.session());
        }
    }
}

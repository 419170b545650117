package com.lambdarelease.bench;

import com.lambdarelease.sandbox.sso.SsoSettings;
import com.lambdarelease.service.sso.SignInPrompt;
import com.lambdarelease.service.sso.SsoAccount;
import com.lambdarelease.service.sso.SsoDirectory;
import com.lambdarelease.service.sso.SsoFixture;
import com.lambdarelease.service.sso.SsoRoleCredentials;
import com.lambdarelease.service.sso.SsoSignIn;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identity Center against the sandbox (not a test: it prints figures, never fails): a PKCE sign-in
 * through a stand-in browser (the first registers the client, the rest reuse it), listing every
 * account and every account's roles with a free portal and with one that answers only 2 requests a
 * second, and role credentials fetched versus served from memory.
 *
 * <p>Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.lambdarelease.bench.SsoBenchmark}
 */
public final class SsoBenchmark {

    private SsoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int signIns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (SsoFixture f = new SsoFixture(Files.createTempDirectory("sso-bench"), SsoSettings.defaults().withPortalRate(1000))) {
            SsoSignIn signIn = f.signIns.signIn(f.team());
            long[] ms = new long[signIns];
            for (int i = 0; i < signIns; i++) {
                long t0 = System.nanoTime();
                signIn.signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(30, TimeUnit.SECONDS);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            long[] rest = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(rest);
            System.out.printf("PKCE sign-in: first (registers the client) %d ms; then median %d ms, max %d ms over %d%n",
                    ms[0], rest[rest.length / 2], rest[rest.length - 1], rest.length);
            listing("free portal", f);

            SsoRoleCredentials role = f.signIns.credentials(f.team(), "210987654321", "ReleaseManager");
            long t0 = System.nanoTime();
            role.resolveCredentials();
            long first = System.nanoTime() - t0;
            int n = 100_000;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                role.resolveIdentity(software.amazon.awssdk.identity.spi.ResolveIdentityRequest.builder().build()).join();
            }
            long each = (System.nanoTime() - t0) / n;
            System.out.printf("Role credentials: fetched in %.1f ms; from memory %d ns each (%.0fx)%n",
                    first / 1e6, each, (double) first / each);
        }
        try (SsoFixture f = new SsoFixture(Files.createTempDirectory("sso-bench"), SsoSettings.defaults().withPortalRate(2))) {
            f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(30, TimeUnit.SECONDS);
            listing("portal answering 2 requests/s", f);
        }
    }

    private static void listing(String what, SsoFixture f) throws Exception {
        SsoDirectory directory = f.signIns.directory(f.team());
        directory.clear();
        AtomicInteger backoffs = new AtomicInteger();
        long t0 = System.nanoTime();
        List<SsoAccount> accounts = directory.accounts(d -> backoffs.incrementAndGet()).get(120, TimeUnit.SECONDS);
        long accountsMs = (System.nanoTime() - t0) / 1_000_000;
        List<CompletableFuture<List<String>>> roles = new ArrayList<>();
        accounts.forEach(a -> roles.add(directory.roles(a.accountId(), d -> backoffs.incrementAndGet())));
        CompletableFuture.allOf(roles.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        long allMs = (System.nanoTime() - t0) / 1_000_000;
        int roleCount = roles.stream().mapToInt(r -> r.join().size()).sum();
        System.out.printf("%s: %d accounts (2 pages) in %d ms; with all %d roles of all accounts %d ms; %d requests "
                + "throttled and retried, none failed%n", what, accounts.size(), accountsMs, roleCount, allMs, backoffs.get());
    }

}

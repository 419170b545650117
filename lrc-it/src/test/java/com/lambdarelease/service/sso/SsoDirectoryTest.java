package com.lambdarelease.service.sso;

import com.lambdarelease.sandbox.sso.SsoSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and roles after sign-in: all pages, roles per account on demand and kept, a throttling portal ridden out. */
class SsoDirectoryTest {

    @TempDir
    Path home;
    private SsoFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void givenAPortalThatThrottles_thenEveryAccountAndRoleStillArrivesAndEachBackoffIsTold() throws Exception {
        f = new SsoFixture(home, SsoSettings.defaults().withPortalRate(2));
        f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
        SsoDirectory directory = f.signIns.directory(f.team());
        List<Duration> backoffs = new CopyOnWriteArrayList<>();

        List<SsoAccount> accounts = directory.accounts(backoffs::add).get(60, TimeUnit.SECONDS);
        assertThat(accounts).hasSize(12).extracting(SsoAccount::accountName).isSorted().contains("payments-prod", "sandbox-demo");
        List<CompletableFuture<List<String>>> roles = new ArrayList<>();
        accounts.forEach(a -> roles.add(directory.roles(a.accountId(), backoffs::add)));
        CompletableFuture.allOf(roles.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(roles).allSatisfy(r -> assertThat(r.join()).hasSizeBetween(2, 3));
        assertThat(backoffs).as("the sandbox answers 2 requests/s and the pacer asks for 5/s").isNotEmpty();
        assertThat(directory.roles("310987654321", backoffs::add).join())
                .containsExactly("ReadOnlyAccess", "ReleaseManager", "PowerUserAccess");
        assertThat(directory.roles("310987654321", backoffs::add)).as("kept for the session")
                .isSameAs(directory.roles("310987654321", backoffs::add));
        assertThat(directory.accounts(backoffs::add)).isSameAs(directory.accounts(backoffs::add));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        PortalPacer pacer = new PortalPacer(5, Duration.ofMillis(500), Duration.ofSeconds(8), System::nanoTime, null, null);
        assertThat(List.of(pacer.backoff(1), pacer.backoff(2), pacer.backoff(3), pacer.backoff(5), pacer.backoff(7)))
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
    }
}

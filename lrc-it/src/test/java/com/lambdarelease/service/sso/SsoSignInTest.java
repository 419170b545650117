package com.lambdarelease.service.sso;

import com.lambdarelease.app.EmbeddedSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.sandbox.sso.SsoSettings;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.domain.FunctionSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing in to the sandbox's Identity Center end to end: the PKCE flow through a stand-in browser,
 * the device-code fallback, one sign-in at a time, the refresh before expiry, an ended session, and
 * connecting to an account's role through the session factory.
 */
class SsoSignInTest {

    @TempDir
    Path home;
    private SsoFixture f;

    private SsoFixture fixture(SsoSettings settings) {
        f = new SsoFixture(home, settings);
        return f;
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void givenTheBrowserFlow_thenOneTabOpensAndTheTokenIsCachedWhereTheAwsCliLooks() throws Exception {
        fixture(SsoSettings.defaults());
        SsoSignIn signIn = f.signIns.signIn(f.team());
        CachedToken token = signIn.signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);

        assertThat(f.opened).singleElement().satisfies(uri -> assertThat(uri.toString())
                .startsWith(f.sandbox.endpoint() + "/authorize?response_type=code&client_id=")
                .contains("code_challenge_method=S256").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"));
        Path file = home.resolve(".aws/sso/cache/" + SsoSession.sha1("team") + ".json");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        JsonNode cached = new ObjectMapper().readTree(file.toFile());
        assertThat(cached.path("startUrl").asText()).isEqualTo(f.sandbox.ssoStartUrl());
        assertThat(cached.path("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.path("expiresAt").asText()).isEqualTo("2026-12-01T11:00:00Z");
        assertThat(cached.path("accessToken").asText()).isEqualTo(token.accessToken());
        assertThat(cached.has("clientId") && cached.has("clientSecret") && cached.has("refreshToken")).isTrue();
        assertThat(cached.path("registrationExpiresAt").asText()).isEqualTo("2027-03-01T10:00:00Z");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        assertThat(signIn.knownExpiry()).contains(java.time.Instant.parse("2026-12-01T11:00:00Z"));
    }

    @Test
    void givenNoBrowser_thenTheDeviceCodeIsShownAndTheSignInCompletes() throws Exception {
        fixture(SsoSettings.defaults());
        f.browserAvailable = false;
        List<String> shown = new CopyOnWriteArrayList<>();
        SignInPrompt prompt = new SignInPrompt() {
            @Override
            public void showDeviceCode(String userCode, URI verificationUri, URI complete) {
                shown.add(userCode + " " + complete);
            }

            @Override
            public void browserUnavailable() {
                shown.add("no browser");
            }
        };
        CachedToken token = f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, prompt).get(20, TimeUnit.SECONDS);
        assertThat(shown).hasSize(2).first().isEqualTo("no browser");
        assertThat(shown.get(1)).matches("[A-Z]{4}-[A-Z]{4} " + f.sandbox.endpoint() + "/device\\?user_code=[A-Z]{4}-[A-Z]{4}");
        assertThat(f.signIns.signIn(f.team()).accessToken().get(5, TimeUnit.SECONDS)).isEqualTo(token.accessToken());
    }

    @Test
    void givenASignInInFlight_thenASecondRequestJoinsItAndPromptsNothingMore() throws Exception {
        fixture(SsoSettings.defaults().withAutoApprove(false));
        AtomicInteger prompts = new AtomicInteger();
        CompletableFuture<String> code = new CompletableFuture<>();
        SignInPrompt prompt = (userCode, uri, complete) -> {
            prompts.incrementAndGet();
            code.complete(userCode);
        };
        SsoSignIn signIn = f.signIns.signIn(f.team());
        CompletableFuture<CachedToken> first = signIn.signIn(SsoSignIn.Flow.DEVICE_CODE, prompt);
        CompletableFuture<CachedToken> second = signIn.signIn(SsoSignIn.Flow.BROWSER, prompt);
        assertThat(second).isSameAs(first);
        assertThat(signIn.signingIn()).isTrue();
        assertThat(f.sandbox.identityCenter().approve(code.get(10, TimeUnit.SECONDS))).isTrue();
        first.get(20, TimeUnit.SECONDS);
        assertThat(prompts).hasValue(1);
        assertThat(f.opened).isEmpty();
        assertThat(signIn.signingIn()).isFalse();
    }

    @Test
    void givenATokenNearItsExpiry_thenItIsRefreshedQuietlyWithTheSameRegistration() throws Exception {
        fixture(SsoSettings.defaults());
        SsoSignIn signIn = f.signIns.signIn(f.team());
        CachedToken first = signIn.signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(signIn.accessToken().get(5, TimeUnit.SECONDS)).isEqualTo(first.accessToken());
        f.clock.advance(Duration.ofMinutes(16)); // 14 minutes left: inside botocore's refresh window
        String refreshed = signIn.accessToken().get(5, TimeUnit.SECONDS);
        assertThat(refreshed).isNotEqualTo(first.accessToken());
        CachedToken cached = f.signIns.cache().read(f.team()).orElseThrow();
        assertThat(cached.accessToken()).isEqualTo(refreshed);
        assertThat(cached.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(cached.registration().orElseThrow().clientId()).isEqualTo(first.registration().orElseThrow().clientId());
        assertThat(f.opened).hasSize(1);
        // A second browser sign-in reuses the registration too.
        signIn.signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
        assertThat(f.signIns.cache().read(f.team()).orElseThrow().registration().orElseThrow().clientId())
                .isEqualTo(first.registration().orElseThrow().clientId());
    }

    @Test
    void givenAnEndedSession_thenRequestsFailWithOneSignInAgainMessage() throws Exception {
        fixture(SsoSettings.defaults());
        SsoSignIn signIn = f.signIns.signIn(f.team());
        assertThatThrownBy(() -> signIn.accessToken().join()).hasCauseInstanceOf(SsoSessionExpiredException.class)
                .cause().hasMessage("Not signed in to team (IAM Identity Center). Sign in from the console, or run "
                        + "`lambda-release sso login --session team`.");
        signIn.signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
        SsoRoleCredentials role = f.signIns.credentials(f.team(), "210987654321", "ReleaseManager");
        assertThat(role.resolveCredentials().accessKeyId()).startsWith("ASIA");
        f.clock.advance(Duration.ofDays(91)); // past the token, the credentials and the client registration
        assertThatThrownBy(() -> signIn.accessToken().join()).hasCauseInstanceOf(SsoSessionExpiredException.class)
                .cause().hasMessage("The IAM Identity Center sign-in to team has expired. Sign in again to continue.");
        assertThatThrownBy(role::resolveCredentials).isInstanceOf(SsoSessionExpiredException.class)
                .hasMessage("The IAM Identity Center sign-in to team has expired. Sign in again to continue.");
        assertThat(signIn.renewable()).isFalse();
    }

    @Test
    void givenASignedInSession_thenTheFactoryConnectsToThePickedRoleAndListsThatAccountsFunctions() throws Exception {
        fixture(SsoSettings.defaults());
        f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
        SessionFactory factory = new SessionFactory(f.io, f.scheduler, EmbeddedSandbox.of(f.sandbox), f.signIns);
        try (ConsoleServices payments = factory.open(new ConnectionSpec.Sso("team", "210987654321", "ReleaseManager",
                "us-east-1")).get(20, TimeUnit.SECONDS)) {
            assertThat(payments.lambda().listAllFunctions().get(10, TimeUnit.SECONDS)).extracting(FunctionSummary::name)
                    .containsExactly("payments-prod-api", "payments-prod-worker");
        }
        try (ConsoleServices orders = factory.open(new ConnectionSpec.Sso("team", "310987654321", "ReadOnlyAccess",
                "us-east-1")).get(20, TimeUnit.SECONDS)) {
            assertThat(orders.lambda().listAllFunctions().get(10, TimeUnit.SECONDS)).extracting(FunctionSummary::name)
                    .containsExactly("orders-prod-api", "orders-prod-worker");
        }
        assertThatThrownBy(() -> factory.open(new ConnectionSpec.Sso("team", "210987654321", "AdministratorAccess",
                "us-east-1")).join()).isInstanceOf(CompletionException.class).hasMessageContaining("No access");
    }

    @Test
    void givenARoleThroughIdentityCenter_thenTheConnectionSaysWhoAsTheRolesSessionTheSignedInUser() throws Exception {
        fixture(SsoSettings.defaults());
        f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
        SessionFactory factory = new SessionFactory(f.io, f.scheduler, EmbeddedSandbox.of(f.sandbox), f.signIns);
        try (ConsoleServices payments = factory.open(new ConnectionSpec.Sso("team", "210987654321", "ReleaseManager",
                "us-east-1")).get(20, TimeUnit.SECONDS)) {
            com.lambdarelease.domain.Caller caller = payments.identity().caller().get(10, TimeUnit.SECONDS);
            assertThat(caller.account()).isEqualTo("210987654321");
            assertThat(caller.arn()).matches("arn:aws:sts::210987654321:assumed-role/AWSReservedSSO_ReleaseManager_[0-9a-f]{16}"
                    + "/alice@example.com");
            assertThat(caller.kind()).isEqualTo(com.lambdarelease.domain.Caller.Kind.ASSUMED_ROLE);
            assertThat(caller.name()).isEqualTo("alice@example.com");
            assertThat(caller.describe()).startsWith("alice@example.com (role AWSReservedSSO_ReleaseManager_");
            assertThat(payments.identity().caller()).as("asked once per connection").isSameAs(payments.identity().caller());
        }
    }
}

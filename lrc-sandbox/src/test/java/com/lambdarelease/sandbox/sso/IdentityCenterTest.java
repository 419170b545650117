package com.lambdarelease.sandbox.sso;

import com.lambdarelease.sandbox.AccessKeyIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's IAM Identity Center spoken to by the SDK's own SsoOidc and Sso clients over HTTP:
 * the device-code, PKCE authorization-code and refresh-token grants, each error of the OIDC API
 * reference (https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/Welcome.html), the
 * portal's paging, 401 and 429, and credentials that open their account's functions in the
 * sandbox's Lambda.
 */
class IdentityCenterTest {

    private static final String DEVICE = "urn:ietf:params:oauth:grant-type:device_code";
    private SsoSandboxFixture f = new SsoSandboxFixture(SsoSettings.defaults());

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void givenADeviceSignIn_thenTheFirstPollIsPendingAndTheTokenListsTwelveAccountsOverTwoPages() throws Exception {
        CreateTokenResponse token = f.deviceToken();
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(token.refreshToken()).isNotBlank();
        ListAccountsResponse first = f.portal.listAccounts(b -> b.accessToken(token.accessToken()));
        assertThat(first.accountList()).hasSize(10);
        assertThat(first.nextToken()).isNotBlank();
        List<AccountInfo> all = new ArrayList<>();
        f.portal.listAccountsPaginator(b -> b.accessToken(token.accessToken()).maxResults(5)).accountList().forEach(all::add);
        assertThat(all).hasSize(12).extracting(AccountInfo::accountName).contains("sandbox-demo", "payments-prod");
        assertThat(f.portal.listAccountRoles(b -> b.accessToken(token.accessToken()).accountId("310987654321")).roleList())
                .extracting(RoleInfo::roleName).containsExactly("ReadOnlyAccess", "ReleaseManager", "PowerUserAccess");
    }

    @Test
    void givenRoleCredentials_thenLambdaShowsThatAccountsOwnFunctions() throws Exception {
        String token = f.deviceToken().accessToken();
        RoleCredentials payments = f.credentials(token, "210987654321", "ReleaseManager");
        assertThat(payments.expiration()).isEqualTo(f.clock.instant().plusSeconds(3600).toEpochMilli());
        assertThat(AccessKeyIds.account(payments.accessKeyId())).contains("210987654321");
        assertThat(f.functionNames(payments)).containsExactly("payments-prod-api", "payments-prod-worker");
        assertThat(f.functionNames(f.credentials(token, "310987654321", "ReadOnlyAccess")))
                .containsExactly("orders-prod-api", "orders-prod-worker");
        assertThat(f.functionNames(f.credentials(token, "123456789012", "AdministratorAccess"))).contains("MyLambdaFunction");
        assertThatThrownBy(() -> f.credentials(token, "210987654321", "AdministratorAccess"))
                .hasMessageContaining("No access").hasMessageContaining("403");
    }

    @Test
    void givenAPkceAuthorization_thenTheRedirectCarriesACodeThatOnlyTheRightVerifierRedeems() throws Exception {
        RegisterClientResponse client = f.oidc.registerClient(b -> b.clientName("console").clientType("public")
                .grantTypes("authorization_code", "refresh_token").redirectUris("http://127.0.0.1/oauth/callback")
                .issuerUrl(f.sandbox.ssoStartUrl()).scopes("sso:account:access"));
        String verifier = "a".repeat(43) + "verifier";
        String redirect = "http://127.0.0.1:53111/oauth/callback";
        String code = authorize(client.clientId(), redirect, OidcService.s256(verifier), "st4te");
        assertThatThrownBy(() -> f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("authorization_code").code(code).redirectUri(redirect).codeVerifier("wrong" + verifier)))
                .isInstanceOf(InvalidGrantException.class);
        String again = authorize(client.clientId(), redirect, OidcService.s256(verifier), "st4te");
        CreateTokenResponse token = f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("authorization_code").code(again).redirectUri(redirect).codeVerifier(verifier));
        assertThat(f.portal.listAccounts(b -> b.accessToken(token.accessToken())).accountList()).isNotEmpty();
        // The code is single use.
        assertThatThrownBy(() -> f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("authorization_code").code(again).redirectUri(redirect).codeVerifier(verifier)))
                .isInstanceOf(InvalidGrantException.class)
                .satisfies(e -> assertThat(((InvalidGrantException) e).errorDescription()).isEqualTo("Invalid grant provided"));
    }

    @Test
    void givenARefreshToken_thenItBuysANewTokenOnceAndTheOldOneIsAnInvalidGrant() throws Exception {
        RegisterClientResponse client = f.registerDeviceClient();
        CreateTokenResponse first = f.deviceToken();
        // deviceToken registered its own client; refreshing needs that one, so a foreign client is invalid_grant.
        assertThatThrownBy(() -> f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(first.refreshToken()))).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void givenAnExpiredAccessToken_thenThePortalAnswers401AndTheRefreshGrantRenewsIt() throws Exception {
        RegisterClientResponse client = f.registerDeviceClient();
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(f.sandbox.identityCenter().approve(device.userCode())).isTrue();
        CreateTokenResponse token = f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(DEVICE).deviceCode(device.deviceCode()));
        f.clock.advance(java.time.Duration.ofMinutes(61));
        assertThatThrownBy(() -> f.portal.listAccounts(b -> b.accessToken(token.accessToken())))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("Session token not found or invalid")
                .satisfies(e -> assertThat(((UnauthorizedException) e).statusCode()).isEqualTo(401));
        CreateTokenResponse renewed = f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(token.refreshToken()));
        assertThat(f.portal.listAccounts(b -> b.accessToken(renewed.accessToken())).accountList()).hasSize(10);
        assertThatThrownBy(() -> f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(token.refreshToken()))).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void givenTheDeviceErrors_thenEachComesAsItsModelledException() throws Exception {
        f.close();
        f = new SsoSandboxFixture(SsoSettings.defaults().withAutoApprove(false));
        RegisterClientResponse client = f.registerDeviceClient();
        StartDeviceAuthorizationResponse device = start(client);
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(AuthorizationPendingException.class)
                .satisfies(e -> assertThat(((AuthorizationPendingException) e).error()).isEqualTo("authorization_pending"));
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(SlowDownException.class);
        assertThat(f.sandbox.identityCenter().pendingUserCodes()).containsExactly(device.userCode());
        f.sandbox.identityCenter().deny(device.userCode());
        Thread.sleep(1000);
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(AccessDeniedException.class);

        StartDeviceAuthorizationResponse late = start(client);
        f.clock.advance(java.time.Duration.ofSeconds(601));
        assertThatThrownBy(() -> poll(client, late)).isInstanceOf(ExpiredTokenException.class)
                .satisfies(e -> assertThat(((ExpiredTokenException) e).error()).isEqualTo("expired_token"));
        assertThatThrownBy(() -> f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret("wrong")
                .grantType(DEVICE).deviceCode("x"))).isInstanceOf(InvalidClientException.class)
                .satisfies(e -> assertThat(((InvalidClientException) e).statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> poll(client, device)).isInstanceOf(InvalidGrantException.class);
        f.clock.advance(java.time.Duration.ofDays(91));
        assertThatThrownBy(() -> start(client)).isInstanceOf(InvalidClientException.class)
                .satisfies(e -> assertThat(((InvalidClientException) e).errorDescription()).isEqualTo("Client secret has expired"));
    }

    @Test
    void givenMoreRequestsThanThePortalsRate_thenItAnswers429() throws Exception {
        f.close();
        f = new SsoSandboxFixture(SsoSettings.defaults().withPortalRate(2));
        String token = f.deviceToken().accessToken();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try {
                f.portal.listAccounts(b -> b.accessToken(token));
                statuses.add(200);
            } catch (TooManyRequestsException e) {
                statuses.add(e.statusCode());
            }
        }
        assertThat(statuses).contains(200, 429);
    }

    @Test
    void accessKeyIdsCarryTheirAccount() {
        SplittableRandom random = new SplittableRandom(7);
        for (String account : List.of("000000000001", "123456789012", "999999999999", "210987654321")) {
            String key = AccessKeyIds.temporary(account, random);
            assertThat(key).matches("ASIA[A-Z2-7]{16}");
            assertThat(AccessKeyIds.account(key)).contains(account);
        }
        assertThat(AccessKeyIds.account("AKIAIOSFODNN7EXAMPLE")).isEmpty();
        assertThat(AccessKeyIds.account("sandbox")).isEmpty();
    }

    private StartDeviceAuthorizationResponse start(RegisterClientResponse client) {
        return f.oidc.startDeviceAuthorization(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .startUrl(f.sandbox.ssoStartUrl()));
    }

    private CreateTokenResponse poll(RegisterClientResponse client, StartDeviceAuthorizationResponse device) {
        return f.oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(DEVICE).deviceCode(device.deviceCode()));
    }

    /** The browser's part: GET /authorize, and the code from the redirect to the loopback (not followed). */
    private String authorize(String clientId, String redirect, String challenge, String state) throws Exception {
        String url = f.sandbox.endpoint() + "/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8) + "&state=" + state
                + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=" + challenge;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=").endsWith("&state=" + state);
        return location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.app.EmbeddedSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sso login}, {@code sso accounts} and {@code --connection sso:SESSION/ACCOUNT/ROLE} run
 * in-process against a sandbox whose Identity Center is named in the temporary home's config.
 */
class SsoCommandLineTest {

    @TempDir
    Path home;
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [sso-session team]
                sso_start_url = %s
                sso_region = us-east-1
                """.formatted(sandbox.ssoStartUrl()));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }


    private CliRun run(String... args) {
        CliContext context = new CliContext(Terminal.none(), Map.of(GlobalOptions.JOURNAL_ENV,
                home.resolve("journal.jsonl").toString()), home, plan -> { }, EmbeddedSandbox.forCommandLine());
        return CliRun.execute(context, args);
    }

    @Test
    void givenADeviceCodeLogin_thenAccountsAndAnAccountsFunctionsAreListed() throws Exception {
        CliRun login = run("sso", "login", "--session", "team", "--device-code");
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out()).containsPattern("Open " + sandbox.endpoint() + "/device\\?user_code=[A-Z]{4}-[A-Z]{4} and confirm the code")
                .contains("Signed in to team until ");

        CliRun accounts = run("--output", "json", "sso", "accounts", "--session", "team", "--roles");
        assertThat(accounts.code()).as(accounts.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(accounts.out());
        assertThat(list).hasSize(12);
        assertThat(list).filteredOn(a -> a.path("accountName").asText().equals("orders-prod")).singleElement()
                .satisfies(a -> assertThat(a.path("roles")).extracting(JsonNode::asText)
                        .containsExactly("ReadOnlyAccess", "ReleaseManager", "PowerUserAccess"));

        CliRun table = run("sso", "accounts", "--session", "team");
        assertThat(table.out()).contains("ACCOUNT ID").contains("210987654321").contains("payments-prod");

        CliRun functions = run("--connection", "sso:team/210987654321/ReleaseManager", "functions", "list");
        assertThat(functions.code()).as(functions.err()).isZero();
        assertThat(functions.out()).contains("payments-prod-api").contains("payments-prod-worker").doesNotContain("MyLambdaFunction");
    }

    @Test
    void givenNoSignIn_thenAnSsoConnectionStopsWithOneMessage() {
        CliRun r = run("--connection", "sso:team/210987654321/ReleaseManager", "functions", "list");
        assertThat(r.code()).isEqualTo(ExitCodes.AWS_ERROR);
        assertThat(r.err().strip()).isEqualTo("Not signed in to team (IAM Identity Center). Sign in from the console, "
                + "or run `lambda-release sso login --session team`.");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        CliRun account = run("--connection", "sso:team/2109/ReleaseManager", "functions", "list");
        assertThat(account.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(account.err()).contains("An AWS account id is 12 digits; \"2109\" is not one.");
        CliRun shape = run("--connection", "sso:team/210987654321", "functions", "list");
        assertThat(shape.err()).contains("give sso:SESSION/ACCOUNT/ROLE");
        CliRun neither = run("sso", "login");
        assertThat(neither.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(neither.err()).contains("Give either --session NAME (configured: team) or --start-url URL --sso-region R.");
        CliRun unknown = run("sso", "login", "--session", "nope", "--device-code");
        assertThat(unknown.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.err()).contains("There is no usable [sso-session nope] in " + home.resolve(".aws/config"));
        CliRun http = run("sso", "login", "--start-url", "http://example.com/start", "--sso-region", "us-east-1");
        assertThat(http.err()).contains("The start URL must start with https://");
        assertThat(sandbox.identityCenter().pendingUserCodes()).isEmpty();
    }
}

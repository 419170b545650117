package com.lambdarelease.sandbox.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI signs in to the sandbox's Identity Center with the device code and lists the chosen
 * account's functions with the resulting profile. Debian's packaged CLI is 2.9.19: it has
 * {@code aws sso login} and {@code [sso-session]} but neither PKCE (2.22) nor the
 * {@code AWS_ENDPOINT_URL_*} variables (2.13), so besides setting those for newer CLIs the test
 * points its OIDC and portal clients at the sandbox with an endpoint rule set on {@code AWS_DATA_PATH},
 * and Lambda with {@code --endpoint-url}. Skipped, saying so, without /usr/bin/aws.
 */
class AwsCliSsoLoginTest {

    private static final Path DEBIAN_CLI = AwsCliRunner.DEBIAN_CLI;
    @TempDir
    Path home;
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(DEBIAN_CLI)) {
            System.out.println("AwsCliSsoLoginTest skipped: Debian's awscli package is not installed at " + DEBIAN_CLI);
        }
        Assumptions.assumeTrue(Files.isExecutable(DEBIAN_CLI), "Debian's awscli package is not installed at " + DEBIAN_CLI);
        sandbox = Sandbox.start(SandboxOptions.forTests());
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [sso-session sbx]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [profile team]
                sso_session = sbx
                sso_account_id = 210987654321
                sso_role_name = ReleaseManager
                region = us-east-1
                """.formatted(sandbox.ssoStartUrl()));
        AwsCliRunner.routeSsoTo(home.resolve("data"), sandbox.endpoint());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private AwsCliRunner.Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(DEBIAN_CLI.toString(), "--no-cli-pager", "--output", "json"));
        command.addAll(List.of(args));
        return AwsCliRunner.run(command, home, sandbox.endpoint(), AwsCliRunner.debianCli(home, sandbox.endpoint()));
    }

    @Test
    void theCliSignsInWithADeviceCodeAndListsTheAccountsFunctions() throws Exception {
        AwsCliRunner.Result version = aws("--version");
        assertThat(version.out() + version.err()).startsWith("aws-cli/2.");
        AwsCliRunner.Result login = aws("sso", "login", "--profile", "team", "--no-browser");
        assertThat(login.code()).as(login.out() + login.err()).isZero();
        assertThat(login.out()).contains(sandbox.endpoint() + "/device").contains("Successfully logged into Start URL");

        try (var files = Files.list(home.resolve(".aws/sso/cache"))) {
            JsonNode cached = null;
            for (Path file : files.toList()) {
                JsonNode n = new ObjectMapper().readTree(file.toFile());
                if (n.has("accessToken")) {
                    cached = n;
                }
            }
            assertThat(cached).isNotNull();
            assertThat(cached.path("startUrl").asText()).isEqualTo(sandbox.ssoStartUrl());
            assertThat(cached.path("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }

        AwsCliRunner.Result list = aws("lambda", "list-functions", "--profile", "team", "--endpoint-url", sandbox.endpoint().toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(new ObjectMapper().readTree(list.out()).path("Functions")).extracting(f -> f.path("FunctionArn").asText())
                .containsExactly("arn:aws:lambda:us-east-1:210987654321:function:payments-prod-api",
                        "arn:aws:lambda:us-east-1:210987654321:function:payments-prod-worker");
    }
}

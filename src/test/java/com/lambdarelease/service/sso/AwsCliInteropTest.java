package com.lambdarelease.service.sso;

import com.lambdarelease.sandbox.sso.SsoSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cache really is shared with the AWS CLI: botocore (python3's, as the pip AWS CLI uses)
 * signs its requests with a token the console wrote, and a token Debian's AWS CLI 2.9 wrote with
 * {@code aws sso login} serves the console. The sandbox's clock starts at now, as the CLI reads
 * wall time. Each half is skipped, saying so, when its tool is missing.
 */
class AwsCliInteropTest {

    @TempDir
    Path home;
    private SsoFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> command, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", f.sandbox.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSO", f.sandbox.endpoint().toString());
        env.putAll(extraEnv);
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException missing) {
            return new Result(127, "", missing.getMessage());
        }
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void botocoreListsFunctionsWithATokenTheConsoleWrote() throws Exception {
        f = new SsoFixture(home, SsoSettings.defaults(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Result probe = run(List.of("python3", "-c", "import botocore; print(botocore.__version__)"), Map.of());
        Assumptions.assumeTrue(probe.code == 0, "python3 with botocore is not installed: " + probe.err);
        f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);

        String script = """
                import sys, botocore.session
                s = botocore.session.Session(profile='payments')
                c = s.create_client('lambda', region_name='us-east-1', endpoint_url=sys.argv[1])
                print(s.get_credentials().access_key[:4])
                for fn in c.list_functions()['Functions']:
                    print(fn['FunctionName'])
                """;
        Result r = run(List.of("python3", "-c", script, f.sandbox.endpoint().toString()), Map.of());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out.lines()).as("botocore " + probe.out.strip())
                .containsExactly("ASIA", "payments-prod-api", "payments-prod-worker");
    }

    @Test
    void theConsoleUsesATokenThatTheAwsCliSignedInWith() throws Exception {
        Path cli = Path.of("/usr/bin/aws");
        Assumptions.assumeTrue(Files.isExecutable(cli), "Debian's awscli package is not installed at " + cli);
        f = new SsoFixture(home, SsoSettings.defaults(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // CLI 2.9 predates AWS_ENDPOINT_URL_*: its OIDC and portal clients find the sandbox through a rule set.
        String rules = """
                {"version":"1.0","parameters":{"Region":{"builtIn":"AWS::Region","required":false,"type":"String"},
                "UseDualStack":{"builtIn":"AWS::UseDualStack","required":true,"default":false,"type":"Boolean"},
                "UseFIPS":{"builtIn":"AWS::UseFIPS","required":true,"default":false,"type":"Boolean"},
                "Endpoint":{"builtIn":"SDK::Endpoint","required":false,"type":"String"}},
                "rules":[{"conditions":[],"endpoint":{"url":"%s","properties":{},"headers":{}},"type":"endpoint"}]}
                """.formatted(f.sandbox.endpoint());
        for (String service : List.of("sso-oidc", "sso")) {
            Path dir = Files.createDirectories(home.resolve("data/" + service + "/2019-06-10"));
            Files.writeString(dir.resolve("endpoint-rule-set-1.json"), rules);
        }
        List<String> command = new ArrayList<>(List.of(cli.toString(), "sso", "login", "--sso-session", "team", "--no-browser"));
        Result login = run(command, Map.of("AWS_DATA_PATH", home.resolve("data").toString(), "PATH", "/usr/bin:/bin"));
        assertThat(login.code).as(login.out + login.err).isZero();

        SsoSignIn signIn = f.signIns.signIn(f.team());
        assertThat(signIn.accessToken().get(10, TimeUnit.SECONDS)).isNotBlank();
        assertThat(f.signIns.directory(f.team()).accounts(d -> { }).get(20, TimeUnit.SECONDS)).hasSize(12);
        assertThat(f.opened).as("no sign-in of our own").isEmpty();
    }
}

package com.lambdarelease.service.sso;

import com.lambdarelease.sandbox.sso.AwsCliRunner;
import com.lambdarelease.sandbox.sso.SsoSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private AwsCliRunner.Result run(List<String> command, Map<String, String> extraEnv) throws Exception {
        return AwsCliRunner.run(command, home, f.sandbox.endpoint(), extraEnv);
    }

    @Test
    void botocoreListsFunctionsWithATokenTheConsoleWrote() throws Exception {
        f = new SsoFixture(home, SsoSettings.defaults(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AwsCliRunner.Result probe = run(List.of("python3", "-c", "import botocore; print(botocore.__version__)"), Map.of());
        Assumptions.assumeTrue(probe.code() == 0, "python3 with botocore is not installed: " + probe.err());
        f.signIns.signIn(f.team()).signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);

        String script = """
                import sys, botocore.session
                s = botocore.session.Session(profile='payments')
                c = s.create_client('lambda', region_name='us-east-1', endpoint_url=sys.argv[1])
                print(s.get_credentials().access_key[:4])
                for fn in c.list_functions()['Functions']:
                    print(fn['FunctionName'])
                """;
        AwsCliRunner.Result r = run(List.of("python3", "-c", script, f.sandbox.endpoint().toString()), Map.of());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).as("botocore " + probe.out().strip())
                .containsExactly("ASIA", "payments-prod-api", "payments-prod-worker");
    }

    @Test
    void theConsoleUsesATokenThatTheAwsCliSignedInWith() throws Exception {
        Path cli = Path.of("/usr/bin/aws");
        Assumptions.assumeTrue(Files.isExecutable(cli), "Debian's awscli package is not installed at " + cli);
        f = new SsoFixture(home, SsoSettings.defaults(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AwsCliRunner.routeSsoTo(home.resolve("data"), f.sandbox.endpoint());
        List<String> command = new ArrayList<>(List.of(cli.toString(), "sso", "login", "--sso-session", "team", "--no-browser"));
        AwsCliRunner.Result login = run(command, AwsCliRunner.debianCli(home, f.sandbox.endpoint()));
        assertThat(login.code()).as(login.out() + login.err()).isZero();

        SsoSignIn signIn = f.signIns.signIn(f.team());
        assertThat(signIn.accessToken().get(10, TimeUnit.SECONDS)).isNotBlank();
        assertThat(f.signIns.directory(f.team()).accounts(d -> { }).get(20, TimeUnit.SECONDS)).hasSize(12);
        assertThat(f.opened).as("no sign-in of our own").isEmpty();
    }
}

package com.lambdarelease.service.sso;

import com.lambdarelease.app.EmbeddedSandbox;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.sandbox.sso.SsoSettings;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.connection.ConnectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After signing in both ways, refreshing, connecting to two roles and fetching their credentials
 * again past expiry, no file under the home holds an access key, secret or session token: the token
 * cache holds only what the AWS CLI's holds, and role credentials live in memory only.
 */
class NoCredentialOnDiskTest {

    @TempDir
    Path home;

    @Test
    void noFileUnderTheHomeHoldsRoleCredentials() throws Exception {
        try (SsoFixture f = new SsoFixture(home, SsoSettings.defaults())) {
            SsoSignIn signIn = f.signIns.signIn(f.team());
            signIn.signIn(SsoSignIn.Flow.BROWSER, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
            signIn.signIn(SsoSignIn.Flow.DEVICE_CODE, SignInPrompt.SILENT).get(20, TimeUnit.SECONDS);
            SsoRoleCredentials payments = f.signIns.credentials(f.team(), "210987654321", "ReleaseManager");
            AwsSessionCredentials first = (AwsSessionCredentials) payments.resolveCredentials();
            f.clock.advance(Duration.ofMinutes(56)); // the credentials and the token are near their end: both renewed
            AwsSessionCredentials second = (AwsSessionCredentials) payments.resolveCredentials();
            assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
            SessionFactory factory = new SessionFactory(f.io, f.scheduler, EmbeddedSandbox.of(f.sandbox), f.signIns);
            try (ConsoleServices orders = factory.open(new ConnectionSpec.Sso("team", "310987654321", "ReadOnlyAccess",
                    "us-east-1")).get(20, TimeUnit.SECONDS)) {
                assertThat(orders.lambda().listAllFunctions().get(10, TimeUnit.SECONDS)).extracting(FunctionSummary::name)
                        .contains("orders-prod-api");
            }
            List<String> secrets = List.of(first.accessKeyId(), first.secretAccessKey(), first.sessionToken(),
                    second.accessKeyId(), second.secretAccessKey(), second.sessionToken());

            List<Path> files;
            try (Stream<Path> walk = Files.walk(home)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(files).as("the config, the token cache and our two registrations").hasSize(4);
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContainPattern("ASIA[A-Z2-7]{16}");
                secrets.forEach(secret -> assertThat(text).as(file.toString()).doesNotContain(secret));
                assertThat(text).doesNotContainIgnoringCase("secretAccessKey").doesNotContainIgnoringCase("sessionToken");
            }
        }
    }
}

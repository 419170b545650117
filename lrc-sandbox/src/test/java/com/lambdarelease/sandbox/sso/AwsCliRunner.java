package com.lambdarelease.sandbox.sso;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the AWS CLI (or python3's botocore) against a sandbox's Identity Center from a temporary home,
 * with none of this machine's AWS_* variables. Debian's CLI 2.9 predates {@code AWS_ENDPOINT_URL_*}
 * (2.13), so {@link #routeSsoTo} gives its OIDC and portal clients an endpoint rule set on
 * {@code AWS_DATA_PATH}; newer CLIs read the variables, which are set too.
 */
public final class AwsCliRunner {

    public static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");

    public record Result(int code, String out, String err) {
    }

    private AwsCliRunner() {
    }

    /** Writes sso-oidc and sso endpoint rule sets under {@code dataPath} that answer {@code endpoint}. */
    public static void routeSsoTo(Path dataPath, URI endpoint) throws IOException {
        String rules = """
                {"version":"1.0","parameters":{"Region":{"builtIn":"AWS::Region","required":false,"type":"String"},
                "UseDualStack":{"builtIn":"AWS::UseDualStack","required":true,"default":false,"type":"Boolean"},
                "UseFIPS":{"builtIn":"AWS::UseFIPS","required":true,"default":false,"type":"Boolean"},
                "Endpoint":{"builtIn":"SDK::Endpoint","required":false,"type":"String"}},
                "rules":[{"conditions":[],"endpoint":{"url":"%s","properties":{},"headers":{}},"type":"endpoint"}]}
                """.formatted(endpoint);
        for (String service : List.of("sso-oidc", "sso")) {
            Path dir = Files.createDirectories(dataPath.resolve(service + "/2019-06-10"));
            Files.writeString(dir.resolve("endpoint-rule-set-1.json"), rules);
        }
    }

    /** Runs {@code command} with {@code home} as HOME and its ~/.aws files (an empty extra value unsets); exit 127 when it cannot start. */
    public static Result run(List<String> command, Path home, URI endpoint, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", endpoint.toString());
        env.put("AWS_ENDPOINT_URL_SSO", endpoint.toString());
        env.put("BROWSER", "/bin/false");
        extraEnv.forEach((k, v) -> {
            if (v.isEmpty()) {
                env.remove(k); // an empty value means "not set"
            } else {
                env.put(k, v);
            }
        });
        Process p;
        try {
            p = pb.start();
        } catch (IOException missing) {
            return new Result(127, "", missing.getMessage());
        }
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Debian's CLI with Debian's python, not a pyenv one, pointed at the sandbox. */
    public static Map<String, String> debianCli(Path home, URI endpoint) {
        return Map.of("AWS_DATA_PATH", home.resolve("data").toString(), "AWS_ENDPOINT_URL", endpoint.toString(),
                "PATH", "/usr/bin:/bin", "PYTHONPATH", "", "PYTHONHOME", "");
    }
}

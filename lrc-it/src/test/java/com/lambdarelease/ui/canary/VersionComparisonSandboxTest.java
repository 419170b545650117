package com.lambdarelease.ui.canary;

import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.ui.common.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TracingMode;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version comparison on configurations read from the sandbox through the console's service:
 * environment values that differ are named (never shown), and the members beyond the basics
 * (architecture, ephemeral storage, tracing, VPC) are compared (issue 8 item 10, issue 10 item 4).
 */
class VersionComparisonSandboxTest {

    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static FunctionConfig read(String function, String version) throws Exception {
        return sandbox.services.lambda().getConfiguration(function, version).get(10, TimeUnit.SECONDS);
    }

    @Test
    void givenV3AndV4OfMyLambdaFunction_thenTheEnvironmentValueThatDiffersIsNamedButNotShown() throws Exception {
        VersionComparison c = VersionComparison.of(read("MyLambdaFunction", "3"), read("MyLambdaFunction", "4"));

        assertThat(c.differences()).isPositive();
        assertThat(c.rows()).filteredOn(r -> r.field().equals("Environment (values)")).singleElement().satisfies(r -> {
            assertThat(r.differs()).isTrue();
            assertThat(r.canary()).isEqualTo("differ: SANDBOX_ERROR_MESSAGES, SANDBOX_ERROR_RATE");
        });
        assertThat(c.rows()).allSatisfy(r -> assertThat(r.primary() + r.canary()).doesNotContain("0.15"));
    }

    @Test
    void givenVersionsThatDifferInArchitectureStorageTracingAndVpc_thenEachIsARow() throws Exception {
        var lambda = sandbox.otherClients.lambda();
        lambda.createFunction(b -> b.functionName("compare-me").runtime(Runtime.PYTHON3_12)
                .role("arn:aws:iam::123456789012:role/r").handler("a.b").code(c -> c.zipFile(SdkBytes.fromUtf8String("z")))
                .environment(e -> e.variables(Map.of("MODE", "a"))));
        lambda.publishVersion(b -> b.functionName("compare-me"));
        lambda.updateFunctionCode(b -> b.functionName("compare-me").zipFile(SdkBytes.fromUtf8String("z"))
                .architectures(Architecture.ARM64));
        lambda.updateFunctionConfiguration(b -> b.functionName("compare-me").ephemeralStorage(e -> e.size(1024))
                .tracingConfig(t -> t.mode(TracingMode.ACTIVE)).vpcConfig(v -> v.subnetIds("subnet-9").securityGroupIds("sg-9")));
        lambda.publishVersion(b -> b.functionName("compare-me"));

        VersionComparison c = VersionComparison.of(read("compare-me", "1"), read("compare-me", "2"));

        assertThat(c.rows()).filteredOn(VersionComparison.Row::differs).extracting(VersionComparison.Row::field)
                .containsExactly("Architecture", "Ephemeral storage", "Tracing", "VPC");
        assertThat(c.rows()).filteredOn(r -> r.field().equals("VPC")).singleElement()
                .satisfies(r -> assertThat(r.canary()).isEqualTo("subnets subnet-9; security groups sg-9"));
    }
}

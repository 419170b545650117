package com.lambdarelease.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.TracingMode;

import java.util.List;
import java.util.stream.Collectors;

import static com.lambdarelease.sandbox.lambda.LambdaSandboxFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every member of CreateFunction / UpdateFunctionConfiguration kept and returned, enums validated
 * against the SDK's own model classes, container images kept (not run), and ListFunctions
 * FunctionVersion=ALL as AWS answers it.
 */
class ConfigurationMembersTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test-role";
    private final LambdaSandboxFixture sandbox = new LambdaSandboxFixture();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private GetFunctionConfigurationResponse config(String qualifier) {
        return sandbox.lambda.getFunctionConfiguration(b -> b.functionName("checkout").qualifier(qualifier));
    }

    @Test
    void givenEveryMemberAtCreation_thenEachIsKeptReturnedAndPublished() {
        sandbox.lambda.createFunction(b -> b.functionName("checkout").runtime(Runtime.JAVA21).role(ROLE)
                .handler("a.B::handle").code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))
                .architectures(Architecture.ARM64).ephemeralStorage(e -> e.size(2048))
                .tracingConfig(t -> t.mode(TracingMode.ACTIVE))
                .vpcConfig(v -> v.subnetIds("subnet-1", "subnet-2").securityGroupIds("sg-1"))
                .fileSystemConfigs(f -> f.arn("arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1")
                        .localMountPath("/mnt/data"))
                .loggingConfig(l -> l.logFormat(LogFormat.JSON).logGroup("/custom/checkout"))
                .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))
                .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k-1"));
        sandbox.lambda.publishVersion(b -> b.functionName("checkout"));

        for (String qualifier : List.of("$LATEST", "1")) {
            GetFunctionConfigurationResponse c = config(qualifier);
            assertThat(c.architectures()).containsExactly(Architecture.ARM64);
            assertThat(c.ephemeralStorage().size()).isEqualTo(2048);
            assertThat(c.tracingConfig().mode()).isEqualTo(TracingMode.ACTIVE);
            assertThat(c.vpcConfig().subnetIds()).containsExactly("subnet-1", "subnet-2");
            assertThat(c.vpcConfig().securityGroupIds()).containsExactly("sg-1");
            assertThat(c.vpcConfig().vpcId()).startsWith("vpc-");
            assertThat(c.fileSystemConfigs()).singleElement().satisfies(f -> assertThat(f.localMountPath()).isEqualTo("/mnt/data"));
            assertThat(c.loggingConfig().logFormat()).isEqualTo(LogFormat.JSON);
            assertThat(c.loggingConfig().logGroup()).isEqualTo("/custom/checkout");
            assertThat(c.snapStart().applyOn()).isEqualTo(SnapStartApplyOn.PUBLISHED_VERSIONS);
            assertThat(c.kmsKeyArn()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/k-1");
            assertThat(c.packageType()).isEqualTo(PackageType.ZIP);
        }
        assertThat(config("1").snapStart().optimizationStatusAsString()).isEqualTo("On");
        assertThat(config("$LATEST").snapStart().optimizationStatusAsString()).isEqualTo("Off");

        sandbox.lambda.updateFunctionConfiguration(b -> b.functionName("checkout").tracingConfig(t -> t.mode(TracingMode.PASS_THROUGH))
                .ephemeralStorage(e -> e.size(512)));
        assertThat(config("$LATEST").tracingConfig().mode()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(config("$LATEST").vpcConfig().subnetIds()).as("untouched members stay").hasSize(2);
        assertThat(config("1").ephemeralStorage().size()).as("a published version never changes").isEqualTo(2048);
    }

    @Test
    void runtimesAndArchitecturesComeFromTheSdkModel() {
        List<String> newer = List.of("python3.14", "nodejs24.x", "java25", "dotnet10", "ruby3.4").stream()
                .filter(r -> Runtime.fromValue(r) != Runtime.UNKNOWN_TO_SDK_VERSION).toList();
        for (String runtime : newer) {
            String name = "fn-" + runtime.replace('.', '-');
            assertThat(sandbox.lambda.createFunction(b -> b.functionName(name).runtime(runtime).role(ROLE).handler("h")
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("z")))).runtimeAsString()).isEqualTo(runtime);
        }
        assertThat(newer).as("the SDK's model lists the newer runtimes").isNotEmpty();
        String known = Architecture.knownValues().stream().map(Object::toString).collect(Collectors.joining(", "));
        assertAwsError(() -> sandbox.lambda.createFunction(b -> b.functionName("bad").runtime(Runtime.PYTHON3_12).role(ROLE)
                        .handler("h").architecturesWithStrings("sparc").code(c -> c.zipFile(SdkBytes.fromUtf8String("z")))),
                400, "ValidationException", "1 validation error detected: Value 'sparc' at 'architectures' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [" + known + "]");
    }

    @Test
    void givenAContainerImage_thenItIsKeptWithItsUriAndNoRuntime() {
        sandbox.lambda.createFunction(b -> b.functionName("checkout").packageType(PackageType.IMAGE).role(ROLE)
                .code(c -> c.imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:latest")));
        var got = sandbox.lambda.getFunction(b -> b.functionName("checkout"));
        assertThat(got.configuration().packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(got.configuration().runtime()).isNull();
        assertThat(got.code().repositoryType()).isEqualTo("ECR");
        assertThat(got.code().imageUri()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:latest");
        assertThat(got.code().resolvedImageUri()).startsWith("123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout@sha256:");
    }

    @Test
    void listFunctionsWithFunctionVersionAllListsEveryVersionUnderItsQualifiedArn() {
        List<FunctionConfiguration> all = sandbox.lambda.listFunctionsPaginator(b -> b.functionVersion(FunctionVersion.ALL))
                .functions().stream().toList();
        List<String> arns = all.stream().map(FunctionConfiguration::functionArn).toList();
        // MyLambdaFunction $LATEST+4, orders-api 9, image-resizer 6, payments-webhook 4, nightly-report 126
        assertThat(arns).hasSize(5 + 9 + 6 + 4 + 126).doesNotHaveDuplicates()
                .contains("arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:$LATEST",
                        "arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction:4",
                        "arn:aws:lambda:us-east-1:123456789012:function:nightly-report:125");
        assertThat(sandbox.lambda.listFunctions(b -> b.functionVersion(FunctionVersion.ALL)).functions()).hasSize(50);
    }
}

package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sandbox starts with (demo account, synthetic functions, state file) and what it keeps. */
class SeedAndPersistenceTest {

    @Test
    void givenDemoData_thenMyLambdaFunctionMatchesTheGuide() {
        try (LambdaSandboxFixture sandbox = new LambdaSandboxFixture()) {
            var versions = sandbox.lambda.listVersionsByFunction(b -> b.functionName("MyLambdaFunction")).versions();
            assertThat(versions).extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2", "3", "4");
            assertThat(versions).extracting(FunctionConfiguration::codeSha256).hasSize(5);
            assertThat(versions.subList(1, 5)).extracting(FunctionConfiguration::codeSha256).doesNotHaveDuplicates();
            // $LATEST holds a healthy fix deployed after v4 and not yet published (the guide's step 1 publishes it)
            assertThat(versions.get(0).codeSha256()).isNotEqualTo(versions.get(4).codeSha256());
            assertThat(versions.get(0).lastModified()).isGreaterThan(versions.get(4).lastModified());
            assertThat(versions.get(0).environment().variables()).containsEntry("SANDBOX_ERROR_RATE", "0.002");
            assertThat(versions.get(4).environment().variables()).containsEntry("SANDBOX_ERROR_RATE", "0.15");
            assertThat(versions.get(3).environment().variables()).containsEntry("SANDBOX_ERROR_RATE", "0.005");
            assertThat(versions.subList(1, 5)).extracting(FunctionConfiguration::lastModified).isSorted()
                    .allSatisfy(t -> assertThat(t).startsWith("2026-1"));
            assertThat(sandbox.lambda.listAliases(b -> b.functionName("MyLambdaFunction")).aliases())
                    .extracting(a -> a.name() + "->" + a.functionVersion())
                    .containsExactly("dev->1", "prod->3", "staging->2");
            var live = sandbox.lambda.getAlias(b -> b.functionName("orders-api").name("live"));
            assertThat(live.functionVersion()).isEqualTo("7");
            assertThat(live.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("8", 0.1));
            assertThat(sandbox.lambda.listFunctions().functions()).extracting(FunctionConfiguration::runtimeAsString)
                    .contains("python3.12", "nodejs20.x", "java21", "provided.al2023");
        }
    }

    @Test
    void given10000SyntheticFunctions_thenListFunctionsPagesThemAll50AtATime() {
        try (LambdaSandboxFixture sandbox = new LambdaSandboxFixture(
                SandboxOptions.builderForTests().syntheticFunctions(10_000).build())) {

            ListFunctionsResponse first = sandbox.lambda.listFunctions(b -> b.maxItems(10_000));
            assertThat(first.functions()).hasSize(50);
            assertThat(first.functions().get(0).functionName()).isEqualTo("MyLambdaFunction");
            // names sort by code point: MyLambdaFunction, then bench-fn-00001..00049 fill the first page
            ListFunctionsResponse second = sandbox.lambda.listFunctions(b -> b.marker(first.nextMarker()).maxItems(3));
            assertThat(second.functions()).extracting(FunctionConfiguration::functionName)
                    .containsExactly("bench-fn-00050", "bench-fn-00051", "bench-fn-00052");

            List<String> names = new ArrayList<>();
            sandbox.lambda.listFunctionsPaginator().functions().forEach(f -> names.add(f.functionName()));
            assertThat(names).hasSize(10_005).doesNotHaveDuplicates().contains("bench-fn-10000", "nightly-report");
        }
    }

    @Test
    void givenAStateFile_whenTheSandboxRestarts_thenItsChangesAreBackInsteadOfTheSeed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lambda-state.json");
        SandboxOptions options = SandboxOptions.builderForTests().stateFile(file).build();
        String revision;
        try (LambdaSandboxFixture sandbox = new LambdaSandboxFixture(options)) {
            sandbox.lambda.updateFunctionCode(b -> b.functionName("MyLambdaFunction").zipFile(SdkBytes.fromUtf8String("v5")));
            sandbox.lambda.publishVersion(b -> b.functionName("MyLambdaFunction").description("fifth"));
            revision = sandbox.lambda.updateAlias(b -> b.functionName("MyLambdaFunction").name("prod").functionVersion("3")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("5", 0.25)))).revisionId();
            sandbox.lambda.deleteFunction(b -> b.functionName("image-resizer"));
        }
        assertThat(file).exists();
        assertThat(Files.list(dir)).containsExactly(file); // no temp file left behind

        try (LambdaSandboxFixture again = new LambdaSandboxFixture(options)) {
            var prod = again.lambda.getAlias(b -> b.functionName("MyLambdaFunction").name("prod"));
            assertThat(prod.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("5", 0.25));
            assertThat(prod.revisionId()).isEqualTo(revision);
            var v5 = again.lambda.getFunctionConfiguration(b -> b.functionName("MyLambdaFunction").qualifier("5"));
            assertThat(v5.description()).isEqualTo("fifth");
            assertThat(again.lambda.listFunctions().functions()).extracting(FunctionConfiguration::functionName)
                    .doesNotContain("image-resizer");
            again.lambda.updateFunctionCode(b -> b.functionName("MyLambdaFunction").zipFile(SdkBytes.fromUtf8String("v6")));
            assertThat(again.lambda.publishVersion(b -> b.functionName("MyLambdaFunction")).version()).isEqualTo("6");
        }
    }

    @Test
    void givenAWrite_thenTheStateFileHasItByTheTimeTheAnswerIsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        LambdaBackend backend = new LambdaBackend(SandboxOptions.builderForTests().stateFile(file).build(),
                SandboxClock.manual(Instant.parse("2026-11-26T12:00:00Z")), i -> { }, new SplittableRandom(1));
        backend.handle(new com.lambdarelease.sandbox.http.SandboxRequest("DELETE",
                "/2015-03-31/functions/orders-api", Map.of(), Map.of(), null));

        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("MyLambdaFunction").doesNotContain("\"orders-api\"");
    }

    @Test
    void givenAnUnreadableStateFile_thenTheSandboxRefusesToStart_namingTheFileAndTheBackup(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("state.json");
        try (LambdaSandboxFixture sandbox =
                     new LambdaSandboxFixture(SandboxOptions.builderForTests().stateFile(file).build())) {
            sandbox.lambda.deleteFunction(b -> b.functionName("orders-api"));
        }
        // A good start makes the backup; then the file is torn.
        new LambdaSandboxFixture(SandboxOptions.builderForTests().stateFile(file).build()).close();
        String good = Files.readString(file);
        Files.writeString(file, good.substring(0, good.length() / 2));

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> new LambdaSandboxFixture(SandboxOptions.builderForTests().stateFile(file).build()).close());

        assertThat(refused).isInstanceOf(UnreadableStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining(file.toAbsolutePath() + ".bak");
        assertThat(Files.readString(file)).isEqualTo(good.substring(0, good.length() / 2));
        assertThat(Files.readString(dir.resolve("state.json.bak"))).doesNotContain("\"orders-api\"");
    }
}

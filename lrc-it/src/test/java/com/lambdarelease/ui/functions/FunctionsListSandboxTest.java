package com.lambdarelease.ui.functions;

import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.ToastNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the demo account plus 10,000 functions, the list streams every page in and filters them. */
class FunctionsListSandboxTest {

    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture(SandboxOptions.builderForTests().syntheticFunctions(10_000).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void allTenThousandAndFiveFunctionsArriveAndTheFilterFindsMyLambdaFunction() throws Exception {
        ToastNotifier toasts = new ToastNotifier();
        FunctionsViewModel model = new FunctionsViewModel(sandbox.context(Runnable::run, new ScriptedDialogs(), toasts),
                sandbox.services.lambda());
        model.load();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
        assertThat(toasts.toasts()).isEmpty();
        assertThat(model.loadedProperty().get()).isEqualTo(10_005);
        assertThat(sandbox.services.activity().requests("ListFunctions")).isEqualTo(201);
        model.filterProperty().set("mylambda");
        assertThat(model.visibleFunctions()).extracting(FunctionSummary::name).containsExactly("MyLambdaFunction");
        assertThat(model.visibleFunctions().get(0).runtime()).isEqualTo("python3.13");
        assertThat(model.visibleFunctions().get(0).memoryMb()).isEqualTo(256);
    }
}

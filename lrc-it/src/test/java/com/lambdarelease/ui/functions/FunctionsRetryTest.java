package com.lambdarelease.ui.functions;

import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.errors.ThrottledException;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.ToastNotifier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A listing that gave up offers Retry beside its error, and Retry lists again. */
@ExtendWith(ApplicationExtension.class)
class FunctionsRetryTest {

    private static SandboxFixture sandbox;
    private final AtomicInteger listings = new AtomicInteger();
    private FunctionsViewModel model;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        LambdaService real = sandbox.services.lambda();
        // The first listing fails as one that AWS kept throttling would; the next goes to the sandbox.
        LambdaService flaky = (LambdaService) Proxy.newProxyInstance(LambdaService.class.getClassLoader(),
                new Class<?>[]{LambdaService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listFunctions") && listings.getAndIncrement() == 0) {
                        return CompletableFuture.failedFuture(new ThrottledException("TooManyRequestsException", 429,
                                "Rate exceeded", null));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        model = new FunctionsViewModel(sandbox.context(Platform::runLater, new ScriptedDialogs(), new ToastNotifier()), flaky);
        stage.setScene(new Scene((javafx.scene.Parent) new FunctionsView(model).node(), 600, 400));
        stage.show();
        model.load();
    }

    @Test
    void aListingThatGaveUpCanBeRetriedFromTheList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.errorProperty().get().isEmpty());
        Button retry = robot.lookup("#" + FunctionsView.RETRY_ID).queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, retry::isVisible);
        assertThat(model.errorProperty().get()).contains("Rate exceeded");

        robot.clickOn(retry);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.loadedProperty().get() > 0
                && !model.loadingProperty().get());
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(retry.isVisible()).isFalse();
        assertThat(model.visibleFunctions()).anyMatch(f -> f.name().equals("MyLambdaFunction"));
    }
}

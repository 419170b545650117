package com.lambdarelease.ui.shell;

import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a sandbox that answers some requests 429, the SDK retries and the status bar says so. */
@ExtendWith(ApplicationExtension.class)
class ThrottleStatusTest {

    private static SandboxFixture sandbox;
    private StatusBar status;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture(SandboxOptions.builderForTests().throttleRate(0.4).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Start
    void show(Stage stage) {
        ToastNotifier toasts = new ToastNotifier();
        UiContext ui = new UiContext(Platform::runLater, sandbox.scheduler, Clock.systemUTC(), new ScriptedDialogs(), toasts);
        status = new StatusBar(ui, toasts.lastMessageProperty(), java.time.Duration.ofSeconds(2));
        status.watch(sandbox.services.activity());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(status.node()), 900, 40));
        stage.show();
    }

    @Test
    void whenAwsThrottlesTheStatusBarSaysTheSdkIsRetryingWithBackoff(FxRobot robot) throws Exception {
        var listing = sandbox.services.lambda().listAllFunctions();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !status.throttleProperty().get().isEmpty());
        assertThat(robot.lookup("#" + StatusBar.THROTTLE_ID).queryLabeled().getText())
                .startsWith("AWS throttled").contains("ListFunctions").endsWith("the SDK retries with backoff");
        assertThat(listing.get(60, TimeUnit.SECONDS)).isNotEmpty();
        // Once AWS stops throttling, the note goes: an old warning does not sit there after things work again.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.throttleProperty().get().isEmpty());
    }
}

package com.lambdarelease.ui.sso;

import com.lambdarelease.sandbox.sso.SsoSettings;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.service.sso.CachedToken;
import com.lambdarelease.service.sso.SsoFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status bar's Identity Center part in a real window: the time left, Extend offered within 15
 * minutes of a session that cannot renew itself (one click signs in again), and one sentence once
 * it has ended.
 */
@ExtendWith(ApplicationExtension.class)
class SsoExpiryTest {

    private SsoFixture f;
    private SimpleObjectProperty<ConnectionSpec> connection;
    private SsoExpiryModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("sso-expiry");
        f = new SsoFixture(home, SsoSettings.defaults());
        UiContext ui = new UiContext(Platform::runLater, f.scheduler, f.clock, new ScriptedDialogs(), new ToastNotifier());
        SsoAccess access = new SsoAccess(f.signIns, name -> CompletableFuture.supplyAsync(() -> f.signIns.configured(name), f.io),
                new SettingsFile(home.resolve("settings.json")), f.io);
        connection = new SimpleObjectProperty<>(new ConnectionSpec.Sandbox());
        model = new SsoExpiryModel(ui, access, connection, Duration.ofMillis(100));
        Theme.apply(false);
        Scene scene = new Scene(new StackPane(new SsoExpiryView(model).node()), 700, 80);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** A token as an AWS CLI without a refresh token leaves it: it ends when it ends. */
    private void cacheToken(Duration left) {
        f.signIns.cache().write(f.team(), new CachedToken(f.team().startUrl(), "us-east-1", "old-token",
                f.clock.instant().plus(left), Optional.empty(), Optional.empty()));
    }

    private String text(FxRobot robot) {
        return robot.lookup("#" + SsoExpiryView.TEXT_ID).queryAs(Label.class).getText();
    }

    private Button extend(FxRobot robot) {
        return robot.lookup("#" + SsoExpiryView.EXTEND_ID).queryButton();
    }

    @Test
    void givenTenMinutesLeft_thenExtendIsOfferedAndOneClickSignsInAgain(FxRobot robot) throws Exception {
        cacheToken(Duration.ofMinutes(10).plusSeconds(30));
        robot.interact(() -> connection.set(new ConnectionSpec.Sso("team", "210987654321", "ReleaseManager", "us-east-1")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot).endsWith("left"));
        assertThat(text(robot)).isEqualTo("Identity Center · team: 10 min left");
        assertThat(extend(robot).isVisible()).isTrue();
        assertThat(extend(robot).getText()).isEqualTo("Extend");

        robot.clickOn("#" + SsoExpiryView.EXTEND_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot).equals("Identity Center · team: 1 h 0 min left"));
        assertThat(f.opened).hasSize(1);
        assertThat(extend(robot).isVisible()).isFalse();
    }

    @Test
    void givenAnEndedSession_thenOneSentenceSaysSoWithSignInAgain(FxRobot robot) throws Exception {
        cacheToken(Duration.ofMinutes(-1));
        robot.interact(() -> connection.set(new ConnectionSpec.Sso("team", "210987654321", "ReleaseManager", "us-east-1")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot).contains("expired"));
        assertThat(text(robot)).isEqualTo("The IAM Identity Center sign-in to team has expired. Sign in again to continue.");
        assertThat(extend(robot).getText()).isEqualTo("Sign in again");

        robot.interact(() -> connection.set(new ConnectionSpec.Sandbox()));
        assertThat(robot.lookup("#" + SsoExpiryView.TEXT_ID).queryAs(Label.class).getParent().isVisible()).isFalse();
    }
}

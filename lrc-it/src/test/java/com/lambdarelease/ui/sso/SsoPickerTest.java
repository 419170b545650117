package com.lambdarelease.ui.sso;

import com.lambdarelease.sandbox.sso.SsoSettings;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.service.sso.SsoAccount;
import com.lambdarelease.service.sso.SsoFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Identity Center picker in a real window against the sandbox's 12-account organisation: sign
 * in (browser stand-in, or device code), search the accounts, pick one and its lazily loaded roles,
 * star a favourite, and connect; the settings file keeps names and ids only.
 */
@ExtendWith(ApplicationExtension.class)
class SsoPickerTest {

    private Path home;
    private SsoFixture f;
    private SsoPickerModel model;
    private SettingsFile settings;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("sso-picker");
        f = new SsoFixture(home, SsoSettings.defaults());
        settings = new SettingsFile(home.resolve("settings.json"));
        dialogs = new ScriptedDialogs();
        UiContext ui = new UiContext(Platform::runLater, f.scheduler, f.clock, dialogs, new ToastNotifier());
        SsoAccess access = new SsoAccess(f.signIns, name -> CompletableFuture.supplyAsync(() -> f.signIns.configured(name), f.io),
                settings, f.io);
        model = new SsoPickerModel(ui, access);
        Theme.apply(false);
        Scene scene = new Scene(new StackPane(new SsoPickerView(model).node()), 780, 600);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        model.load().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<SsoAccount> accounts(FxRobot robot) {
        return robot.lookup("#" + SsoPickerView.ACCOUNTS_ID).queryAs(ListView.class);
    }

    @Test
    void givenASignIn_thenTwelveAccountsAreSearchableAndAPickedAccountsRolesLoad(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.sessionNames()).containsExactly("team", "sandbox");
        robot.clickOn("#" + SsoPickerView.SIGN_IN_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> accounts(robot).getItems().size() == 12);
        assertThat(f.opened).hasSize(1);
        assertThat(robot.lookup("#" + SsoPickerView.MESSAGE_ID).queryAs(Label.class).getText()).isEqualTo("12 accounts in team.");

        robot.clickOn("#" + SsoPickerView.FILTER_ID).write("orders");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accounts(robot).getItems()).extracting(SsoAccount::accountName).containsExactly("orders-prod", "orders-staging");
        assertThat(model.roles()).as("no account picked, no roles asked for").isEmpty();

        robot.clickOn("orders-prod");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.roles().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.roleProperty().get()).isEqualTo("ReadOnlyAccess");
        robot.clickOn("PowerUserAccess");
        robot.clickOn("#" + SsoPickerView.FAVOURITE_ID);
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#" + SsoPickerView.FILTER_ID).eraseText(6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accounts(robot).getItems()).hasSize(12).first().extracting(SsoAccount::accountName).isEqualTo("orders-prod");
        assertThat(robot.lookup("★ PowerUserAccess").tryQuery()).isPresent();

        AtomicReference<Optional<ConnectionSpec.Sso>> spec = new AtomicReference<>();
        robot.interact(() -> spec.set(model.connect()));
        assertThat(spec.get()).contains(new ConnectionSpec.Sso("team", "310987654321", "PowerUserAccess", "us-east-1"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(settings.file())
                && Files.readString(settings.file()).contains("\"last\""));
        String saved = Files.readString(settings.file());

        robot.clickOn("#" + SsoPickerView.SAVE_PROFILE_ID);
        String expected = """
                [profile orders-prod-PowerUserAccess]
                sso_session = team
                sso_account_id = 310987654321
                sso_role_name = PowerUserAccess
                region = us-east-1
                """;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.readString(home.resolve(".aws/config")).endsWith(expected));
        assertThat(dialogs.confirmations).singleElement().satisfies(c -> assertThat(c.after()).isEqualTo(expected));
        assertThat(Files.readString(home.resolve(".aws/config"))).startsWith("[sso-session team]");
        robot.clickOn("#" + SsoPickerView.SAVE_PROFILE_ID);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + SsoPickerView.MESSAGE_ID).queryAs(Label.class)
                .getText().contains("already has a profile named orders-prod-PowerUserAccess"));
        assertThat(saved).contains("310987654321").contains("PowerUserAccess").contains("orders-prod")
                .doesNotContain("accessToken").doesNotContain("ASIA").doesNotContain("clientSecret");
    }

    @Test
    void givenTheDeviceCodeFlowAndAStaleCachedToken_thenTheCodeIsShownUntilTheSignInCompletes(FxRobot robot) throws Exception {
        // A token that looks live but the portal refuses (another sandbox's, or revoked): the picker signs in anew.
        f.signIns.cache().write(f.team(), new com.lambdarelease.service.sso.CachedToken(f.team().startUrl(), "us-east-1",
                "stale", f.clock.instant().plusSeconds(3600), Optional.empty(), Optional.empty()));
        robot.clickOn("#sso-flow-device");
        robot.clickOn("#" + SsoPickerView.SIGN_IN_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + SsoPickerView.DEVICE_CODE_ID)
                .queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#" + SsoPickerView.DEVICE_CODE_ID).queryAs(Label.class).getText()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(robot.lookup("#" + SsoPickerView.MESSAGE_ID).queryAs(Label.class).getText())
                .startsWith("Open " + f.sandbox.endpoint() + "/device?user_code=");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> accounts(robot).getItems().size() == 12);
        assertThat(robot.lookup("#" + SsoPickerView.DEVICE_CODE_ID).queryAs(Label.class).isVisible()).isFalse();
        assertThat(f.opened).isEmpty();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(settings.file())
                && Files.readString(settings.file()).contains("DEVICE_CODE"));
    }
}

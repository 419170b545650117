package com.lambdarelease.ui.actions;

import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.Toast;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing from the console right after a deploy, against a sandbox whose updates take 1.5 s: the
 * console waits for AWS's update to finish (saying so) instead of meeting the 409, and a failed
 * update is reported in plain words with nothing published.
 */
class PublishWaitsForUpdateTest {

    private SandboxFixture sandbox;
    private ToastNotifier toasts;
    private FunctionDetailViewModel detail;
    private VersionActions versions;

    @BeforeEach
    void console() throws Exception {
        sandbox = new SandboxFixture(SandboxOptions.builderForTests().stateDelay(Duration.ofMillis(1500)).build());
        toasts = new ToastNotifier();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        var ui = sandbox.context(Runnable::run, dialogs, toasts);
        detail = new FunctionDetailViewModel(ui, sandbox.session().states());
        versions = new VersionActions(ui, sandbox.services.lambda(), detail, dialogs, t -> { });
        detail.show("payments-webhook").get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void givenADeployJustMade_whenPublishing_thenTheConsoleWaitsForTheUpdateAndPublishes() throws Exception {
        sandbox.otherClients.lambda().updateFunctionConfiguration(r -> r.functionName("payments-webhook").timeout(40));

        assertThat(versions.publish().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.DONE);

        assertThat(toasts.toasts()).extracting(Toast::message)
                .anyMatch(m -> m.startsWith("Waiting for AWS to finish the last update of payments-webhook"));
        assertThat(sandbox.readVersions("payments-webhook")).contains("4");
        assertThat(toasts.lastMessageProperty().get()).startsWith("Published payments-webhook v4");
    }

    @Test
    void givenAnUpdateThatFails_whenPublishing_thenNothingIsPublishedAndTheOperatorIsToldWhy() throws Exception {
        sandbox.otherClients.lambda().updateFunctionConfiguration(r -> r.functionName("payments-webhook")
                .environment(e -> e.variables(Map.of("SANDBOX_UPDATE_FAILS", "true"))));

        assertThat(versions.publish().get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.FAILED);

        assertThat(toasts.lastMessageProperty().get()).contains("last update failed on AWS");
        assertThat(sandbox.readVersions("payments-webhook")).doesNotContain("4");
    }
}

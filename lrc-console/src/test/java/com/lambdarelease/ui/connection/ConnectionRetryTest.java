package com.lambdarelease.ui.connection;

import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.service.connection.ConnectionFailures;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.Toast;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection that failed is said once, in plain words, with a Retry on the notification itself. */
class ConnectionRetryTest {

    @Test
    void aFailedConnectionOffersRetryAndRetryOpensIt(@TempDir Path dir) throws Exception {
        ConnectionSpec endpoint = new ConnectionSpec.CustomEndpoint(URI.create("http://127.0.0.1:4599"), "us-east-1",
                Optional.empty());
        List<ConnectionSpec> opened = new CopyOnWriteArrayList<>();
        ConsoleServices services = new ConsoleServices("127.0.0.1:4599 · us-east-1", null, null, null, null,
                Clock.systemUTC(), () -> { }, "default credential chain");
        ToastNotifier toasts = new ToastNotifier();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            UiContext ui = new UiContext(Runnable::run, scheduler, Clock.systemUTC(), new ScriptedDialogs(), toasts);
            ConsoleServices sandbox = new ConsoleServices("Sandbox", null, null, null, null, Clock.systemUTC(), () -> { },
                    "sandbox");
            ConnectionManager manager = new ConnectionManager(ui, spec -> {
                opened.add(spec);
                if (spec instanceof ConnectionSpec.Sandbox) { // where the console falls back meanwhile
                    return CompletableFuture.completedFuture(sandbox);
                }
                if (opened.stream().filter(endpoint::equals).count() == 1) { // down the first time, up the second
                    return CompletableFuture.failedFuture(new ConnectionFailures.ConnectionRefusedException(
                            "Could not reach http://127.0.0.1:4599: the connection was refused.", null));
                }
                return CompletableFuture.completedFuture(services);
            }, new SettingsFile(dir.resolve("settings.json")), AwsProfiles::load);
            manager.servicesProperty(); // the window follows this
            manager.switchTo(endpoint).exceptionally(e -> null).join();

            List<Toast> failures = toasts.toasts().stream().filter(t -> t.kind() == Toast.Kind.FAILURE).toList();
            assertThat(failures).singleElement().satisfies(t -> {
                assertThat(t.message()).contains("Could not reach http://127.0.0.1:4599: the connection was refused.");
                assertThat(t.action()).map(Toast.Action::label).contains("_Retry");
            });
            assertThat(toasts.toasts()).noneMatch(t -> t.message().startsWith("Connected to 127.0.0.1"));

            failures.get(0).action().orElseThrow().run().run();

            assertThat(opened).containsExactly(endpoint, new ConnectionSpec.Sandbox(), endpoint);
            assertThat(manager.servicesProperty().get()).isSameAs(services);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void anEndedIdentityCenterSignInOffersSignInNotRetry(@TempDir Path dir) {
        ConnectionSpec sso = new ConnectionSpec.Sso("team", "210987654321", "ReleaseManager", "us-east-1");
        ToastNotifier toasts = new ToastNotifier();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        List<String> chooserOpened = new CopyOnWriteArrayList<>();
        try {
            UiContext ui = new UiContext(Runnable::run, scheduler, Clock.systemUTC(), new ScriptedDialogs(), toasts);
            ConsoleServices sandbox = new ConsoleServices("Sandbox", null, null, null, null, Clock.systemUTC(), () -> { }, "sandbox");
            ConnectionManager manager = new ConnectionManager(ui, spec -> spec instanceof ConnectionSpec.Sandbox
                    ? CompletableFuture.completedFuture(sandbox)
                    : CompletableFuture.failedFuture(new java.util.concurrent.CompletionException(
                    new com.lambdarelease.service.sso.SsoSessionExpiredException("team",
                            "The IAM Identity Center sign-in to team has expired. Sign in again to continue."))),
                    new SettingsFile(dir.resolve("settings.json")), AwsProfiles::load,
                    (owner, answer) -> chooserOpened.add("opened"));
            manager.switchTo(sso).exceptionally(e -> null).join();

            List<Toast> failures = toasts.toasts().stream().filter(t -> t.kind() == Toast.Kind.FAILURE).toList();
            assertThat(failures).singleElement().satisfies(t -> {
                assertThat(t.message()).contains("The IAM Identity Center sign-in to team has expired. Sign in again to continue.");
                assertThat(t.action()).map(Toast.Action::label).contains("_Sign in");
            });
            failures.get(0).action().orElseThrow().run().run();
            assertThat(chooserOpened).containsExactly("opened");
        } finally {
            scheduler.shutdownNow();
        }
    }
}

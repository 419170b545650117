package com.lambdarelease.ui.canary;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.AwsClients;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.RequestBudget;
import com.lambdarelease.service.SdkLambdaService;
import com.lambdarelease.service.SdkMetricsService;
import com.lambdarelease.ui.common.DialogService;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A standalone look at the canary workspace before the main window hosts it: starts a sandbox
 * with simulated traffic and shows the pane for MyLambdaFunction:prod (or {@code --alias fn:alias}).
 * {@code --canary 10} applies the guide's 90/10 split through the editor once loaded, confirming
 * on the operator's behalf; {@code --speed 30} runs sandbox time 30 times faster.
 *
 * <pre>./mvnw -q -B -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.lambdarelease.ui.canary.CanaryPreview -Dexec.args="--canary 10 --speed 30"</pre>
 */
public final class CanaryPreview {

    private CanaryPreview() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application; kept nested so the launcher class works from a plain class path. */
    public static final class App extends Application {
        private Sandbox sandbox;
        private AwsClients clients;
        private ScheduledThreadPoolExecutor scheduler;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            double speed = Double.parseDouble(arg(args, "--speed", "1"));
            String[] target = arg(args, "--alias", "MyLambdaFunction:prod").split(":");
            String canary = arg(args, "--canary", "");
            // The console's theme (AtlantaFX Primer), by resource as the app does; --dark for the dark one.
            Application.setUserAgentStylesheet(CanaryPreview.class.getResource(args.contains("--dark")
                    ? "/atlantafx/base/theme/primer-dark.css" : "/atlantafx/base/theme/primer-light.css").toExternalForm());
            sandbox = Sandbox.start(SandboxOptions.builder().speed(speed).build());
            clients = AwsClients.forSandbox(sandbox.endpoint());
            scheduler = new ScheduledThreadPoolExecutor(2, r -> {
                Thread t = Executors.defaultThreadFactory().newThread(r);
                t.setDaemon(true);
                return t;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            ConsoleServices services = new ConsoleServices("Sandbox · " + sandbox.endpoint().getAuthority(),
                    new SdkLambdaService(clients, RequestBudget.unlimited()),
                    new SdkMetricsService(clients.cloudWatch(), sandbox.clock()),
                    new com.lambdarelease.service.SdkLogsService(clients.logs(),
                            com.lambdarelease.service.SdkLogsService.filterLogEventsBudget(Clock.systemUTC(), scheduler)),
                    clients.activity(), sandbox.clock(), clients, "sandbox");
            FxDialogService fxDialogs = new FxDialogService(() -> stage);
            boolean[] autoConfirm = {!canary.isEmpty()};
            DialogService dialogs = new DialogService() {
                @Override
                public CompletableFuture<Boolean> confirmChange(String title, String action, String before, String after) {
                    if (autoConfirm[0]) {
                        autoConfirm[0] = false;
                        return CompletableFuture.completedFuture(true);
                    }
                    return fxDialogs.confirmChange(title, action, before, after);
                }

                @Override
                public CompletableFuture<Boolean> showConflict(String title, String yourChange, String theirState) {
                    return fxDialogs.showConflict(title, yourChange, theirState);
                }

                @Override
                public void showError(String title, Throwable error) {
                    fxDialogs.showError(title, error);
                }
            };
            UiContext ui = new UiContext(Platform::runLater, scheduler, Clock.systemDefaultZone(), dialogs, new ToastNotifier());
            CanaryPane pane = new CanaryPane(com.lambdarelease.release.ReleaseSession.of(services, com.lambdarelease.release.ReleaseJournal.inMemory(), Runnable::run), ui);
            stage.setTitle("Canary · Lambda Release Console (preview)");
            String[] size = arg(args, "--size", "1440x900").split("x");
            stage.setScene(new Scene((javafx.scene.Parent) pane.node(), Double.parseDouble(size[0]), Double.parseDouble(size[1])));
            stage.show();
            pane.metrics().refreshIntervalProperty().set(java.time.Duration.ofSeconds(15));
            pane.attach();
            if (!canary.isEmpty()) {
                // Apply once the editor knows both versions (the comparison is its last input).
                double percent = Double.parseDouble(canary);
                pane.editor().comparison().addListener((obs, old, now) -> {
                    if (autoConfirm[0] && now.isPresent()) {
                        pane.editor().choosePreset(percent);
                        pane.editor().apply();
                    }
                });
            }
            services.lambda().getAlias(target[0], target[1])
                    .thenAcceptAsync(pane::show, Platform::runLater)
                    .exceptionally(e -> {
                        Platform.runLater(() -> dialogs.showError("Could not open " + String.join(":", target), e));
                        return null;
                    });
        }

        @Override
        public void stop() {
            scheduler.shutdownNow();
            clients.close();
            sandbox.close();
        }

        private static String arg(List<String> args, String name, String otherwise) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : otherwise;
        }
    }
}

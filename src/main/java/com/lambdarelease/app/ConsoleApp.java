package com.lambdarelease.app;

import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.CatchingExecutors;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.service.settings.Settings;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.ui.actions.FxActionDialogs;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.connection.ConnectionManager;
import com.lambdarelease.ui.sso.SsoAccess;
import com.lambdarelease.ui.sso.SsoExpiryModel;
import com.lambdarelease.ui.sso.SsoExpiryView;
import com.lambdarelease.ui.sso.SsoPickerModel;
import com.lambdarelease.ui.sso.SsoSignInDialog;
import com.lambdarelease.ui.connection.ConnectionSwitcher;
import com.lambdarelease.ui.shell.MainWindow;
import com.lambdarelease.ui.shell.Workspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The composition root: builds the executors, the connection factory, the UI context and the main
 * window, and hands each its collaborators. Nothing else creates services.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());

    private SettingsFile settingsFile;
    private Settings savedSettings = Settings.defaults();
    private ExecutorService io;
    private ScheduledExecutorService scheduler;
    private SessionFactory factory;
    private ConnectionManager connections;
    private ReleaseJournal journal;

    /** Reads the settings and the release journal on the launcher thread, so the FX thread never waits on the disk. */
    @Override
    public void init() {
        settingsFile = new SettingsFile(
                SettingsFile.defaultFile(System.getenv(), Path.of(UserHomeDirectoryUtils.userHomeDirectory())));
        savedSettings = settingsFile.read();
        journal = ReleaseJournal.at(ReleaseJournal.defaultFile(settingsFile.file()));
    }

    @Override
    public void start(Stage stage) {
        ToastNotifier toasts = new ToastNotifier();
        // Whatever a background task throws reaches the operator as a toast (and the log, with the thread).
        Consumer<Throwable> showFailure = error -> Platform.runLater(
                () -> toasts.failure("A background task failed", error));
        io = CatchingExecutors.cached("console-io", showFailure);
        scheduler = CatchingExecutors.scheduled("console-timer", 2, showFailure);
        factory = new SessionFactory(io, scheduler, SandboxOptions.defaults().withPort(0)
                .withSpeed(Double.parseDouble(getParameters().getNamed().getOrDefault("sandbox-speed", "1"))));
        UiContext ui = new UiContext(Platform::runLater, scheduler, Clock.systemUTC(),
                new FxDialogService(() -> stage), toasts);
        SsoAccess sso = new SsoAccess(factory.ssoSignIns(), factory::ssoSession, settingsFile, io);
        connections = new ConnectionManager(ui, factory::open, settingsFile, AwsProfiles::load,
                (owner, answer) -> new SsoSignInDialog(new SsoPickerModel(ui, sso), owner == null ? stage : owner).show(answer));
        FxActionDialogs forms = new FxActionDialogs(() -> stage);
        ConnectionSwitcher switcher = new ConnectionSwitcher(connections, () -> stage);
        MainWindow window = new MainWindow(ui, connections.servicesProperty(), switcher.node(),
                services -> new Workspace(ReleaseSession.of(services, journal, io), ui, forms, ConsoleApp::copyToClipboard),
                toasts);
        window.addStatus(new SsoExpiryView(new SsoExpiryModel(ui, sso, connections.specProperty(),
                java.time.Duration.ofSeconds(30))).node());
        window.restoreTheme(savedSettings.darkTheme(), dark -> io.execute(() -> rememberDarkTheme(dark)));
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        Theme.style(scene);
        scene.getAccelerators().put(ConnectionSwitcher.shortcut(), switcher::openChooser);
        stage.setTitle("Lambda Release Console");
        stage.setScene(scene);
        stage.show();
        connections.start(() -> stage);
    }

    private void rememberDarkTheme(boolean dark) {
        try {
            settingsFile.rememberDarkTheme(dark);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the theme to " + settingsFile.file(), e);
        }
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void stop() {
        if (connections != null) {
            connections.close();
        }
        if (factory != null) {
            factory.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (io != null) {
            io.shutdownNow();
        }
    }
}

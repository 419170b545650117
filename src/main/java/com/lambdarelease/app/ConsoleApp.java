package com.lambdarelease.app;

import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.service.connection.ConnectionSettings;
import com.lambdarelease.ui.actions.FxActionDialogs;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.connection.ConnectionManager;
import com.lambdarelease.ui.connection.ConnectionSwitcher;
import com.lambdarelease.ui.shell.MainWindow;
import com.lambdarelease.ui.shell.Workspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

import java.nio.file.Path;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The composition root: builds the executors, the connection factory, the UI context and the main
 * window, and hands each its collaborators. Nothing else creates services.
 */
public final class ConsoleApp extends Application {

    private ExecutorService io;
    private ScheduledExecutorService scheduler;
    private SessionFactory factory;
    private ConnectionManager connections;
    private Path settingsFile;
    private ReleaseJournal journal;

    /** Off the FX thread (JavaFX calls init on the launcher thread): reads the release journal from disk. */
    @Override
    public void init() {
        settingsFile = ConnectionSettings.defaultFile(System.getenv(), Path.of(UserHomeDirectoryUtils.userHomeDirectory()));
        journal = ReleaseJournal.at(ReleaseJournal.defaultFile(settingsFile));
    }

    @Override
    public void start(Stage stage) {
        io = NamedThreads.cached("console-io");
        scheduler = NamedThreads.scheduled("console-timer", 2);
        factory = new SessionFactory(io, scheduler, SandboxOptions.defaults().withPort(0)
                .withSpeed(Double.parseDouble(getParameters().getNamed().getOrDefault("sandbox-speed", "1"))));
        ToastNotifier toasts = new ToastNotifier();
        UiContext ui = new UiContext(Platform::runLater, scheduler, Clock.systemUTC(),
                new FxDialogService(() -> stage), toasts);
        ConnectionSettings settings = new ConnectionSettings(settingsFile);
        connections = new ConnectionManager(ui, factory::open, settings, AwsProfiles::load);
        FxActionDialogs forms = new FxActionDialogs(() -> stage);
        ConnectionSwitcher switcher = new ConnectionSwitcher(connections, () -> stage);
        MainWindow window = new MainWindow(ui, connections.servicesProperty(), switcher.node(),
                services -> new Workspace(ReleaseSession.of(services, journal, io), ui, forms, ConsoleApp::copyToClipboard),
                toasts);
        Theme.apply(false);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        Theme.style(scene);
        scene.getAccelerators().put(ConnectionSwitcher.shortcut(), switcher::openChooser);
        stage.setTitle("Lambda Release Console");
        stage.setScene(scene);
        stage.show();
        connections.start(() -> stage);
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

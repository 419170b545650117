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
import com.lambdarelease.ui.functions.FunctionsList;
import com.lambdarelease.service.connection.ConnectionSpec;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

import java.io.IOException;
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

    private StartupRead startup;

    /**
     * Takes the settings and the cached list read before the toolkit started, on the launcher
     * thread, so the FX thread never waits on the disk.
     */
    @Override
    public void init() {
        StartupReport.mark("toolkit-started");
        var begun = ConsoleLauncher.startupRead;
        startup = begun == null ? StartupRead.now() : begun.join();
        settingsFile = startup.settingsFile();
        savedSettings = startup.settings();
        journal = ReleaseJournal.at(ReleaseJournal.defaultFile(settingsFile.file()));
        StartupReport.mark("settings-and-cache-read");
    }

    @Override
    public void start(Stage stage) {
        StartupReport.mark("start");
        Theme.apply(savedSettings.darkTheme()); // before any control, so JavaFX never loads its own Modena first
        ToastNotifier toasts = new ToastNotifier();
        // Whatever a background task throws reaches the operator as a toast (and the log, with the thread).
        Consumer<Throwable> showFailure = error -> Platform.runLater(
                () -> toasts.failure("A background task failed", error));
        io = CatchingExecutors.cached("console-io", showFailure);
        scheduler = CatchingExecutors.scheduled("console-timer", 2, showFailure);
        factory = new SessionFactory(io, scheduler, EmbeddedSandbox.starting(SandboxOptions.builder().port(0)
                .speed(Double.parseDouble(getParameters().getNamed().getOrDefault("sandbox-speed", "1"))).build()));
        UiContext ui = new UiContext(Platform::runLater, scheduler, Clock.systemUTC(),
                new FxDialogService(() -> stage), toasts);
        // A journal line that cannot be written is the operator's to know, as a toast, not only a log line.
        journal.reportWriteFailuresTo(com.lambdarelease.ui.common.Notifier.anyThread(toasts, Platform::runLater));
        SsoAccess sso = new SsoAccess(factory.ssoSignIns(), factory::ssoSession, settingsFile, io);
        connections = new ConnectionManager(ui, factory::open, settingsFile, AwsProfiles::load,
                (owner, answer) -> new SsoSignInDialog(new SsoPickerModel(ui, sso), owner == null ? stage : owner).show(answer));
        FxActionDialogs forms = new FxActionDialogs(() -> stage);
        ConnectionSwitcher switcher = new ConnectionSwitcher(connections, () -> stage);
        // The remembered connection's cached list is on screen before it opens; its workspace takes that list over.
        FunctionsList first = FunctionsList.create(ui);
        startup.cached().ifPresent(first.model()::showCached);
        boolean[] firstTaken = {false};
        MainWindow window = new MainWindow(ui, connections.servicesProperty(), switcher.node(), services -> {
            ConnectionSpec spec = connections.specProperty().get();
            boolean sameAsCached = !firstTaken[0] && startup.connection().filter(spec::equals).isPresent();
            FunctionsList list = sameAsCached ? first : FunctionsList.create(ui);
            // (a cached list on screen before connecting was reported when it was shown)
            if (!firstTaken[0] && StartupReport.enabled() && !(list == first && startup.cached().isPresent())) {
                reportFirstRows(stage, list);
            }
            firstTaken[0] = true;
            return new Workspace(ReleaseSession.of(services, journal, io), ui, forms, ConsoleApp::copyToClipboard,
                    startup.cache().forConnection(spec), list);
        }, toasts);
        window.addStatus(new SsoExpiryView(new SsoExpiryModel(ui, sso, connections.specProperty(),
                java.time.Duration.ofSeconds(30))).node());
        if (startup.cached().isPresent()) {
            window.showBeforeConnecting(first.view().node());
            if (StartupReport.enabled()) {
                reportFirstRows(stage, first);
            }
        }
        window.onClearCache(() -> io.execute(() -> clearCache(toasts)));
        window.restoreTheme(savedSettings.darkTheme(), dark -> io.execute(() -> rememberDarkTheme(dark, toasts)));
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        Theme.style(scene);
        scene.getAccelerators().put(ConnectionSwitcher.shortcut(), switcher::openChooser);
        stage.setTitle("Lambda Release Console");
        stage.setScene(scene);
        stage.show();
        StartupReport.mark("window-shown");
        connections.start(() -> stage);
    }

    /** For the startup report: the first pulse after which the list has rows on screen, and the first listing's end. */
    private static void reportFirstRows(Stage stage, FunctionsList list) {
        Runnable[] check = new Runnable[1];
        boolean[] done = {false};
        check[0] = () -> {
            var table = list.view().table();
            // (the table's own list, not the one-row style warm-up it shows for a frame)
            if (!done[0] && !list.model().visibleFunctions().isEmpty()
                    && table.getItems().size() == list.model().visibleFunctions().size() && table.getScene() != null
                    && !table.lookupAll(".table-row-cell").isEmpty()) {
                done[0] = true;
                StartupReport.mark(list.model().cachedAtProperty().get() != null ? "cached-rows-shown" : "rows-shown");
                Platform.runLater(() -> stage.getScene().removePostLayoutPulseListener(check[0]));
            }
        };
        Platform.runLater(() -> stage.getScene().addPostLayoutPulseListener(check[0]));
        list.model().loadingProperty().subscribe((was, now) -> {
            if (was && !now) {
                StartupReport.mark("first-listing-done " + list.model().loadedProperty().get());
                if (StartupReport.exitAfterFirstListing()) {
                    Platform.exit(); // a training run (the AppCDS class list at packaging time) ends here
                }
            }
        });
    }

    private void clearCache(ToastNotifier toasts) {
        try {
            startup.cache().clear();
            Platform.runLater(() -> toasts.success("Cleared the cached function lists and versions"));
        } catch (IOException e) {
            Platform.runLater(() -> toasts.failure("Could not clear the cache in " + startup.cache().directory(), e));
        }
    }

    private void rememberDarkTheme(boolean dark, ToastNotifier toasts) {
        try {
            settingsFile.rememberDarkTheme(dark);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the theme to " + settingsFile.file(), e);
            Platform.runLater(() -> toasts.failure("Could not save the theme to " + settingsFile.file(), e));
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
            // Cache and export writes run on it: the ones queued as the window closed are written, and the
            // launcher's main thread waits for them (ConsoleLauncher), never this FX thread.
            CatchingExecutors.closeAfterQueuedWork(scheduler);
            ConsoleLauncher.finishing = scheduler;
        }
        if (io != null) {
            io.shutdownNow();
        }
    }
}

package com.lambdarelease.app;

import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.service.connection.ConnectionSettings;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.connection.ConnectionManager;
import com.lambdarelease.ui.shell.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
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
    private ConnectionFactory factory;
    private ConnectionManager connections;

    @Override
    public void start(Stage stage) {
        io = NamedThreads.cached("console-io");
        scheduler = NamedThreads.scheduled("console-timer", 2);
        factory = new ConnectionFactory(io, scheduler, SandboxOptions.defaults().withPort(0));
        UiContext ui = new UiContext(Platform::runLater, scheduler, Clock.systemUTC(),
                new FxDialogService(() -> stage), new ToastNotifier());
        ConnectionSettings settings = new ConnectionSettings(
                ConnectionSettings.defaultFile(System.getenv(), Path.of(System.getProperty("user.home"))));
        connections = new ConnectionManager(ui, factory::open, settings, AwsProfiles::load);
        MainWindow window = new MainWindow(ui, connections);
        stage.setTitle("Lambda Release Console");
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
        connections.start(() -> stage);
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

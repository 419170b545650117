package com.lambdarelease.ui.shell;

import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.ui.actions.FxActionDialogs;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;

/** The console's main window on a test's sandbox, wired as the composition root wires it, shown in {@code stage}. */
final class ConsoleWindow {

    private ConsoleWindow() {
    }

    static MainWindow open(SandboxFixture sandbox, Stage stage, double width, double height) {
        ToastNotifier toasts = new ToastNotifier();
        UiContext ui = new UiContext(Platform::runLater, sandbox.scheduler, Clock.systemUTC(),
                new FxDialogService(() -> stage), toasts);
        FxActionDialogs forms = new FxActionDialogs(() -> stage);
        MainWindow window = new MainWindow(ui, new SimpleObjectProperty<>(sandbox.services), null,
                s -> new Workspace(ReleaseSession.of(s, ReleaseJournal.inMemory(), Runnable::run), ui, forms, text -> { }),
                toasts);
        Theme.apply(false);
        Scene scene = new Scene(window.root(), width, height);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}

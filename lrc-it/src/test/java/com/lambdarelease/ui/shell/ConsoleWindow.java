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

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, condition);
    }

    /** Filters the functions list to {@code function}, clicks it, and waits for its versions. */
    static void openFunction(org.testfx.api.FxRobot robot, MainWindow window, String function) throws Exception {
        await(() -> window.workspace().isPresent() && !window.workspace().get().functions().loadingProperty().get()
                && window.workspace().get().functions().loadedProperty().get() > 0);
        robot.clickOn("#function-filter").write(function);
        await(() -> window.workspace().get().functions().visibleFunctions().size() == 1);
        robot.clickOn(robot.from(robot.lookup("#functions-table").queryTableView()).lookup(function).<javafx.scene.Node>query());
        var detail = window.workspace().orElseThrow().detail();
        await(() -> function.equals(detail.functionNameProperty().get()) && !detail.loadingProperty().get()
                && !detail.versions().isEmpty());
    }

    /** Shows the Aliases tab and selects {@code alias} in it. */
    static void selectAlias(org.testfx.api.FxRobot robot, MainWindow window, String alias) throws Exception {
        var detail = window.workspace().orElseThrow().detail();
        javafx.scene.control.TabPane tabs = robot.lookup("#detail-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        javafx.scene.control.TableView<?> table = robot.lookup("#aliases-table").queryTableView();
        await(() -> table.getItems().stream().anyMatch(a -> ((com.lambdarelease.domain.AliasRoute) a).name().equals(alias)));
        robot.clickOn(robot.from(table).lookup(alias).<javafx.scene.Node>query());
        await(() -> detail.selectedAliasProperty().get() != null && alias.equals(detail.selectedAliasProperty().get().name()));
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

package com.lambdarelease.ui.shell;

import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.cache.ConnectionCache;
import com.lambdarelease.service.cache.ListingCache;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.ui.actions.FxActionDialogs;
import com.lambdarelease.ui.common.FxDialogService;
import com.lambdarelease.ui.common.SandboxFixture;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.functions.FunctionsList;
import com.lambdarelease.ui.functions.FunctionsView;
import com.lambdarelease.ui.functions.FunctionsViewModel;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a cached list of the sandbox's functions from an earlier run and a sandbox that takes
 * 3 s to answer each request (so a loaded build machine cannot blur the order), the window shows
 * the cached rows, marked "as of", before the connection is open and the sandbox asked; the
 * listing then updates them in place (a changed runtime, a new function, a deleted one) and the
 * operator's selection and scroll position stay where they were.
 */
@ExtendWith(ApplicationExtension.class)
class CachedListStartTest {

    private static final Instant SAVED_AT = Instant.parse("2026-12-01T21:14:00Z");
    private static SandboxFixture sandbox;
    private static List<FunctionSummary> listed;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture(SandboxOptions.builderForTests().syntheticFunctions(100)
                .requestLatency(Duration.ofSeconds(3)).build());
        listed = sandbox.services.lambda().listAllFunctions().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** What an earlier run saw: orders-api on another runtime, bench-fn-00050 not yet created, one function since deleted. */
    private static List<FunctionSummary> earlierRun() {
        List<FunctionSummary> earlier = new ArrayList<>();
        for (FunctionSummary f : listed) {
            if (f.name().equals("orders-api")) {
                earlier.add(new FunctionSummary(f.name(), f.arn(), "nodejs16.x", f.memoryMb(), f.timeoutSeconds(),
                        f.lastModified(), ""));
            } else if (!f.name().equals("bench-fn-00050")) {
                earlier.add(new FunctionSummary(f.name(), f.arn(), f.runtime(), f.memoryMb(), f.timeoutSeconds(),
                        f.lastModified(), ""));
            }
            if (f.name().equals("bench-fn-00070")) {
                earlier.add(new FunctionSummary("bench-fn-00070-deleted", f.arn() + "-deleted", "python3.12", 128, 3,
                        f.lastModified(), ""));
            }
        }
        return earlier;
    }

    @Test
    void theCachedRowsShowBeforeTheSandboxAnswersThenUpdateInPlaceKeepingSelectionAndScroll(FxRobot robot) throws Exception {
        ConnectionCache cache = new ListingCache(dir).forConnection(new ConnectionSpec.Sandbox());
        cache.saveFunctions(earlierRun(), SAVED_AT);
        long requestsBefore = sandbox.services.activity().requests("ListFunctions");

        // As the console starts: the cached list (read off the FX thread) is on screen before the connection opens.
        var cached = cache.functions().orElseThrow();
        SimpleObjectProperty<ConsoleServices> services = new SimpleObjectProperty<>();
        MainWindow[] window = new MainWindow[1];
        FunctionsList[] first = new FunctionsList[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            UiContext ui = new UiContext(Platform::runLater, sandbox.scheduler, Clock.systemUTC(),
                    new FxDialogService(() -> stage), new ToastNotifier());
            first[0] = FunctionsList.create(ui);
            first[0].model().showCached(cached);
            window[0] = new MainWindow(ui, services, null, s -> new Workspace(ReleaseSession.of(s, ReleaseJournal.inMemory(),
                    Runnable::run), ui, new FxActionDialogs(() -> stage), text -> { }, cache, first[0]), new ToastNotifier());
            window[0].showBeforeConnecting(first[0].view().node());
            Theme.apply(false);
            Scene scene = new Scene(window[0].root(), 1440, 900);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        FunctionsViewModel model = first[0].model();
        TableView<FunctionSummary> table = first[0].view().table();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().get(0).name().equals(listed.get(0).name()));
        assertThat(robot.lookup(".table-row-cell").queryAll()).as("rows drawn").isNotEmpty();
        assertThat(sandbox.services.activity().requests("ListFunctions")).as("nothing asked yet").isEqualTo(requestsBefore);
        assertThat(model.allFunctions()).extracting(FunctionSummary::name).contains("bench-fn-00070-deleted")
                .doesNotContain("bench-fn-00050");
        Label count = robot.lookup("#" + FunctionsView.COUNT_ID).queryAs(Label.class);
        assertThat(count.getText()).isEqualTo(String.format("%,d functions · as of %s, refreshing…", earlierRun().size(),
                FunctionsViewModel.AS_OF.format(SAVED_AT)));

        // The operator picks orders-api and scrolls down to bench-fn-00090; then the connection opens (3 s a page).
        robot.interact(() -> {
            table.getSelectionModel().select(model.find("orders-api").orElseThrow());
            table.scrollTo(model.allFunctions().indexOf(model.find("bench-fn-00090").orElseThrow()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        String firstShownBefore = firstVisible(table);
        robot.interact(() -> services.set(sandbox.services));
        assertThat(window[0].workspace().orElseThrow().functions()).as("the workspace took the list over").isSameAs(model);
        assertThat(model.allFunctions()).as("nothing cleared while AWS is asked").hasSize(earlierRun().size());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.allFunctions()).extracting(FunctionSummary::name)
                .containsExactlyElementsOf(listed.stream().map(FunctionSummary::name).toList());
        assertThat(model.find("orders-api").orElseThrow().runtime()).isEqualTo("nodejs20.x");
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("orders-api");
        assertThat(model.selectedProperty().get().runtime()).isEqualTo("nodejs20.x");
        assertThat(firstVisible(table)).as("the scroll position is where the operator left it").isEqualTo(firstShownBefore);
        assertThat(count.getText()).isEqualTo(String.format("%,d functions", listed.size()));

        // The complete listing is what the next start shows.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cache.functions().orElseThrow().savedAt().isAfter(SAVED_AT));
        assertThat(cache.functions().orElseThrow().functions()).extracting(FunctionSummary::name)
                .containsExactlyElementsOf(listed.stream().map(FunctionSummary::name).toList());
    }

    private static String firstVisible(TableView<FunctionSummary> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> cell = flow.getFirstVisibleCell();
        return table.getItems().get(cell.getIndex()).name();
    }

}

package com.lambdarelease.ui.shell;

import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.cache.ConnectionCache;
import com.lambdarelease.ui.actions.ActionDialogs;
import com.lambdarelease.ui.actions.AliasActions;
import com.lambdarelease.ui.detail.ReleaseCommands;
import com.lambdarelease.ui.actions.VersionActions;
import com.lambdarelease.ui.canary.CanaryPane;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailView;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;
import com.lambdarelease.ui.environments.EnvironmentsView;
import com.lambdarelease.ui.functions.FunctionsList;
import com.lambdarelease.ui.functions.FunctionsView;
import com.lambdarelease.ui.functions.FunctionsViewModel;
import com.lambdarelease.ui.rollout.ConsoleRollouts;
import com.lambdarelease.ui.rollout.RolloutPanel;
import com.lambdarelease.ui.rollout.RolloutPanelModel;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything the main window shows for one connection: the functions list, the function detail
 * with its actions, the hosted canary pane and environments view. Replaced whole (and detached)
 * when the operator switches connection.
 */
public final class Workspace {

    private final ConsoleServices services;
    private final ReleaseSession session;
    private final FunctionsViewModel functions;
    private final FunctionDetailViewModel detail;
    private final FunctionsView functionsView;
    private final FunctionDetailView detailView;
    private final EnvironmentsView environments;
    private final ReleaseCommands commands;
    private final SplitPane browse;
    private final ConsoleRollouts rollouts;
    private final UiContext ui;
    private final ConnectionCache cache;

    public Workspace(ReleaseSession session, UiContext ui, ActionDialogs forms, Consumer<String> clipboard) {
        this(session, ui, forms, clipboard, ConnectionCache.none(), FunctionsList.create(ui));
    }

    /**
     * @param cache what this connection keeps between runs (its last function list, opened functions)
     * @param list  the functions list to use: a new one, or the one already showing the cached list at start
     */
    private final com.lambdarelease.ui.rollout.AliasLeasesModel leases;

    public Workspace(ReleaseSession session, UiContext ui, ActionDialogs forms, Consumer<String> clipboard,
                     ConnectionCache cache, FunctionsList list) {
        this.services = session.services();
        this.session = session;
        this.ui = ui;
        this.cache = cache;
        functions = list.model();
        functions.connect(services.lambda(), cache);
        detail = new FunctionDetailViewModel(ui, session.states(), cache);
        AliasActions aliasActions = new AliasActions(ui, session.writer(), detail, forms, services.metrics(), services.clock());
        VersionActions versionActions = new VersionActions(ui, services.lambda(), detail, forms, clipboard,
                services.identity());
        commands = new ReleaseCommands(detail, aliasActions, versionActions, this::refresh);
        functionsView = list.view();
        CanaryPane canary = new CanaryPane(session, ui);
        rollouts = new ConsoleRollouts(session, ui);
        RolloutPanelModel rollout = new RolloutPanelModel(rollouts, session.states(), ui);
        detail.selectedAliasProperty().subscribe(rollout::show);
        RolloutPanel rolloutPanel = new RolloutPanel(rollout);
        rolloutPanel.linkErrors(canary.errorGroups(), canary::showErrors);
        canary.addSection(rolloutPanel.node());
        leases = new com.lambdarelease.ui.rollout.AliasLeasesModel(rollouts, ui);
        detail.functionNameProperty().subscribe(leases::show);
        detailView = new FunctionDetailView(detail, commands, canary,
                new com.lambdarelease.ui.history.AliasHistoryModel(session.history(), session.ownership(), ui), leases);
        environments = new EnvironmentsView(services, session.states(), ui);
        // Keep the detail when the list reloads and the selection is momentarily empty.
        functions.selectedProperty().subscribe(f -> {
            if (f != null) {
                detail.show(f.name());
            }
        });
        browse = new SplitPane(functionsView.node(), detailView.node());
        // Never squeezed to "MyLa…" by a wide neighbour: hide it with Ctrl+L to give the charts everything.
        ((javafx.scene.layout.Region) functionsView.node()).setMinWidth(LIST_MIN_WIDTH);
        browse.setDividerPositions(LIST_SHARE);
        // The canary workspace is the screen kept open during a release: give its charts the room.
        detail.sectionProperty().subscribe(section -> placeDivider());
        browse.widthProperty().addListener((obs, was, now) -> {
            if (was.doubleValue() == 0) {
                placeDivider(); // the first layout: the width is known now
            }
        });
    }

    static final double LIST_SHARE = 0.36;
    private static final double LIST_MIN_WIDTH = 200;
    /** On the Canary tab the charts get the room, but the list keeps enough width to read names. */
    private static final double LIST_WIDTH_CANARY = 300;

    private void placeDivider() {
        if (browse.getItems().size() != 2) {
            return;
        }
        double width = browse.getWidth();
        boolean canary = detail.sectionProperty().get() == FunctionDetailViewModel.Section.CANARY;
        double share = !canary ? LIST_SHARE : width > 0 ? Math.min(LIST_SHARE, LIST_WIDTH_CANARY / width) : 0.2;
        browse.setDividerPositions(share);
    }

    /** Hides or shows the functions list, leaving the detail (and the canary charts) the whole width. */
    public void showFunctionsList(boolean show) {
        boolean shown = browse.getItems().contains(functionsView.node());
        if (show && !shown) {
            browse.getItems().add(0, functionsView.node());
            placeDivider();
        } else if (!show && shown) {
            browse.getItems().remove(functionsView.node());
        }
    }

    /**
     * Shows {@code function} in the detail, and {@code alias} selected on the Aliases tab when given
     * (the Environments matrix opens a cell this way).
     */
    public void open(String function, java.util.Optional<String> alias) {
        functions.visibleFunctions().stream().filter(f -> f.name().equals(function)).findFirst()
                .ifPresent(f -> functions.selectedProperty().set(f));
        detail.show(function).thenRun(() -> alias.flatMap(detail::alias).ifPresent(a -> {
            detail.sectionProperty().set(FunctionDetailViewModel.Section.ALIASES);
            detail.selectedAliasProperty().set(a);
        }));
    }

    /** F5: the functions list and the function in view, read again. */
    public void refresh() {
        functions.load();
        detail.reload();
        leases.show(detail.functionNameProperty().get());
    }

    /**
     * Shown: the connection's cached list at once when there is one (read off the FX thread), and
     * the functions streamed in from AWS, updating it in place.
     */
    public void attach() {
        if (functions.allFunctions().isEmpty() && cache != ConnectionCache.none()) {
            CompletableFuture.supplyAsync(cache::functions, ui.background())
                    .thenAcceptAsync(cached -> cached.ifPresent(functions::showCached), ui.fx());
        }
        functions.load();
        detailView.attach();
    }

    /** Hidden or replaced: stops everything that polls. */
    public void detach() {
        detailView.detach();
        environments.detach();
        rollouts.close(); // the connection is replaced: unfinished rollouts stay in the journal
    }

    public Node browseNode() {
        return browse;
    }

    public EnvironmentsView environments() {
        return environments;
    }

    public ReleaseCommands commands() {
        return commands;
    }

    public FunctionsViewModel functions() {
        return functions;
    }

    public FunctionDetailViewModel detail() {
        return detail;
    }

    public FunctionsView functionsView() {
        return functionsView;
    }

    public ConsoleServices services() {
        return services;
    }

    public ReleaseSession session() {
        return session;
    }
}

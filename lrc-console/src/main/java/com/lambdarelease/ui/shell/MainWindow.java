package com.lambdarelease.ui.shell;

import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.ui.detail.ReleaseCommands;
import com.lambdarelease.ui.common.Command;
import com.lambdarelease.ui.common.Theme;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.ToastStack;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main window: menus (every action with its shortcut), the connection, a Functions tab
 * (list + detail) and the hosted Environments tab, the status bar, and the toast stack on top.
 * Swaps in a new {@link Workspace} when the connection changes and detaches the old one.
 */
public final class MainWindow {
    public static final String TABS_ID = "main-tabs";
    public static final String CLEAR_CACHE_ID = "clear-cache";

    private final UiContext ui;
    private final Function<ConsoleServices, Workspace> workspaces;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final MenuBar menus = new MenuBar();
    private final Label connectionLabel = new Label("");
    private final Node connectionControl;
    private final boolean showLabel;
    private final Tab functionsTab = new Tab("Functions");
    private final Tab environmentsTab = new Tab("Environments");
    private final TabPane tabs = new TabPane(functionsTab, environmentsTab);
    private final StatusBar status;
    private Workspace current;
    private boolean darkTheme;
    private Consumer<Boolean> themeChosen = dark -> { };
    private Runnable stopWatchingThrottles = () -> { };
    private Runnable clearCache;

    /**
     * @param services          the current connection's services (the connection manager's property)
     * @param connectionControl the connection switcher, shown at the right of the menu bar
     * @param workspaces        builds the screens for one connection (the composition root decides how)
     */
    public MainWindow(UiContext ui, ObservableValue<ConsoleServices> services, Node connectionControl,
                      Function<ConsoleServices, Workspace> workspaces, ToastNotifier toasts) {
        this.ui = ui;
        this.workspaces = workspaces;
        this.showLabel = connectionControl == null;
        this.connectionControl = connectionControl == null ? new Label() : connectionControl;
        status = new StatusBar(ui, toasts.lastMessageProperty());
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        functionsTab.setContent(new Label("Connecting…"));
        environmentsTab.setContent(new Label("Connecting…"));
        tabs.getSelectionModel().selectedItemProperty().subscribe(this::tabShown);

        connectionLabel.setGraphic(new FontIcon(Feather.CLOUD));
        connectionLabel.visibleProperty().bind(connectionLabel.textProperty().isNotEmpty());
        connectionLabel.managedProperty().bind(connectionLabel.visibleProperty());
        connectionLabel.getStyleClass().add("connection-label");
        connectionLabel.setPadding(new Insets(0, 10, 0, 10));
        HBox right = new HBox(8, connectionLabel, this.connectionControl);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.setPadding(new Insets(2, 8, 2, 0));
        BorderPane top = new BorderPane(menus);
        top.setRight(right);
        top.getStyleClass().add("main-top");

        frame.setTop(top);
        frame.setCenter(tabs);
        frame.setBottom(status.node());
        ToastStack stack = new ToastStack(toasts);
        StackPane.setAlignment(stack.node(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(stack.node(), new Insets(0, 16, 40, 0));
        root.getChildren().addAll(frame, stack.node());
        root.getStyleClass().add("main-window");
        buildMenus(null);

        services.subscribe(s -> {
            if (s != null) {
                show(s);
            }
        });
    }

    /** Puts {@code node} in the status bar, beside the latest message. */
    public void addStatus(Node node) {
        status.showAlso(node);
    }

    private void show(ConsoleServices services) {
        if (current != null) {
            current.detach();
            current.environments().detach();
        }
        stopWatchingThrottles.run();
        current = workspaces.apply(services);
        connectionLabel.setText(showLabel ? services.label() : "");
        status.connectionProperty().set(services.label());
        stopWatchingThrottles = status.watch(services.activity());
        functionsTab.setContent(current.browseNode());
        environmentsTab.setContent(current.environments().node());
        Workspace opened = current;
        current.environments().onOpen((function, alias) -> {
            tabs.getSelectionModel().select(functionsTab);
            opened.open(function, alias);
        });
        buildMenus(current);
        current.attach();
        tabShown(tabs.getSelectionModel().getSelectedItem());
    }

    private void tabShown(Tab tab) {
        if (current == null) {
            return;
        }
        if (tab == environmentsTab) {
            current.environments().attach();
        } else {
            current.environments().detach();
        }
    }

    private void buildMenus(Workspace w) {
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setSelected(darkTheme);
        dark.setOnAction(e -> {
            darkTheme = dark.isSelected();
            Theme.apply(darkTheme);
            themeChosen.accept(darkTheme);
        });
        MenuItem filter = new MenuItem("_Filter functions");
        filter.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem list = new CheckMenuItem("Functions _list");
        list.setSelected(true);
        list.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        list.setOnAction(e -> Optional.ofNullable(current).ifPresent(c -> c.showFunctionsList(list.isSelected())));
        filter.setOnAction(e -> {
            tabs.getSelectionModel().select(functionsTab);
            list.setSelected(true);
            Optional.ofNullable(current).ifPresent(c -> {
                c.showFunctionsList(true);
                c.functionsView().focusFilter();
            });
        });
        Menu view = new Menu("_View", null, filter, list, new SeparatorMenuItem(), dark);
        if (clearCache != null) {
            MenuItem forget = new MenuItem("Clear _cached lists");
            forget.setId(CLEAR_CACHE_ID);
            forget.setOnAction(e -> clearCache.run());
            view.getItems().addAll(new SeparatorMenuItem(), forget);
        }
        if (w == null) {
            menus.getMenus().setAll(view);
            return;
        }
        ReleaseCommands c = w.commands();
        MenuItem keys = new MenuItem("_Keyboard shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> ui.dialogs().inform("Keyboard shortcuts", shortcuts(c)));
        Menu help = new Menu("_Help", null, keys);
        Menu function = new Menu("F_unction", null, c.publish.menuItem(), c.copyArn.menuItem(),
                new SeparatorMenuItem(), c.refresh.menuItem());
        Menu alias = new Menu("_Alias", null, c.aliasCommands().stream().map(Command::menuItem).toArray(MenuItem[]::new));
        Menu version = new Menu("V_ersion", null, c.deleteVersion.menuItem());
        menus.getMenus().setAll(function, alias, version, view, help);
    }

    /**
     * Before the first connection is open: shows {@code functionsList} (holding the connection's
     * cached list) where the workspace will be, beside a "Connecting…" detail.
     */
    public void showBeforeConnecting(Node functionsList) {
        if (current == null) {
            javafx.scene.control.SplitPane browse = new javafx.scene.control.SplitPane(functionsList,
                    new StackPane(new Label("Connecting…")));
            // As the workspace places it: once the first layout knows the width.
            browse.widthProperty().addListener((obs, was, now) -> {
                if (was.doubleValue() == 0) {
                    browse.setDividerPositions(Workspace.LIST_SHARE);
                }
            });
            functionsTab.setContent(browse);
        }
    }

    /** Offers View ▸ Clear cached lists, which runs {@code action} (it clears off the FX thread). */
    public void onClearCache(Runnable action) {
        clearCache = action;
        buildMenus(current);
    }

    /** Starts in the saved theme and hands each toggle to {@code onToggle}, on the FX thread (it saves off it). */
    public void restoreTheme(boolean dark, Consumer<Boolean> onToggle) {
        darkTheme = dark;
        themeChosen = onToggle;
        Theme.apply(dark);
        buildMenus(current);
    }

    /** Every shortcut the window knows, one per line, for the Help menu (F1). */
    static String shortcuts(ReleaseCommands c) {
        StringBuilder out = new StringBuilder();
        java.util.List<Command> all = new java.util.ArrayList<>(java.util.List.of(c.publish, c.copyArn, c.refresh));
        all.addAll(c.aliasCommands());
        all.add(c.deleteVersion);
        for (Command command : all) {
            command.accelerator().ifPresent(k -> out.append(k.getDisplayText()).append("  ")
                    .append(command.text().replace("_", "").replace("…", "")).append('\n'));
        }
        out.append("Ctrl+F  Filter functions (Enter or Down moves into the list)\n");
        out.append("Ctrl+L  Show or hide the functions list\n");
        out.append("Ctrl+Shift+K  Switch connection\n");
        out.append("Enter  Edit the selected alias · open the selected environment cell\n");
        out.append("Delete  Delete the selected alias\n");
        out.append("Arrow keys on the canary slider  0.1 % steps; Esc in the weight field  back to the applied split\n");
        out.append("F1  This list");
        return out.toString();
    }

    public Parent root() {
        return root;
    }

    /** The workspace of the current connection (empty before the first connection). */
    public Optional<Workspace> workspace() {
        return Optional.ofNullable(current);
    }

    public StatusBar statusBar() {
        return status;
    }

    UiContext ui() {
        return ui;
    }
}

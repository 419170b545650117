package com.lambdarelease.ui.detail;

import com.lambdarelease.ui.functions.FunctionsViewModel;
import com.lambdarelease.ui.canary.CanaryPane;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;

/**
 * One function: its name and ARN, the release actions, and tabs for versions, aliases and the
 * hosted canary workspace (attached only while its tab shows).
 */
public final class FunctionDetailView {
    public static final String TITLE_ID = "function-title";
    public static final String AS_OF_ID = "function-as-of";
    public static final String TABS_ID = "detail-tabs";

    private final StackPane root = new StackPane();
    private final CanaryPane canary;
    private final Tab canaryTab = new Tab("Canary");
    private final TabPane tabs = new TabPane();
    private boolean attached;
    private boolean canaryAttached;

    public FunctionDetailView(FunctionDetailViewModel model, ReleaseCommands commands, CanaryPane canary,
                              com.lambdarelease.ui.history.AliasHistoryModel history,
                              com.lambdarelease.ui.rollout.AliasLeasesModel leases) {
        this.canary = canary;
        Label title = new Label();
        title.setId(TITLE_ID);
        title.getStyleClass().add("title-3");
        title.textProperty().bind(model.functionNameProperty());
        Label arn = new Label();
        arn.getStyleClass().addAll("text-muted", "arn");
        arn.textProperty().bind(model.functionArnProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Label asOf = new Label();
        asOf.setId(AS_OF_ID);
        asOf.getStyleClass().add("text-muted");
        asOf.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.cachedAtProperty().get() == null
                ? "" : "as of " + FunctionsViewModel.AS_OF.format(model.cachedAtProperty().get())
                + (model.loadingProperty().get() ? ", refreshing…" : ""), model.cachedAtProperty(), model.loadingProperty()));
        asOf.visibleProperty().bind(model.cachedAtProperty().isNotNull());
        asOf.managedProperty().bind(asOf.visibleProperty());
        HBox heading = new HBox(10, title, busy, asOf);
        heading.setAlignment(Pos.CENTER_LEFT);

        // A flow, not a row: at 1024 px the buttons wrap onto a second line instead of shrinking to "P…".
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6,
                commands.publish.button("publish-button", "Publish"),
                commands.newAlias.button("new-alias-button", "New alias"),
                new Separator(Orientation.VERTICAL),
                commands.editAlias.button("edit-alias-button", "Edit"),
                commands.promote.button("promote-button", "Promote"),
                commands.rollBack.button("rollback-button", "Roll back"), new Separator(Orientation.VERTICAL),
                commands.copyArn.button("copy-arn-button", "Copy ARN"),
                commands.refresh.button("refresh-button", "Refresh"));
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("detail-actions");
        actions.setId("detail-actions");

        Label error = new Label();
        error.getStyleClass().add("form-problem");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        Tab versions = new Tab("Versions", new VersionsView(model, commands).node());
        Tab aliases = new Tab("Aliases", new AliasesView(model, commands, leases).node());
        canaryTab.setContent(canary.node());
        canary.aliasChoosers(aliasChooser(model, "canary-alias"), aliasChooser(model, "canary-alias-empty"));
        Tab historyTab = new Tab("History", new com.lambdarelease.ui.history.AliasHistoryView(history).node());
        historyTab.setId("history-tab");
        tabs.getTabs().addAll(versions, aliases, canaryTab, historyTab);
        // Read only while the tab shows: CloudTrail answers 2 lookups a second per account and region.
        Runnable showHistory = () -> {
            if (tabs.getSelectionModel().getSelectedItem() == historyTab && model.functionNameProperty().get() != null) {
                history.show(model.functionNameProperty().get(), java.util.Optional.ofNullable(model.selectedAliasProperty().get()));
            }
        };
        tabs.getSelectionModel().selectedItemProperty().subscribe(t -> showHistory.run());
        model.selectedAliasProperty().subscribe(a -> showHistory.run());
        model.functionNameProperty().subscribe(f -> showHistory.run());
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The section can be chosen from elsewhere (the Environments matrix opens an alias): follow it.
        model.sectionProperty().subscribe(section -> {
            Tab want = section == FunctionDetailViewModel.Section.ALIASES ? aliases
                    : section == FunctionDetailViewModel.Section.CANARY ? canaryTab
                    : section == FunctionDetailViewModel.Section.HISTORY ? historyTab : versions;
            if (tabs.getSelectionModel().getSelectedItem() != want) {
                tabs.getSelectionModel().select(want);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().subscribe(tab -> {
            model.sectionProperty().set(tab == aliases ? FunctionDetailViewModel.Section.ALIASES
                    : tab == canaryTab ? FunctionDetailViewModel.Section.CANARY
                    : tab == historyTab ? FunctionDetailViewModel.Section.HISTORY : FunctionDetailViewModel.Section.VERSIONS);
            updateCanary();
        });
        // The canary workspace follows the selection; with none (another function) it clears, never stale.
        model.selectedAliasProperty().subscribe(alias -> {
            if (alias != null) {
                canary.show(alias);
            } else {
                canary.clear();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox content = new VBox(8, heading, arn, actions, error, tabs);
        content.setPadding(new Insets(12));
        content.visibleProperty().bind(model.functionNameProperty().isNotNull());
        Label empty = new Label("Select a function on the left to see its versions and aliases.");
        empty.getStyleClass().add("text-muted");
        empty.visibleProperty().bind(model.functionNameProperty().isNull());
        root.getChildren().addAll(empty, content);
    }

    /** A picker of this function's aliases that selects one, as the Aliases tab does. */
    private static javafx.scene.control.ComboBox<com.lambdarelease.domain.AliasRoute> aliasChooser(
            FunctionDetailViewModel model, String id) {
        var box = new javafx.scene.control.ComboBox<com.lambdarelease.domain.AliasRoute>(model.aliases());
        box.setId(id);
        // The aliases load after the view is built (and change with the function shown): the prompt follows them.
        box.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.aliases().isEmpty() ? "no aliases yet" : "choose an alias", model.aliases()));
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(com.lambdarelease.domain.AliasRoute a) {
                return a == null ? "" : a.name() + "  (" + a.split().describe() + ")";
            }

            @Override
            public com.lambdarelease.domain.AliasRoute fromString(String s) {
                return null;
            }
        });
        box.setAccessibleText("Alias to watch in the canary workspace");
        model.selectedAliasProperty().subscribe(a -> {
            if (box.getValue() != a) {
                box.setValue(a);
            }
        });
        box.valueProperty().addListener((obs, was, now) -> {
            if (now != null && now != model.selectedAliasProperty().get() && !model.replacingLists()) {
                model.selectedAliasProperty().set(now);
            }
        });
        return box;
    }

    /** Shown: the canary pane is attached again if its tab is the one showing. */
    public void attach() {
        attached = true;
        updateCanary();
    }

    /** Hidden: stops the canary pane's pollers. */
    public void detach() {
        attached = false;
        updateCanary();
    }

    private void updateCanary() {
        boolean want = attached && tabs.getSelectionModel().getSelectedItem() == canaryTab;
        if (want && !canaryAttached) {
            canary.attach();
        } else if (!want && canaryAttached) {
            canary.detach();
        }
        canaryAttached = want;
    }

    public Node node() {
        return root;
    }
}

package com.lambdarelease.ui.connection;

import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.service.connection.ConnectionSpec;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The toolbar's connection switcher: shows where the console is connected and offers the sandbox,
 * each AWS profile (in its region) and the full chooser.
 */
public final class ConnectionSwitcher {

    private final ConnectionManager connections;
    private final Supplier<Window> owner;
    private final MenuButton button = new MenuButton();

    public ConnectionSwitcher(ConnectionManager connections, Supplier<Window> owner) {
        this.connections = connections;
        this.owner = owner;
        button.setId("connection-switcher");
        button.setMnemonicParsing(false);
        button.setTooltip(new Tooltip("Switch connection (Ctrl+Shift+K)"));
        button.textProperty().bind(connections.servicesProperty()
                .map(s -> "Connection: " + s.label()).orElse("Connecting…"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(connections.switchingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        button.setGraphic(busy);
        rebuild(null);
        button.setOnShowing(e -> connections.profiles().whenCompleteAsync((p, error) -> rebuild(p),
                javafx.application.Platform::runLater));
    }

    public Node node() {
        return button;
    }

    /** Opens the chooser; bound to Ctrl+Shift+K by the main window. */
    public void openChooser() {
        connections.choose(owner.get());
    }

    public static KeyCombination shortcut() {
        return KeyCombination.keyCombination("Shortcut+Shift+K");
    }

    private void rebuild(AwsProfiles profiles) {
        MenuItem sandbox = new MenuItem("Sandbox (embedded demo account)");
        sandbox.setOnAction(e -> connections.switchTo(new ConnectionSpec.Sandbox()));
        button.getItems().setAll(sandbox, new SeparatorMenuItem());
        if (profiles != null) {
            for (AwsProfiles.ProfileInfo p : profiles.profiles()) {
                String region = profiles.regionFor(p.name());
                MenuItem item = new MenuItem("Profile " + p.name() + " · " + region + (p.usesSso() ? " (SSO)" : ""));
                item.setOnAction(e -> connections.switchTo(new ConnectionSpec.Profile(p.name(), region)));
                button.getItems().add(item);
            }
            if (!profiles.profiles().isEmpty()) {
                button.getItems().add(new SeparatorMenuItem());
            }
        }
        if (connections.offersIdentityCenter()) {
            MenuItem sso = new MenuItem("Sign in with IAM Identity Center…");
            sso.setId("switcher-identity-center");
            sso.setOnAction(e -> connections.chooseIdentityCenter(owner.get()));
            button.getItems().add(sso);
        }
        MenuItem choose = new MenuItem("Choose connection…");
        choose.setAccelerator(shortcut());
        choose.setOnAction(e -> openChooser());
        button.getItems().add(choose);
    }
}

package com.lambdarelease.ui.connection;

import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.connection.AwsProfiles;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.ui.common.Notifier;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the current connection's services. Switching opens the new connection off the FX thread,
 * publishes its services on the FX thread, remembers the choice, and only then closes the old
 * connection; a failed switch leaves the current connection as it was.
 */
public final class ConnectionManager {

    private static final Logger LOG = Logger.getLogger(ConnectionManager.class.getName());

    private final UiContext ui;
    private final Function<ConnectionSpec, CompletableFuture<ConsoleServices>> opener;
    private final SettingsFile settings;
    private final Supplier<AwsProfiles> profiles;
    private final ReadOnlyObjectWrapper<ConsoleServices> services = new ReadOnlyObjectWrapper<>(this, "services");
    private final ReadOnlyObjectWrapper<ConnectionSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(this, "switching");
    private final Optional<IdentityCenterChooser> identityCenter;

    /** Opens the Identity Center sign-in over {@code owner}; the connection (or empty on Cancel) goes to {@code answer}. */
    @FunctionalInterface
    public interface IdentityCenterChooser {
        void open(Window owner, java.util.function.Consumer<Optional<ConnectionSpec>> answer);
    }

    public ConnectionManager(UiContext ui, Function<ConnectionSpec, CompletableFuture<ConsoleServices>> opener,
                             SettingsFile settings, Supplier<AwsProfiles> profiles) {
        this(ui, opener, settings, profiles, null);
    }

    /** With the Identity Center sign-in offered in the chooser and the switcher ({@code identityCenter} may be null). */
    public ConnectionManager(UiContext ui, Function<ConnectionSpec, CompletableFuture<ConsoleServices>> opener,
                             SettingsFile settings, Supplier<AwsProfiles> profiles, IdentityCenterChooser identityCenter) {
        this.ui = ui;
        this.opener = opener;
        this.settings = settings;
        this.profiles = profiles;
        this.identityCenter = Optional.ofNullable(identityCenter);
    }

    /** True when the Identity Center sign-in can be offered. */
    public boolean offersIdentityCenter() {
        return identityCenter.isPresent();
    }

    /** The Identity Center sign-in; Cancel on the first start means the sandbox, as in the chooser. */
    public void chooseIdentityCenter(Window owner) {
        identityCenter.ifPresent(c -> c.open(owner, answer -> {
            if (answer.isPresent()) {
                switchTo(answer.get());
            } else if (services.get() == null) {
                switchTo(new ConnectionSpec.Sandbox());
            }
        }));
    }

    /** The services of the current connection; null until the first connection is open. */
    public ReadOnlyObjectProperty<ConsoleServices> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** True while a connection is being opened. */
    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    /**
     * First connection of a run: the remembered one; else the sandbox when this machine has no AWS
     * profile; else the chooser (Cancel means the sandbox). Disk reads happen off the FX thread.
     */
    public void start(Supplier<Window> owner) {
        CompletableFuture.supplyAsync(() -> new Startup(settings.lastConnection(), profiles.get()), ui.background())
                .whenCompleteAsync((s, error) -> {
                    if (error != null || s.remembered().isPresent() || s.profiles().isEmpty()) {
                        switchTo(s == null ? new ConnectionSpec.Sandbox()
                                : s.remembered().orElse(new ConnectionSpec.Sandbox()));
                        return;
                    }
                    showChooser(owner.get(), new ConnectionSpec.Sandbox(), s.profiles());
                }, ui.fx());
    }

    /** Lets the operator pick another connection (profiles are re-read, off the FX thread). */
    public void choose(Window owner) {
        CompletableFuture.supplyAsync(profiles::get, ui.background()).whenCompleteAsync((p, error) -> {
            if (error != null) {
                ui.notifier().failure("Could not read the AWS profiles", error);
                return;
            }
            showChooser(owner, Optional.ofNullable(spec.get()).orElse(new ConnectionSpec.Sandbox()), p);
        }, ui.fx());
    }

    /** Profiles for the switcher's menu, read off the FX thread. */
    public CompletableFuture<AwsProfiles> profiles() {
        return CompletableFuture.supplyAsync(profiles::get, ui.background());
    }

    private void showChooser(Window owner, ConnectionSpec current, AwsProfiles available) {
        ConnectionChoice choice = new ConnectionChoice();
        choice.startFrom(current, available.profiles());
        available.defaultProfileName().filter(n -> !(current instanceof ConnectionSpec.Profile))
                .ifPresent(choice::selectProfile);
        new ConnectionDialog(choice, owner, identityCenter.isPresent() ? () -> chooseIdentityCenter(owner) : null).show(answer -> {
            if (answer.isPresent()) {
                switchTo(answer.get());
            } else if (services.get() == null) {
                switchTo(new ConnectionSpec.Sandbox());
            }
        });
    }

    /** Opens {@code target}; on success it becomes current and is remembered. Call on the FX thread. */
    public CompletableFuture<ConsoleServices> switchTo(ConnectionSpec target) {
        switching.set(true);
        ui.notifier().info("Connecting to " + target.label() + "…");
        return opener.apply(target).whenCompleteAsync((opened, error) -> {
            switching.set(false);
            if (error != null) {
                boolean signInNeeded = com.lambdarelease.service.errors.AwsErrors.translate(error)
                        instanceof com.lambdarelease.service.sso.SsoSessionExpiredException && identityCenter.isPresent();
                ui.notifier().failure("Could not connect to " + target.label(), error, signInNeeded
                        // Retrying cannot help an ended sign-in; signing in can.
                        ? new com.lambdarelease.ui.common.Toast.Action("_Sign in", () -> chooseIdentityCenter(null))
                        : new com.lambdarelease.ui.common.Toast.Action("_Retry", () -> switchTo(target)));
                if (services.get() == null && !(target instanceof ConnectionSpec.Sandbox)) {
                    switchTo(new ConnectionSpec.Sandbox());
                }
                return;
            }
            ConsoleServices old = services.get();
            spec.set(target);
            services.set(opened);
            ui.notifier().success("Connected to " + opened.label());
            ui.background().execute(() -> {
                closeQuietly(old);
                remember(target);
            });
        }, ui.fx());
    }

    /** Closes the current connection (on shutdown). */
    public void close() {
        closeQuietly(services.get());
    }

    private void remember(ConnectionSpec target) {
        try {
            settings.rememberConnection(target);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not save the connection settings to " + settings.file(), e);
            Notifier.anyThread(ui.notifier(), ui.fx()).failure("Could not save the connection settings to " + settings.file(), e);
        }
    }

    private static void closeQuietly(ConsoleServices s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a dropped connection failed", e);
        }
    }

    private record Startup(Optional<ConnectionSpec> remembered, AwsProfiles profiles) {
    }
}

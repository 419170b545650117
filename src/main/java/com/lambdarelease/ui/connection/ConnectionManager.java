package com.lambdarelease.ui.connection;

import com.lambdarelease.service.ConsoleServices;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Holds the current connection's services. Switching opens the new connection off the FX thread,
 * publishes its services on the FX thread, and only then closes the old ones.
 */
public final class ConnectionManager {

    private final UiContext ui;
    private final Function<ConnectionSpec, CompletableFuture<ConsoleServices>> opener;
    private final ReadOnlyObjectWrapper<ConsoleServices> services = new ReadOnlyObjectWrapper<>(this, "services");
    private final ReadOnlyObjectWrapper<ConnectionSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");

    public ConnectionManager(UiContext ui, Function<ConnectionSpec, CompletableFuture<ConsoleServices>> opener) {
        this.ui = ui;
        this.opener = opener;
    }

    /** The services of the current connection; null until the first connection is open. */
    public ReadOnlyObjectProperty<ConsoleServices> servicesProperty() {
        return services.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** Opens {@code target}; on success it becomes current. Call on the FX thread. */
    public CompletableFuture<ConsoleServices> switchTo(ConnectionSpec target) {
        return opener.apply(target).whenCompleteAsync((opened, error) -> {
            if (error != null) {
                ui.notifier().failure("Could not connect to " + target.label(), error);
                return;
            }
            ConsoleServices old = services.get();
            spec.set(target);
            services.set(opened);
            ui.background().execute(() -> closeQuietly(old));
        }, ui.fx());
    }

    /** Closes the current connection (on shutdown). */
    public void close() {
        closeQuietly(services.get());
    }

    private static void closeQuietly(ConsoleServices s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (Exception ignored) {
            // closing clients on the way out must not stop the switch
        }
    }
}

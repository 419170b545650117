package com.lambdarelease.ui.sso;

import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.SettingsFile;
import com.lambdarelease.service.settings.SsoMemory;
import com.lambdarelease.service.sso.SsoSession;
import com.lambdarelease.service.sso.SsoSignIns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the console's Identity Center screens use of the core: the sign-ins, the sessions to offer
 * (the config file's, and the embedded sandbox's own), and the remembered favourites and choices in
 * the settings file. Every method that touches the disk returns a future run on {@code background}.
 */
public final class SsoAccess {

    private final SsoSignIns signIns;
    private final Function<String, CompletableFuture<SsoSession>> resolve;
    private final SettingsFile settings;
    private final Executor background;

    /**
     * @param resolve the session of a name, the sandbox's included ({@code SessionFactory::ssoSession})
     */
    public SsoAccess(SsoSignIns signIns, Function<String, CompletableFuture<SsoSession>> resolve, SettingsFile settings,
                     Executor background) {
        this.signIns = signIns;
        this.resolve = resolve;
        this.settings = settings;
        this.background = background;
    }

    public SsoSignIns signIns() {
        return signIns;
    }

    /** The configured session names, then {@value ConnectionSpec.Sso#SANDBOX_SESSION} when none has that name. */
    public CompletableFuture<List<String>> sessionNames() {
        return CompletableFuture.supplyAsync(() -> {
            List<String> names = new ArrayList<>(signIns.config().sessions().stream()
                    .map(s -> s.name().orElseThrow()).toList());
            if (!names.contains(ConnectionSpec.Sso.SANDBOX_SESSION)) {
                names.add(ConnectionSpec.Sso.SANDBOX_SESSION);
            }
            return names;
        }, background);
    }

    public CompletableFuture<SsoSession> session(String name) {
        return resolve.apply(name);
    }

    /** The session of an SSO connection: its typed start URL, else its name. */
    public CompletableFuture<SsoSession> session(ConnectionSpec.Sso spec) {
        return spec.start().map(s -> CompletableFuture.supplyAsync(() -> SsoSession.typed(s.startUrl(), s.ssoRegion()),
                background)).orElseGet(() -> resolve.apply(spec.session()));
    }

    public CompletableFuture<SsoMemory> memory() {
        return CompletableFuture.supplyAsync(() -> settings.read().ssoMemory(), background);
    }

    public CompletableFuture<Void> remember(UnaryOperator<SsoMemory> change) {
        return CompletableFuture.runAsync(() -> {
            try {
                settings.rememberSso(change);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save the Identity Center choices to " + settings.file(), e);
            }
        }, background);
    }
}

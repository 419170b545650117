package com.lambdarelease.ui.sso;

import com.lambdarelease.release.Problems;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.settings.SsoMemory;
import com.lambdarelease.service.sso.SignInPrompt;
import com.lambdarelease.service.sso.SsoAccount;
import com.lambdarelease.service.sso.SsoSession;
import com.lambdarelease.service.sso.SsoSignIn;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * View-model of the Identity Center sign-in: a configured session or a start URL and region, the
 * flow (browser or device code, remembered per session), the device code while it waits, then a
 * searchable list of every account with each account's roles loaded when it is picked, a region,
 * favourites, and the connection that results. Holds no Node; resumes on {@code ui.fx()}.
 */
public final class SsoPickerModel {

    public enum Phase { CHOOSING, SIGNING_IN, SIGNED_IN }

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");

    private final UiContext ui;
    private final SsoAccess access;
    private final ObservableList<String> sessionNames = FXCollections.observableArrayList();
    private final StringProperty sessionName = new SimpleStringProperty(this, "sessionName", "");
    private final StringProperty startUrl = new SimpleStringProperty(this, "startUrl", "");
    private final StringProperty ssoRegion = new SimpleStringProperty(this, "ssoRegion", "us-east-1");
    private final ObjectProperty<Boolean> typed = new SimpleObjectProperty<>(this, "typed", false);
    private final ObjectProperty<SsoSignIn.Flow> flow = new SimpleObjectProperty<>(this, "flow", SsoSignIn.Flow.BROWSER);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.CHOOSING);
    private final ReadOnlyStringWrapper deviceCode = new ReadOnlyStringWrapper(this, "deviceCode", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<SsoAccount> accounts = FXCollections.observableArrayList();
    private final FilteredList<SsoAccount> visibleAccounts = new FilteredList<>(accounts);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<SsoAccount> account = new SimpleObjectProperty<>(this, "account");
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final StringProperty role = new SimpleStringProperty(this, "role");
    private final StringProperty region = new SimpleStringProperty(this, "region", "us-east-1");
    private final ReadOnlyObjectWrapper<SsoMemory> memory = new ReadOnlyObjectWrapper<>(this, "memory", SsoMemory.empty());
    private final BooleanBinding canConnect;
    private SsoSession session;
    private long rolesGeneration;

    public SsoPickerModel(UiContext ui, SsoAccess access) {
        this.ui = ui;
        this.access = access;
        filter.subscribe(f -> visibleAccounts.setPredicate(a -> matches(a, f)));
        account.subscribe(this::loadRoles);
        canConnect = Bindings.createBooleanBinding(() -> phase.get() == Phase.SIGNED_IN && account.get() != null
                && role.get() != null && REGION.matcher(region.get() == null ? "" : region.get().trim()).matches(),
                phase, account, role, region);
    }

    /** Reads the sessions and the remembered choices (off the FX thread). */
    public CompletableFuture<Void> load() {
        return access.sessionNames().thenCombine(access.memory(), (names, mem) -> {
            ui.fx().execute(() -> {
                sessionNames.setAll(names);
                memory.set(mem);
                if (sessionName.get().isEmpty() && !names.isEmpty()) {
                    selectSession(names.get(0));
                }
            });
            return null;
        });
    }

    /** Picks a configured session, taking the flow it was last signed into with. */
    public void selectSession(String name) {
        sessionName.set(name == null ? "" : name);
        typed.set(false);
        memory.get().flowFor(sessionName.get()).map(SsoSignIn.Flow::valueOf).ifPresent(flow::set);
    }

    /**
     * Signs in (or, when the cache already holds a live token, such as one the AWS CLI wrote, goes
     * straight to the accounts), then lists every account.
     */
    public CompletableFuture<List<SsoAccount>> signIn() {
        message.set("");
        deviceCode.set("");
        CompletableFuture<SsoSession> resolved;
        try {
            resolved = typed.get() ? CompletableFuture.completedFuture(SsoSession.typed(startUrl.get().trim(),
                    ssoRegion.get().trim())) : access.session(sessionName.get());
        } catch (IllegalArgumentException refused) {
            message.set(refused.getMessage());
            return CompletableFuture.failedFuture(refused);
        }
        phase.set(Phase.SIGNING_IN);
        SsoSignIn.Flow chosen = flow.get();
        SignInPrompt prompt = new SignInPrompt() {
            @Override
            public void showDeviceCode(String userCode, URI verificationUri, URI complete) {
                ui.fx().execute(() -> {
                    deviceCode.set(userCode);
                    message.set("Open " + complete + " on any device and confirm the code shown.");
                });
            }

            @Override
            public void browserOpened(URI authorizeUrl) {
                ui.fx().execute(() -> message.set("Sign in in the browser window that opened; this continues by itself."));
            }

            @Override
            public void browserUnavailable() {
                ui.fx().execute(() -> message.set("No browser could be opened; confirm the code below instead."));
            }
        };
        CompletableFuture<List<SsoAccount>> result = resolved.thenCompose(s -> {
            session = s;
            SsoSignIn signIn = access.signIns().signIn(s);
            return signIn.accessToken().handle((token, notYet) -> notYet).thenCompose(notYet -> notYet != null
                    ? signIn.signIn(chosen, prompt).thenCompose(t -> accounts(s))
                    // A token that looks live may still be refused (revoked, or another sandbox's): then sign in.
                    : accounts(s).exceptionallyCompose(e -> refused(e)
                    ? signIn.signIn(chosen, prompt).thenCompose(t -> accounts(s)) : CompletableFuture.failedFuture(e)));
        });
        result.whenCompleteAsync((list, error) -> {
            deviceCode.set("");
            if (error != null) {
                phase.set(Phase.CHOOSING);
                message.set(Problems.describe(error));
                return;
            }
            phase.set(Phase.SIGNED_IN);
            message.set(list.size() + (list.size() == 1 ? " account" : " accounts") + " in " + session.label() + ".");
            accounts.setAll(sorted(list));
            String label = session.label();
            access.remember(m -> m.withFlow(label, chosen.name()));
            memory.get().lastFor(label).ifPresent(last -> {
                region.set(last.region());
                accounts.stream().filter(a -> a.accountId().equals(last.accountId())).findFirst().ifPresent(account::set);
            });
        }, ui.fx());
        return result;
    }

    private CompletableFuture<List<SsoAccount>> accounts(SsoSession s) {
        return access.signIns().directory(s).accounts(throttled());
    }

    private static boolean refused(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof com.lambdarelease.service.sso.SsoSessionExpiredException;
    }

    /** The connection the choices make; remembers them (names and ids only). Empty until {@link #canConnectProperty()}. */
    public Optional<ConnectionSpec.Sso> connect() {
        if (!canConnect.get()) {
            return Optional.empty();
        }
        String label = session.label();
        ConnectionSpec.Sso spec = new ConnectionSpec.Sso(session.name().orElse(label), account.get().accountId(), role.get(),
                region.get().trim(), session.name().isPresent() ? Optional.empty()
                : Optional.of(new ConnectionSpec.SsoStart(session.startUrl(), session.region())));
        access.remember(m -> m.withLast(label, new SsoMemory.LastChoice(spec.accountId(), spec.roleName(), spec.region())));
        return Optional.of(spec);
    }

    /**
     * "Save as profile": shows the lines it would add to ~/.aws/config and adds them once the operator
     * agrees, so the AWS CLI can use {@code aws --profile NAME} for the chosen role.
     */
    public void saveAsProfile(String profileName) {
        if (!canConnect.get()) {
            return;
        }
        String lines;
        try {
            boolean embedded = session.isLocal() && session.name().orElse("").equals(ConnectionSpec.Sso.SANDBOX_SESSION);
            lines = com.lambdarelease.service.sso.SsoProfileWriter.lines(profileName.trim(), session, embedded,
                    account.get().accountId(), role.get(), region.get().trim());
        } catch (IllegalArgumentException refused) {
            message.set(refused.getMessage());
            return;
        }
        java.nio.file.Path file = access.signIns().configFile();
        String name = profileName.trim();
        ui.dialogs().confirmChange("Save as profile", "_Add to " + file.getFileName(), file + " has no profile " + name,
                lines).thenCompose(yes -> !yes ? CompletableFuture.completedFuture(false) : CompletableFuture.supplyAsync(() -> {
                    com.lambdarelease.service.sso.SsoProfileWriter.append(file, name, lines);
                    return true;
                }, ui.background())).whenCompleteAsync((added, error) -> {
                    if (error != null) {
                        message.set(Problems.describe(error));
                    } else if (added) {
                        message.set("Added profile " + name + " to " + file + "; `aws --profile " + name
                                + "` now uses this role.");
                    }
                }, ui.fx());
    }

    /** Stars (or unstars) the chosen role of the chosen account. */
    public void toggleFavourite() {
        if (session == null || account.get() == null || role.get() == null) {
            return;
        }
        SsoMemory.Favourite f = new SsoMemory.Favourite(session.label(), account.get().accountId(), account.get().accountName(), role.get());
        memory.set(memory.get().toggleFavourite(f));
        accounts.setAll(sorted(List.copyOf(accounts)));
        access.remember(m -> m.toggleFavourite(f));
    }

    /** True when an account of this session has a starred role. */
    public boolean isFavourite(SsoAccount a) {
        return session != null && memory.get().favourites().stream()
                .anyMatch(f -> f.session().equals(session.label()) && f.accountId().equals(a.accountId()));
    }

    public boolean isFavouriteRole(String roleName) {
        return session != null && account.get() != null
                && memory.get().isFavourite(session.label(), account.get().accountId(), roleName);
    }

    private void loadRoles(SsoAccount a) {
        roles.clear();
        role.set(null);
        if (a == null || session == null) {
            return;
        }
        long generation = ++rolesGeneration;
        message.set("Loading the roles of " + a.label() + "…");
        access.signIns().directory(session).roles(a.accountId(), throttled()).whenCompleteAsync((list, error) -> {
            if (generation != rolesGeneration) {
                return; // another account was picked meanwhile
            }
            if (error != null) {
                message.set(Problems.describe(error));
                return;
            }
            message.set(list.size() + (list.size() == 1 ? " role" : " roles") + " in " + a.accountName() + ".");
            roles.setAll(list);
            String remembered = memory.get().lastFor(session.label()).filter(l -> l.accountId().equals(a.accountId()))
                    .map(SsoMemory.LastChoice::roleName).orElse(null);
            role.set(remembered != null && list.contains(remembered) ? remembered : list.stream().filter(this::isFavouriteRole).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, ui.fx());
    }

    private Consumer<Duration> throttled() {
        return wait -> ui.fx().execute(() -> message.set("IAM Identity Center is throttling; asking again in "
                + wait.toMillis() + " ms…"));
    }

    private List<SsoAccount> sorted(List<SsoAccount> list) {
        return list.stream().sorted(Comparator.comparing((SsoAccount a) -> !isFavourite(a))
                .thenComparing(SsoAccount::accountName)).toList();
    }

    private static boolean matches(SsoAccount a, String filter) {
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return f.isEmpty() || a.accountName().toLowerCase(Locale.ROOT).contains(f) || a.accountId().contains(f)
                || a.emailAddress() != null && a.emailAddress().toLowerCase(Locale.ROOT).contains(f);
    }

    public ObservableList<String> sessionNames() {
        return sessionNames;
    }

    public StringProperty sessionNameProperty() {
        return sessionName;
    }

    public StringProperty startUrlProperty() {
        return startUrl;
    }

    public StringProperty ssoRegionProperty() {
        return ssoRegion;
    }

    public ObjectProperty<Boolean> typedProperty() {
        return typed;
    }

    public ObjectProperty<SsoSignIn.Flow> flowProperty() {
        return flow;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceCodeProperty() {
        return deviceCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<SsoAccount> visibleAccounts() {
        return visibleAccounts;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<SsoAccount> accountProperty() {
        return account;
    }

    public ObservableList<String> roles() {
        return roles;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public ReadOnlyObjectProperty<SsoMemory> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    /** The session signed into; empty before. */
    public Optional<SsoSession> session() {
        return Optional.ofNullable(session);
    }
}

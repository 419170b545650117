package com.lambdarelease.ui.sso;

import com.lambdarelease.release.Problems;
import com.lambdarelease.service.connection.ConnectionSpec;
import com.lambdarelease.service.sso.SignInPrompt;
import com.lambdarelease.service.sso.SsoSessionExpiredException;
import com.lambdarelease.service.sso.SsoSignIn;
import com.lambdarelease.ui.common.UiContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The status bar's view of an Identity Center connection: the session's time left, read from the
 * token cache every {@code every} (which also refreshes it quietly when it can, as botocore does);
 * within {@link #OFFER_AT} of the end, an offer to extend it in one click; once it has ended, one
 * sentence saying so. Holds no Node; tells its properties on {@code ui.fx()}.
 */
public final class SsoExpiryModel {

    /** When the status bar starts offering to extend. */
    public static final Duration OFFER_AT = Duration.ofMinutes(15);

    private final UiContext ui;
    private final SsoAccess access;
    private final Duration every;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper offerExtend = new ReadOnlyBooleanWrapper(this, "offerExtend", false);
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper(this, "expired", false);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private SsoSignIn signIn;
    private ScheduledFuture<?> poller;
    private long generation;

    public SsoExpiryModel(UiContext ui, SsoAccess access, ObservableValue<ConnectionSpec> connection, Duration every) {
        this.ui = ui;
        this.access = access;
        this.every = every;
        connection.subscribe(this::follow);
    }

    private void follow(ConnectionSpec spec) {
        long gen = ++generation;
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
        signIn = null;
        active.set(spec instanceof ConnectionSpec.Sso);
        offerExtend.set(false);
        expired.set(false);
        text.set("");
        if (!(spec instanceof ConnectionSpec.Sso sso)) {
            return;
        }
        access.session(sso).whenCompleteAsync((session, error) -> {
            if (gen != generation || error != null) {
                return;
            }
            signIn = access.signIns().signIn(session);
            poller = ui.background().scheduleWithFixedDelay(() -> check(gen), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }, ui.fx());
    }

    /** Reads the token (off the FX thread) and says what is left. */
    public void checkNow() {
        check(generation);
    }

    private void check(long gen) {
        SsoSignIn current = signIn;
        if (current == null) {
            return;
        }
        current.accessToken().whenCompleteAsync((token, error) -> {
            if (gen != generation) {
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof SsoSessionExpiredException ended) {
                showExpired(ended.getMessage());
            } else if (cause == null) {
                show(current);
            }
        }, ui.fx());
    }

    private void show(SsoSignIn current) {
        Instant now = ui.clock().instant();
        Duration left = current.knownExpiry().map(e -> Duration.between(now, e)).orElse(Duration.ZERO);
        if (left.isNegative() || left.isZero()) {
            showExpired("The IAM Identity Center sign-in to " + current.session().label()
                    + " has expired. Sign in again to continue.");
            return;
        }
        expired.set(false);
        offerExtend.set(left.compareTo(OFFER_AT) <= 0);
        text.set("Identity Center · " + current.session().label() + ": " + describe(left) + " left");
    }

    private void showExpired(String message) {
        expired.set(true);
        offerExtend.set(true);
        text.set(message);
    }

    /** Refreshes the session, or signs in again (in the browser, or with the code shown here), in one click. */
    public void extend() {
        SsoSignIn current = signIn;
        if (current == null) {
            return;
        }
        long gen = generation;
        offerExtend.set(false);
        text.set("Extending the sign-in to " + current.session().label() + "…");
        access.memory().thenCompose(m -> current.extend(m.flowFor(current.session().label())
                .map(SsoSignIn.Flow::valueOf).orElse(SsoSignIn.Flow.BROWSER), new SignInPrompt() {
                    @Override
                    public void showDeviceCode(String userCode, URI verificationUri, URI complete) {
                        ui.fx().execute(() -> text.set("Confirm the code " + userCode + " at " + complete));
                    }

                    @Override
                    public void browserOpened(URI authorizeUrl) {
                        ui.fx().execute(() -> text.set("Sign in in the browser window that opened…"));
                    }
                })).whenCompleteAsync((token, error) -> {
                    if (gen != generation) {
                        return;
                    }
                    if (error != null) {
                        offerExtend.set(true);
                        text.set("Could not extend the sign-in: " + Problems.describe(error));
                        return;
                    }
                    show(current);
                }, ui.fx());
    }

    static String describe(Duration left) {
        long minutes = left.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offerExtendProperty() {
        return offerExtend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    /** True while the connection is an Identity Center one. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}

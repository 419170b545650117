package com.lambdarelease.ui.actions;

import com.lambdarelease.ui.detail.ReleaseCommands;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Publish a new version, delete a version, copy an ARN. */
public final class VersionActions implements ReleaseCommands.Versions {

    /** A wait for AWS's update shorter than this goes unmentioned. */
    static final long WAIT_NOTICE_MS = 700;

    private final UiContext ui;
    private final LambdaService lambda;
    private final FunctionDetailViewModel detail;
    private final ActionDialogs forms;
    private final Conflicts conflicts;
    private final Consumer<String> clipboard;

    private final com.lambdarelease.service.IdentityService identity;

    public VersionActions(UiContext ui, LambdaService lambda, FunctionDetailViewModel detail, ActionDialogs forms,
                          Consumer<String> clipboard) {
        this(ui, lambda, detail, forms, clipboard, com.lambdarelease.service.IdentityService.NONE);
    }

    /** @param identity who the connection's writes go as, for the confirmations */
    public VersionActions(UiContext ui, LambdaService lambda, FunctionDetailViewModel detail, ActionDialogs forms,
                          Consumer<String> clipboard, com.lambdarelease.service.IdentityService identity) {
        this.identity = identity;
        this.ui = ui;
        this.lambda = lambda;
        this.detail = detail;
        this.forms = forms;
        this.conflicts = new Conflicts(ui, lambda, detail);
        this.clipboard = clipboard;
    }

    /**
     * Publish new version (Ctrl+P). Reads $LATEST and the versions afresh before the dialog opens, and
     * again whenever the console sees $LATEST change while it is open, so the verdict ("publishes v5" or
     * "returns v4") is never stale. Sends the CodeSha256 and RevisionId the verdict was read from, so a
     * change made after that is refused instead of published unseen.
     */
    @Override
    public CompletableFuture<Outcome> publish() {
        String fn = detail.functionNameProperty().get();
        if (fn == null || detail.latestProperty().get() == null) {
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        return readPublishState(fn).handleAsync((state, error) -> {
            if (error != null) {
                ui.notifier().failure("Reading $LATEST of " + fn + " before publishing", error);
                return CompletableFuture.completedFuture(Outcome.FAILED);
            }
            PublishForm form = new PublishForm(state.latest(), state.newest(), ui.clock().getZone());
            javafx.beans.value.ChangeListener<FunctionConfig> reread = (obs, was, now) -> readPublishState(fn)
                    .thenAcceptAsync(s -> form.refresh(s.latest(), s.newest()), ui.fx());
            detail.latestProperty().addListener(reread);
            return forms.publish(form).thenComposeAsync(go -> {
                detail.latestProperty().removeListener(reread);
                return go ? send(fn, form) : CompletableFuture.completedFuture(Outcome.CANCELLED);
            }, ui.fx());
        }, ui.fx()).thenCompose(f -> f);
    }

    /**
     * AWS refuses PublishVersion with 409 while an update is in progress, so this waits for the last
     * update to finish first (the SDK's waiter), and says so when that takes more than a moment.
     */
    private CompletableFuture<Outcome> send(String fn, PublishForm form) {
        FunctionConfig latest = form.latest();
        Optional<FunctionConfig> newest = form.newestPublished();
        CompletableFuture<Void> updated = Async.start(() -> lambda.awaitUpdated(fn));
        ui.background().schedule(() -> ui.fx().execute(() -> {
            if (!updated.isDone()) {
                ui.notifier().info("Waiting for AWS to finish the last update of " + fn
                        + " (LastUpdateStatus Successful) before publishing…");
            }
        }), WAIT_NOTICE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        // After the wait, $LATEST is read again: when AWS finishing the update renewed its RevisionId, the
        // same update (same code, same LastModified) is still what the operator saw, not someone else's change.
        return updated.thenCompose(v -> lambda.getConfiguration(fn, "$LATEST"))
                .thenCompose(now -> {
                    boolean sameUpdate = now.codeSha256().equals(latest.codeSha256())
                            && now.lastModified().equals(latest.lastModified());
                    return lambda.publishVersion(fn, form.descriptionProperty().get(), Optional.of(latest.codeSha256()),
                            Optional.ofNullable(sameUpdate ? now.revisionId() : latest.revisionId()));
                })
                .handleAsync((published, error) -> {
                    if (error == null) {
                        // The version it already had is AWS's answer to "nothing was updated", never a conflict.
                        boolean existing = newest.map(n -> n.version().equals(published.version())).orElse(false);
                        if (existing) {
                            ui.notifier().info("Nothing was updated since v" + published.version()
                                    + ": AWS returned v" + published.version() + " and kept its description.");
                        } else {
                            ui.notifier().success("Published " + fn + " v" + published.version()
                                    + (published.description().isEmpty() ? "" : " — “" + published.description() + "”"));
                        }
                        return detail.reload().thenApply(v -> Outcome.DONE);
                    }
                    if (ErrorText.isPreconditionFailure(error)) {
                        return conflicts.latestChanged(fn, "code " + latest.shortCodeSha256() + ", modified "
                                + latest.lastModified(), "publish " + form.after());
                    }
                    ui.notifier().failure("Publishing " + fn, error);
                    return CompletableFuture.completedFuture(Outcome.FAILED);
                }, ui.fx()).thenCompose(f -> f);
    }

    /** "Sent as arn:…", once STS has said who the connection is (asked when it opened); nothing before that. */
    private List<String> sentAs() {
        return identity.caller().thenApply(c -> List.of("Sent " + com.lambdarelease.release.WritePlan.asText(Optional.of(c)) + "."))
                .exceptionally(e -> List.of()).getNow(List.of());
    }

    /** $LATEST and the newest published version, read now. */
    private CompletableFuture<PublishState> readPublishState(String fn) {
        CompletableFuture<FunctionConfig> latest = Async.start(() -> lambda.getConfiguration(fn, "$LATEST"));
        CompletableFuture<List<FunctionConfig>> versions = Async.start(() -> lambda.listVersions(fn));
        return latest.thenCombine(versions, (l, all) -> new PublishState(l, all.stream()
                .filter(v -> !v.isLatest()).max(java.util.Comparator.comparingLong(v -> Long.parseLong(v.version())))));
    }

    private record PublishState(FunctionConfig latest, Optional<FunctionConfig> newest) {
    }

    /** Delete version: refused up front while aliases point at it, naming them. */
    @Override
    public CompletableFuture<Outcome> delete(FunctionConfig version) {
        String fn = version.functionName();
        if (version.isLatest()) {
            ui.dialogs().inform("$LATEST cannot be deleted", "$LATEST is the function itself; only published versions can be deleted.");
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        List<String> pointing = detail.aliasesPointingAt(version.version());
        if (!pointing.isEmpty()) {
            ui.dialogs().inform("v" + version.version() + " is in use",
                    "Version " + version.version() + " cannot be deleted while " + (pointing.size() == 1 ? "alias " : "aliases ")
                            + String.join(", ", pointing) + (pointing.size() == 1 ? " points" : " point")
                            + " at it. Point " + (pointing.size() == 1 ? "it" : "them") + " at another version first.");
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        return ui.dialogs().confirmChange("Delete version " + version.version() + " of " + fn, "_Delete",
                        "v" + version.version() + " (code " + version.shortCodeSha256() + ")" + (version.description().isEmpty()
                                ? "" : " — “" + version.description() + "”"),
                        "(deleted; version numbers are never reused)", sentAs())
                .thenComposeAsync(go -> !go ? CompletableFuture.completedFuture(Outcome.CANCELLED)
                        : Async.start(() -> lambda.deleteVersion(fn, version.version())).handleAsync((v, error) -> {
                            if (error == null) {
                                ui.notifier().success("Deleted " + fn + " v" + version.version());
                                return detail.reload().thenApply(x -> Outcome.DONE);
                            }
                            ui.notifier().failure("Deleting " + fn + " v" + version.version(), error);
                            return detail.reload().thenApply(x -> Outcome.FAILED);
                        }, ui.fx()).thenCompose(f -> f), ui.fx());
    }

    /** Copy ARN: of the selected alias or version when there is one, else of the function. */
    @Override
    public void copyArn(String arn) {
        if (arn == null || arn.isEmpty()) {
            return;
        }
        clipboard.accept(arn);
        ui.notifier().info("Copied " + arn);
    }
}

package com.lambdarelease.ui.actions;

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
public final class VersionActions {

    private final UiContext ui;
    private final LambdaService lambda;
    private final FunctionDetailViewModel detail;
    private final ActionDialogs forms;
    private final Conflicts conflicts;
    private final Consumer<String> clipboard;

    public VersionActions(UiContext ui, LambdaService lambda, FunctionDetailViewModel detail, ActionDialogs forms,
                          Consumer<String> clipboard) {
        this.ui = ui;
        this.lambda = lambda;
        this.detail = detail;
        this.forms = forms;
        this.conflicts = new Conflicts(ui, lambda, detail);
        this.clipboard = clipboard;
    }

    /**
     * Publish new version (Ctrl+P). Says first whether anything changed since the newest version;
     * sends $LATEST's CodeSha256 and RevisionId as loaded, so a change made meanwhile is refused.
     */
    public CompletableFuture<Outcome> publish() {
        String fn = detail.functionNameProperty().get();
        FunctionConfig latest = detail.latestProperty().get();
        if (fn == null || latest == null) {
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        Optional<FunctionConfig> newest = detail.newestPublished();
        PublishForm form = new PublishForm(latest, newest);
        return forms.publish(form).thenComposeAsync(go -> {
            if (!go) {
                return CompletableFuture.completedFuture(Outcome.CANCELLED);
            }
            return Async.start(() -> lambda.publishVersion(fn, form.descriptionProperty().get(),
                            Optional.of(latest.codeSha256()), Optional.ofNullable(latest.revisionId())))
                    .handleAsync((published, error) -> {
                        if (error == null) {
                            boolean existing = newest.map(n -> n.version().equals(published.version())).orElse(false);
                            if (existing) {
                                ui.notifier().info("Nothing changed since v" + published.version()
                                        + ": AWS returned the existing version instead of publishing a new one.");
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
        }, ui.fx());
    }

    /** Delete version: refused up front while aliases point at it, naming them. */
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
                        "(deleted; version numbers are never reused)")
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
    public void copyArn(String arn) {
        if (arn == null || arn.isEmpty()) {
            return;
        }
        clipboard.accept(arn);
        ui.notifier().info("Copied " + arn);
    }
}

package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Create, edit, promote, roll back and delete aliases. Every write shows before → after first,
 * carries the RevisionId it was based on, and ends in a toast with AWS's words; a
 * PreconditionFailed opens the conflict dialog instead of overwriting.
 */
public final class AliasActions {

    private final UiContext ui;
    private final LambdaService lambda;
    private final FunctionDetailViewModel detail;
    private final ActionDialogs forms;
    private final Conflicts conflicts;

    public AliasActions(UiContext ui, LambdaService lambda, FunctionDetailViewModel detail, ActionDialogs forms) {
        this.ui = ui;
        this.lambda = lambda;
        this.detail = detail;
        this.forms = forms;
        this.conflicts = new Conflicts(ui, lambda, detail);
    }

    /** Create alias (Ctrl+N): suggests the newest published version. */
    public CompletableFuture<Outcome> create() {
        String fn = detail.functionNameProperty().get();
        if (fn == null) {
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        var names = new HashSet<String>();
        detail.aliases().forEach(a -> names.add(a.name()));
        String suggested = detail.newestPublished().map(FunctionConfig::version).orElse(AwsNames.LATEST);
        AliasForm form = AliasForm.create(names, versions(), suggested, detail.provisionedConcurrency());
        return submit("Create alias on " + fn, "_Create", form,
                () -> lambda.createAlias(fn, form.nameProperty().get(), form.split(), form.descriptionProperty().get()));
    }

    /** Edit alias (Ctrl+E): version, additional version and weight, description. */
    public CompletableFuture<Outcome> edit(AliasRoute alias) {
        AliasForm form = AliasForm.edit(alias, versions(), detail.provisionedConcurrency());
        return submit("Edit alias " + alias.name(), "_Update", form,
                () -> lambda.updateAlias(alias, form.split(), form.descriptionProperty().get()));
    }

    /** Promote: all traffic to the additional version, routing cleared. */
    public CompletableFuture<Outcome> promote(AliasRoute alias) {
        if (!alias.split().isSplit()) {
            ui.dialogs().inform("Nothing to promote", alias.name() + " sends all traffic to v"
                    + alias.split().primaryVersion() + "; there is no additional version to promote.");
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        return confirmAndUpdate(alias, alias.split().promote(), "Promote " + alias.name(), "_Promote");
    }

    /**
     * Roll back: with a split, all traffic back to the primary and routing cleared; without one,
     * point the alias at an earlier version the operator picks.
     */
    public CompletableFuture<Outcome> rollBack(AliasRoute alias) {
        if (alias.split().isSplit()) {
            return confirmAndUpdate(alias, alias.split().rollBack(), "Roll back " + alias.name(), "_Roll back");
        }
        String current = alias.split().primaryVersion();
        List<String> earlier = detail.publishedNewestFirst().stream().map(FunctionConfig::version)
                .filter(v -> !AwsNames.isPublishedVersion(current) || Long.parseLong(v) < Long.parseLong(current))
                .toList();
        if (earlier.isEmpty()) {
            ui.dialogs().inform("Nothing to roll back to", "There is no published version before v" + current + ".");
            return CompletableFuture.completedFuture(Outcome.NOT_POSSIBLE);
        }
        return forms.chooseVersion("Roll back " + alias.name(), alias.name() + " sends all traffic to v" + current
                        + ". Point it at:", earlier, earlier.get(0))
                .thenCompose(choice -> choice.isEmpty() ? CompletableFuture.completedFuture(Outcome.CANCELLED)
                        : confirmAndUpdate(alias, TrafficSplit.allTo(choice.get()), "Roll back " + alias.name(),
                        "_Roll back"));
    }

    /** Delete alias: re-read first, since DeleteAlias takes no RevisionId, so a changed alias is never deleted blind. */
    public CompletableFuture<Outcome> delete(AliasRoute alias) {
        String before = AliasForm.describe(alias.split(), alias.description());
        return ui.dialogs().confirmChange("Delete alias " + alias.name(), "_Delete", alias.name() + ": " + before,
                        "(no alias " + alias.name() + "; callers of " + alias.arn() + " get ResourceNotFoundException)")
                .thenComposeAsync(go -> !go ? CompletableFuture.completedFuture(Outcome.CANCELLED)
                        : Async.start(() -> lambda.getAlias(alias.functionName(), alias.name()))
                        .thenCompose(now -> now.revisionId().equals(alias.revisionId())
                                ? lambda.deleteAlias(alias.functionName(), alias.name()).thenApply(v -> true)
                                : CompletableFuture.completedFuture(false))
                        .handleAsync((deleted, error) -> {
                            if (error != null) {
                                ui.notifier().failure("Deleting alias " + alias.name(), error);
                                return CompletableFuture.completedFuture(Outcome.FAILED);
                            }
                            if (!deleted) {
                                return conflicts.aliasChanged(alias, "delete " + alias.name());
                            }
                            ui.notifier().success("Deleted alias " + alias.name() + " (was " + before + ")");
                            return detail.reload().thenApply(v -> Outcome.DONE);
                        }, ui.fx()).thenCompose(f -> f), ui.fx());
    }

    private CompletableFuture<Outcome> confirmAndUpdate(AliasRoute alias, TrafficSplit target, String title, String verb) {
        String after = AliasForm.describe(target, alias.description());
        return ui.dialogs().confirmChange(title, verb, AliasForm.describe(alias.split(), alias.description()), after)
                .thenComposeAsync(go -> !go ? CompletableFuture.completedFuture(Outcome.CANCELLED)
                        : write(alias, after, () -> lambda.updateAlias(alias, target, alias.description()), null), ui.fx());
    }

    /** Shows the form; on OK sends; on a refusal shows the form again with AWS's words and what was typed. */
    private CompletableFuture<Outcome> submit(String title, String verb, AliasForm form,
                                              Supplier<CompletableFuture<AliasRoute>> send) {
        return forms.editAlias(title, verb, form).thenComposeAsync(ok -> {
            if (!ok || !form.isValid()) {
                return CompletableFuture.completedFuture(Outcome.CANCELLED);
            }
            form.serverErrorProperty().set("");
            String after = form.afterProperty().get();
            if (form.basedOn().isPresent()) {
                return write(form.basedOn().get(), after, send, form);
            }
            return write(null, form.nameProperty().get() + ": " + after, send, form);
        }, ui.fx()).thenComposeAsync(outcome -> outcome == Outcome.FAILED && !form.serverErrorProperty().get().isEmpty()
                ? submit(title, verb, form, send) : CompletableFuture.completedFuture(outcome), ui.fx());
    }

    /** Sends; reports success or failure in a toast; a stale RevisionId goes to the conflict dialog. */
    private CompletableFuture<Outcome> write(AliasRoute basedOn, String after, Supplier<CompletableFuture<AliasRoute>> send,
                                             AliasForm form) {
        String what = basedOn == null ? "Creating alias" : "Updating alias " + basedOn.name();
        return Async.start(send).handleAsync((saved, error) -> {
            if (error == null) {
                ui.notifier().success((basedOn == null ? "Created alias " : "Updated alias ") + saved.name() + ": "
                        + AliasForm.describe(saved.split(), saved.description())
                        + (basedOn == null ? "" : " (was " + basedOn.split().describe() + ")"));
                detail.selectedAliasProperty().set(saved);
                return detail.reload().thenApply(v -> Outcome.DONE);
            }
            if (basedOn != null && ErrorText.isPreconditionFailure(error)) {
                return conflicts.aliasChanged(basedOn, after);
            }
            ui.notifier().failure(what, error);
            if (form != null) {
                form.serverErrorProperty().set(ErrorText.awsWords(error));
            }
            return CompletableFuture.completedFuture(Outcome.FAILED);
        }, ui.fx()).thenCompose(f -> f);
    }

    /** Published versions newest first, then $LATEST: what an alias may point at. */
    private List<FunctionConfig> versions() {
        return detail.versions().stream().map(r -> r.config()).toList();
    }
}

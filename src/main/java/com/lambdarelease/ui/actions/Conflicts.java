package com.lambdarelease.ui.actions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;

import java.util.concurrent.CompletableFuture;

/**
 * What happens when AWS answers PreconditionFailed: read the thing again, show the operator what it
 * was, what it is now and what they wanted, and reload if they ask. Never retries the write.
 */
final class Conflicts {

    private final UiContext ui;
    private final LambdaService lambda;
    private final FunctionDetailViewModel detail;

    Conflicts(UiContext ui, LambdaService lambda, FunctionDetailViewModel detail) {
        this.ui = ui;
        this.lambda = lambda;
        this.detail = detail;
    }

    /** {@code loaded} was changed by someone else before {@code yourChange} could be applied. */
    CompletableFuture<Outcome> aliasChanged(AliasRoute loaded, String yourChange) {
        return Async.start(() -> lambda.getAlias(loaded.functionName(), loaded.name()))
                .handleAsync((now, error) -> ui.dialogs().showConflict(
                        loaded.name() + " was changed by someone else",
                        AliasForm.describe(loaded.split(), loaded.description()),
                        error != null ? ErrorText.describe(error) : AliasForm.describe(now.split(), now.description()),
                        yourChange), ui.fx())
                .thenCompose(answer -> answer)
                .thenComposeAsync(this::reloadIfAsked, ui.fx());
    }

    /** $LATEST changed (code or configuration) after it was loaded, so publishing it was refused. */
    CompletableFuture<Outcome> latestChanged(String functionName, String whenLoaded, String yourChange) {
        return Async.start(() -> lambda.getConfiguration(functionName, "$LATEST"))
                .handleAsync((now, error) -> ui.dialogs().showConflict(
                        "$LATEST of " + functionName + " was changed by someone else",
                        whenLoaded,
                        error != null ? ErrorText.describe(error)
                                : "code " + now.shortCodeSha256() + ", modified " + now.lastModified(),
                        yourChange), ui.fx())
                .thenCompose(answer -> answer)
                .thenComposeAsync(this::reloadIfAsked, ui.fx());
    }

    private CompletableFuture<Outcome> reloadIfAsked(boolean reload) {
        if (!reload) {
            return CompletableFuture.completedFuture(Outcome.CONFLICT);
        }
        return detail.reload().thenApply(v -> Outcome.CONFLICT);
    }
}

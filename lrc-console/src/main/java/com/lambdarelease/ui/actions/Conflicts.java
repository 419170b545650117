package com.lambdarelease.ui.actions;

import com.lambdarelease.service.LambdaService;
import com.lambdarelease.ui.common.Async;
import com.lambdarelease.ui.common.ErrorText;
import com.lambdarelease.ui.common.UiContext;
import com.lambdarelease.ui.detail.FunctionDetailViewModel;

import java.util.concurrent.CompletableFuture;

/**
 * What happens when AWS answers PreconditionFailed to a publish: read $LATEST again, show the operator
 * what it was, what it is now and what they wanted, and reload if they ask. Never retries the write.
 * (Alias conflicts come from the release core's AliasWriter and are shown by WriteDialogs.)
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

package com.lambdarelease.service;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.InvocationResult;
import com.lambdarelease.domain.TrafficSplit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Lambda versions and aliases, asynchronously. Every future fails with a typed
 * {@link com.lambdarelease.service.errors.AwsServiceException} carrying AWS's message, or with
 * {@link com.lambdarelease.domain.InvalidInputException} for input refused before any request.
 * No method throws on the calling thread, and nothing here blocks it.
 *
 * <p>Listings ask again for a page that AWS keeps throttling or failing (5xx), resuming at the same
 * Marker; when they give up, the future fails with
 * {@link com.lambdarelease.service.errors.IncompleteListingException}, whose cause is the typed failure.
 */
public interface LambdaService {

    /**
     * Lists every function, handing each page (up to 50, as AWS pages them) to {@code onPage} as
     * it arrives, on a client thread. Completes with the total count.
     */
    CompletableFuture<Integer> listFunctions(Consumer<List<FunctionSummary>> onPage);

    /** Lists every function, all pages. */
    CompletableFuture<List<FunctionSummary>> listAllFunctions();

    /** Every version of a function ({@code $LATEST} first, then oldest to newest), all pages. */
    CompletableFuture<List<FunctionConfig>> listVersions(String functionName);

    /** Every alias of a function, all pages. */
    CompletableFuture<List<AliasRoute>> listAliases(String functionName);

    CompletableFuture<AliasRoute> getAlias(String functionName, String aliasName);

    /** The configuration of a version or alias ({@code qualifier}), or of {@code $LATEST}. */
    CompletableFuture<FunctionConfig> getConfiguration(String functionName, String qualifier);

    /**
     * Publishes $LATEST as a new version. When code and configuration are unchanged AWS returns the
     * existing latest version instead. The preconditions, when given, make AWS refuse if $LATEST
     * changed since it was read.
     */
    CompletableFuture<FunctionConfig> publishVersion(String functionName, String description,
                                                     Optional<String> expectedCodeSha256,
                                                     Optional<String> expectedRevisionId);

    /**
     * Completes once the function's last update has finished (LastUpdateStatus Successful), polling as
     * the SDK's FunctionUpdatedV2 waiter does (GetFunction every second, up to 5 minutes). Fails with
     * {@link com.lambdarelease.service.errors.UpdateFailedException} carrying AWS's reason when the
     * update ended Failed, or with the typed failure of the polling. PublishVersion and further updates
     * are refused with 409 while an update is in progress, so publishers wait here first.
     *
     * <p>The default completes at once, for stand-ins that have no update states.
     */
    default CompletableFuture<Void> awaitUpdated(String functionName) {
        return CompletableFuture.completedFuture(null);
    }

    CompletableFuture<AliasRoute> createAlias(String functionName, String aliasName, TrafficSplit split,
                                              String description);

    /**
     * Points {@code basedOn} at {@code split}. Sends the RevisionId {@code basedOn} was read with,
     * so a change made by someone else since fails with PreconditionFailedException instead of
     * being overwritten.
     */
    CompletableFuture<AliasRoute> updateAlias(AliasRoute basedOn, TrafficSplit split, String description);

    /** Deletes an alias. Lambda's DeleteAlias takes no RevisionId; callers re-read first. */
    CompletableFuture<Void> deleteAlias(String functionName, String aliasName);

    /** Deletes one published version (never $LATEST; AWS refuses while an alias points at it). */
    CompletableFuture<Void> deleteVersion(String functionName, String version);

    /**
     * The provisioned concurrency configured on a function: alias name or version number to the
     * requested executions, all pages; empty when there is none. It exists for the routing warning:
     * weighted routing on an alias with provisioned concurrency sends the canary's share to
     * environments that are not warm (spill-over), so the console must say so before a split.
     */
    CompletableFuture<Map<String, Integer>> provisionedConcurrency(String functionName);

    /** Invokes {@code functionName:qualifier} synchronously (RequestResponse) and reports which version ran. */
    CompletableFuture<InvocationResult> invoke(String functionName, String qualifier, String payloadJson);

    /** The function's ARN and tags (GetFunction). */
    default CompletableFuture<com.lambdarelease.domain.FunctionTags> tags(String functionName) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("This connection reads no tags."));
    }

    /** Adds or replaces {@code tags} on the function {@code functionArn} (TagResource). */
    default CompletableFuture<Void> tag(String functionArn, Map<String, String> tags) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("This connection writes no tags."));
    }

    /** Removes the tags {@code keys} from the function {@code functionArn} (UntagResource). */
    default CompletableFuture<Void> untag(String functionArn, java.util.Collection<String> keys) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("This connection writes no tags."));
    }
}

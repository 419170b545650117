package com.lambdarelease.service;

import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.AwsServiceException;
import com.lambdarelease.service.errors.IncompleteListingException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks a Marker-paged Lambda listing to its end, one page after the other. A page that still fails
 * with throttling or a 5xx after the SDK's retries is asked for again with the same Marker, per
 * {@link PageRetry}; the listing resumes from there, so no page is handed over twice and none is
 * skipped. When the retries give up, the future fails with an {@link IncompleteListingException}
 * saying how far it got; any other failure passes through as it is.
 *
 * @param <T> what one page holds
 */
final class PagedListing<T> {

    /** One page as AWS answered it; a null or empty {@code nextMarker} ends the listing. */
    record Page<T>(List<T> items, String nextMarker) {
        boolean isLast() {
            return nextMarker == null || nextMarker.isEmpty();
        }
    }

    private final String what;
    private final Function<String, CompletableFuture<Page<T>>> fetch;
    private final Consumer<List<T>> onPage;
    private final PageRetry retry;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    // Only touched by the one request in flight (each page waits for the one before it).
    private int items;
    private int pages;

    private PagedListing(String what, Function<String, CompletableFuture<Page<T>>> fetch, Consumer<List<T>> onPage,
                         PageRetry retry) {
        this.what = what;
        this.fetch = fetch;
        this.onPage = onPage;
        this.retry = retry;
    }

    /**
     * Lists every page, handing each to {@code onPage} as it arrives; completes with the item count.
     *
     * @param what  the items in the operator's words, for the give-up message ("functions", "versions")
     * @param fetch asks for the page at a Marker (null for the first page)
     */
    static <T> CompletableFuture<Integer> each(String what, Function<String, CompletableFuture<Page<T>>> fetch,
                                               Consumer<List<T>> onPage, PageRetry retry) {
        PagedListing<T> listing = new PagedListing<>(what, fetch, onPage, retry);
        listing.request(null, 1);
        return listing.result;
    }

    private void request(String marker, int attempt) {
        CompletableFuture<Page<T>> page;
        try {
            page = fetch.apply(marker);
        } catch (RuntimeException e) {
            page = CompletableFuture.failedFuture(e);
        }
        page.whenComplete((answer, error) -> {
            if (error != null) {
                failed(marker, attempt, AwsErrors.translate(error));
                return;
            }
            try {
                onPage.accept(answer.items());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            items += answer.items().size();
            pages++;
            if (answer.isLast()) {
                result.complete(items);
            } else {
                request(answer.nextMarker(), 1);
            }
        });
    }

    private void failed(String marker, int attempt, Throwable error) {
        if (!PageRetry.isTransient(error)) {
            result.completeExceptionally(error);
        } else if (attempt < retry.attempts()) {
            Duration wait = retry.delayAfter(attempt);
            try {
                retry.timer().schedule(() -> request(marker, attempt + 1), wait);
            } catch (RuntimeException timerGone) { // shutting down
                error.addSuppressed(timerGone);
                result.completeExceptionally(error);
            }
        } else {
            result.completeExceptionally(new IncompleteListingException(what, items, pages, (AwsServiceException) error));
        }
    }
}

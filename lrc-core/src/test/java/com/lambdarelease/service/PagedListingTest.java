package com.lambdarelease.service;

import com.lambdarelease.service.PagedListing.Page;
import com.lambdarelease.service.errors.AwsServiceException;
import com.lambdarelease.service.errors.IncompleteListingException;
import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.ThrottledException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The page walk on its own: which Marker is asked for again, and what the operator reads when it gives up. */
class PagedListingTest {

    /** Runs the retry at once on the caller's thread: the delays are covered by PageRetry's own rules. */
    private static final PageRetry THREE_TRIES = new PageRetry(3, Duration.ZERO, Duration.ZERO, (task, delay) -> task.run());

    private final List<String> askedFor = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Ten pages of 50 ("m1".."m9" between them); {@code failing} answers instead for the page at a marker. */
    private PagedListing.Fetch<Integer> tenPages(Function<String, Throwable> failing) {
        return (marker, seen) -> {
            askedFor.add(String.valueOf(marker));
            Throwable error = failing.apply(marker);
            if (error != null) {
                return CompletableFuture.failedFuture(error);
            }
            int page = marker == null ? 0 : Integer.parseInt(marker.substring(1));
            List<Integer> items = IntStream.range(page * 50, page * 50 + 50).boxed().toList();
            return CompletableFuture.completedFuture(new Page<>(items, page == 9 ? null : "m" + (page + 1)));
        };
    }

    private static ThrottledException throttled() {
        return new ThrottledException("TooManyRequestsException", 429, "Rate exceeded", null);
    }

    @Test
    void aPageThatFailsTwiceIsAskedForAgainWithTheSameMarkerAndNothingIsDeliveredTwice() throws Exception {
        int[] failuresLeft = {2};
        List<Integer> delivered = new ArrayList<>();

        int total = PagedListing.each("functions", tenPages(m -> "m4".equals(m) && failuresLeft[0]-- > 0
                ? new AwsServiceException("ServiceException", 500, "boom", null) : null), delivered::addAll, THREE_TRIES)
                .get(5, TimeUnit.SECONDS);

        assertThat(total).isEqualTo(500);
        assertThat(delivered).hasSize(500).doesNotHaveDuplicates();
        assertThat(askedFor).containsExactly("null", "m1", "m2", "m3", "m4", "m4", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void whenThePageKeepsFailingTheErrorSaysHowFarTheListingGot() {
        List<Integer> delivered = new ArrayList<>();

        Throwable failure = failureOf(PagedListing.each("functions", tenPages(m -> "m7".equals(m) ? throttled() : null),
                delivered::addAll, THREE_TRIES));

        assertThat(failure).isInstanceOf(IncompleteListingException.class)
                .hasMessage("Listed 350 functions (7 pages) before AWS kept failing: Rate exceeded")
                .hasCauseInstanceOf(ThrottledException.class);
        assertThat(((IncompleteListingException) failure).itemsListed()).isEqualTo(350);
        assertThat(delivered).hasSize(350);
        assertThat(askedFor).endsWith("m7", "m7", "m7");
    }

    @Test
    void aFailureThatIsNotTransientIsNotRetriedAndKeepsItsType() {
        Throwable failure = failureOf(PagedListing.each("versions", tenPages(m -> "m2".equals(m)
                ? new NotFoundException("ResourceNotFoundException", 404, "Function not found", null) : null),
                page -> { }, THREE_TRIES));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        assertThat(askedFor).containsExactly("null", "m1", "m2");
    }

    /** Pages whose answers the test gives by hand; {@code seen} says each page's NextMarker early. */
    private final java.util.Map<String, CompletableFuture<Page<Integer>>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.util.function.Consumer<String>> earlyListeners = new java.util.concurrent.ConcurrentHashMap<>();

    private PagedListing.Fetch<Integer> byHand() {
        return (marker, seen) -> {
            String key = String.valueOf(marker);
            askedFor.add(key);
            earlyListeners.put(key, seen);
            return inFlight.computeIfAbsent(key, k -> new CompletableFuture<>());
        };
    }

    private static Page<Integer> page(int first, String next) {
        return new Page<>(List.of(first, first + 1), next);
    }

    @Test
    void theNextPageIsAskedForAsSoonAsItsMarkerIsSeenAndHandedOverInOrder() throws Exception {
        List<Integer> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Integer> listing = PagedListing.each("functions", byHand(), delivered::addAll, THREE_TRIES);

        earlyListeners.get("null").accept("m1");
        assertThat(askedFor).containsExactly("null", "m1"); // before the first page is answered
        inFlight.get("m1").complete(page(2, null));           // the second page answers first
        assertThat(delivered).isEmpty();
        inFlight.get("null").complete(page(0, "m1"));

        assertThat(listing.get(5, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(delivered).containsExactly(0, 1, 2, 3);
        assertThat(askedFor).containsExactly("null", "m1");
    }

    @Test
    void aLookAheadThatThePageBeforeItContradictsIsDroppedUnread() throws Exception {
        List<Integer> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Integer> listing = PagedListing.each("functions", byHand(), delivered::addAll, THREE_TRIES);

        earlyListeners.get("null").accept("wrong");
        inFlight.get("wrong").complete(page(100, null));
        inFlight.get("null").complete(page(0, "m1"));
        inFlight.get("m1").complete(page(2, null));

        assertThat(listing.get(5, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(delivered).containsExactly(0, 1, 2, 3);
        assertThat(askedFor).containsExactly("null", "wrong", "m1");
    }

    @Test
    void whenThePageBeforeALookAheadFailsItIsAskedForAgainAndTheLookAheadIsDropped() throws Exception {
        List<Integer> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Set<String> failOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        failOnce.add("null");
        PagedListing.Fetch<Integer> fetch = (marker, seen) -> {
            String key = String.valueOf(marker);
            askedFor.add(key);
            if (failOnce.remove(key)) {
                seen.accept("m1");
                return CompletableFuture.failedFuture(new AwsServiceException("ServiceException", 500, "boom", null));
            }
            return CompletableFuture.completedFuture(key.equals("null") ? page(0, "m1") : page(2, null));
        };

        int total = PagedListing.each("functions", fetch, delivered::addAll, THREE_TRIES).get(5, TimeUnit.SECONDS);

        assertThat(total).isEqualTo(4);
        assertThat(delivered).containsExactly(0, 1, 2, 3);
        assertThat(askedFor).containsExactly("null", "m1", "null", "m1");
    }

    @Test
    void atMostOnePageIsAskedForAhead() throws Exception {
        List<Integer> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Integer> listing = PagedListing.each("functions", byHand(), delivered::addAll, THREE_TRIES);

        earlyListeners.get("null").accept("m1");
        earlyListeners.get("m1").accept("m2");   // the look-ahead's own marker, while it is not yet the current page
        earlyListeners.get("null").accept("m1"); // said twice
        assertThat(askedFor).containsExactly("null", "m1");
        inFlight.get("null").complete(page(0, "m1"));
        earlyListeners.get("m1").accept("m2");   // now it is
        assertThat(askedFor).containsExactly("null", "m1", "m2");
        inFlight.get("m2").complete(page(4, null));
        inFlight.get("m1").complete(page(2, "m2"));

        assertThat(listing.get(5, TimeUnit.SECONDS)).isEqualTo(6);
        assertThat(delivered).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void backoffDoublesFromTheFirstDelayAndNeverPassesTheMaximum() {
        PageRetry retry = new PageRetry(6, Duration.ofMillis(100), Duration.ofMillis(400), (task, delay) -> { });

        assertThat(retry.delayAfter(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(retry.delayAfter(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(retry.delayAfter(5)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    private static Throwable failureOf(CompletableFuture<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }
}

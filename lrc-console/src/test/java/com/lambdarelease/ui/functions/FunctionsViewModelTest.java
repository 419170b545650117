package com.lambdarelease.ui.functions;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.InvocationResult;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.errors.ThrottledException;
import com.lambdarelease.ui.common.ScriptedDialogs;
import com.lambdarelease.ui.common.ToastNotifier;
import com.lambdarelease.ui.common.UiContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The functions list as a view-model: paging, counting, filtering; same-thread executor, scripted service. */
class FunctionsViewModelTest {

    /** Hands out pages only when the test says so. */
    static final class PagedService implements LambdaService {
        final List<Consumer<List<FunctionSummary>>> listeners = new ArrayList<>();
        final List<CompletableFuture<Integer>> calls = new ArrayList<>();

        @Override
        public CompletableFuture<Integer> listFunctions(Consumer<List<FunctionSummary>> onPage) {
            listeners.add(onPage);
            CompletableFuture<Integer> done = new CompletableFuture<>();
            calls.add(done);
            return done;
        }

        void page(int call, int from, int count) {
            listeners.get(call).accept(IntStream.range(from, from + count).mapToObj(FunctionsViewModelTest::fn).toList());
        }

        // Not used by the list.
        @Override public CompletableFuture<List<FunctionSummary>> listAllFunctions() { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<List<FunctionConfig>> listVersions(String f) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<List<AliasRoute>> listAliases(String f) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<AliasRoute> getAlias(String f, String a) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<FunctionConfig> getConfiguration(String f, String q) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<FunctionConfig> publishVersion(String f, String d, Optional<String> s, Optional<String> r) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<AliasRoute> createAlias(String f, String a, TrafficSplit s, String d) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<AliasRoute> updateAlias(AliasRoute b, TrafficSplit s, String d) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<Void> deleteAlias(String f, String a) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<Void> deleteVersion(String f, String v) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<java.util.Map<String, Integer>> provisionedConcurrency(String f) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<InvocationResult> invoke(String f, String q, String p) { throw new UnsupportedOperationException(); }
    }

    static FunctionSummary fn(int i) {
        return new FunctionSummary(String.format("fn-%05d", i), "arn:" + i, i % 2 == 0 ? "python3.13" : "nodejs20.x",
                128, 3, Instant.EPOCH, "");
    }

    private final PagedService service = new PagedService();
    private final ToastNotifier toasts = new ToastNotifier();
    private final List<Runnable> fxQueue = new ArrayList<>();

    private FunctionsViewModel model(Executor fx) {
        return new FunctionsViewModel(new UiContext(fx, null, Clock.systemUTC(), new ScriptedDialogs(), toasts), service);
    }

    @Test
    void pagesStreamInWithARunningCountThenTheTotal() {
        FunctionsViewModel model = model(Runnable::run);
        model.load();
        service.page(0, 0, 50);
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.summary().get()).isEqualTo("Loading functions… 50 so far");
        service.page(0, 50, 20);
        service.calls.get(0).complete(70);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.visibleFunctions()).hasSize(70);
        assertThat(model.summary().get()).isEqualTo("70 functions");
    }

    @Test
    void pagesThatArriveTogetherReachTheFxThreadAsOneUpdate() {
        FunctionsViewModel model = model(fxQueue::add);
        model.load();
        for (int p = 0; p < 10; p++) {
            service.page(0, p * 50, 50);
        }
        assertThat(fxQueue).as("one drain scheduled for ten pages").hasSize(1);
        fxQueue.remove(0).run();
        assertThat(model.loadedProperty().get()).isEqualTo(500);
    }

    @Test
    void filteringAsYouTypeMatchesNameOrRuntime() {
        FunctionsViewModel model = model(Runnable::run);
        model.load();
        service.page(0, 0, 100);
        service.calls.get(0).complete(100);
        model.filterProperty().set("fn-0004");
        assertThat(model.visibleFunctions()).extracting(FunctionSummary::name).hasSize(10).allMatch(n -> n.startsWith("fn-0004"));
        assertThat(model.summary().get()).isEqualTo("10 match · 100 functions");
        model.filterProperty().set("NODEJS");
        assertThat(model.visibleFunctions()).hasSize(50);
        model.filterProperty().set("");
        assertThat(model.visibleFunctions()).hasSize(100);
    }

    @Test
    void aReloadDropsPagesOfTheOldListing() {
        FunctionsViewModel model = model(Runnable::run);
        model.load();
        service.page(0, 0, 50);
        model.load();
        service.page(0, 50, 50);
        service.calls.get(0).complete(100);
        service.page(1, 0, 3);
        service.calls.get(1).complete(3);
        assertThat(model.visibleFunctions()).hasSize(3);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailedListingSaysSoInPlainWordsWithAwsMessage() {
        FunctionsViewModel model = model(Runnable::run);
        model.load();
        service.calls.get(0).completeExceptionally(new ThrottledException("TooManyRequestsException", 429, "Rate exceeded", null));
        assertThat(model.errorProperty().get()).contains("throttling").contains("Rate exceeded");
        assertThat(toasts.toasts().get(0).title()).isEqualTo("Throttled by AWS");
    }

    private static FunctionSummary changed(FunctionSummary f) {
        return new FunctionSummary(f.name(), f.arn(), "java21", 1024, f.timeoutSeconds(), f.lastModified().plusSeconds(60), "");
    }

    @Test
    void aCachedListShowsAtOnceMarkedAsOfItsTimeAndTheListingUpdatesItInPlace() {
        FunctionsViewModel model = new FunctionsViewModel(new UiContext(Runnable::run, null, Clock.systemUTC(),
                new ScriptedDialogs(), toasts));
        Instant savedAt = Instant.parse("2026-12-01T21:14:00Z");
        model.showCached(new com.lambdarelease.service.cache.CachedListing(Optional.empty(), savedAt,
                List.of(fn(0), fn(1), fn(2), fn(3)), true));
        String asOf = FunctionsViewModel.AS_OF.format(savedAt);
        assertThat(model.summary().get()).isEqualTo("4 functions · as of " + asOf + ", refreshing…");
        FunctionSummary unchanged = model.allFunctions().get(0);
        model.connect(service, com.lambdarelease.service.cache.ConnectionCache.none());
        model.load();
        assertThat(model.visibleFunctions()).as("nothing cleared while AWS is asked").hasSize(4);
        assertThat(model.summary().get()).isEqualTo("4 functions · as of " + asOf + ", refreshing…");
        // AWS now has: fn-0 as it was, fn-1 changed, a new fn-00001a after it, fn-2 gone, fn-3 as it was, fn-4 new
        FunctionSummary added = new FunctionSummary("fn-00001a", "arn:x", "python3.13", 128, 3, Instant.EPOCH, "");
        service.listeners.get(0).accept(List.of(fn(0), changed(fn(1)), added));
        assertThat(model.allFunctions()).extracting(FunctionSummary::name)
                .containsExactly("fn-00000", "fn-00001", "fn-00001a", "fn-00002", "fn-00003");
        assertThat(model.allFunctions().get(0)).as("an unchanged row is the same object").isSameAs(unchanged);
        assertThat(model.allFunctions().get(1).runtime()).isEqualTo("java21");
        assertThat(model.summary().get()).endsWith("refreshing… 3 checked");
        service.listeners.get(0).accept(List.of(fn(3), fn(4)));
        service.calls.get(0).complete(5);
        assertThat(model.allFunctions()).extracting(FunctionSummary::name)
                .containsExactly("fn-00000", "fn-00001", "fn-00001a", "fn-00003", "fn-00004");
        assertThat(model.cachedAtProperty().get()).isNull();
        assertThat(model.summary().get()).isEqualTo("5 functions");
    }

    @Test
    void aListingThatFailsHalfwayRemovesNothingAndKeepsTheAsOfMark() {
        FunctionsViewModel model = model(Runnable::run);
        Instant savedAt = Instant.parse("2026-12-01T21:14:00Z");
        model.showCached(new com.lambdarelease.service.cache.CachedListing(Optional.empty(), savedAt,
                List.of(fn(0), fn(1), fn(2)), true));
        model.load();
        service.page(0, 0, 1);
        service.calls.get(0).completeExceptionally(new ThrottledException("TooManyRequestsException", 429, "Rate exceeded", null));
        assertThat(model.allFunctions()).hasSize(3);
        assertThat(model.cachedAtProperty().get()).isEqualTo(savedAt);
        assertThat(model.errorProperty().get()).contains("Rate exceeded");
    }
}

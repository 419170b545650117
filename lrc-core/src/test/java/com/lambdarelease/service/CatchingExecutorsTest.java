package com.lambdarelease.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Background pools that tell someone when a task throws, instead of keeping it in a future nobody reads. */
class CatchingExecutorsTest {

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final Semaphore reports = new Semaphore(0);
    private final ScheduledExecutorService timer = CatchingExecutors.scheduled("test-timer", 1, this::report);
    private final ExecutorService io = CatchingExecutors.cached("test-io", this::report);

    private void report(Throwable error) {
        reported.add(error);
        reports.release();
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        io.shutdownNow();
    }

    @Test
    void aPeriodicTaskThatThrowsOnceIsReportedAndKeepsRunning() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ranAgain = new CountDownLatch(3);
        IllegalStateException boom = new IllegalStateException("metric poll failed");

        timer.scheduleWithFixedDelay(() -> {
            ranAgain.countDown();
            if (runs.incrementAndGet() == 1) {
                throw boom;
            }
        }, 0, 1, TimeUnit.MILLISECONDS);

        assertThat(ranAgain.await(10, TimeUnit.SECONDS)).as("still running after the throw").isTrue();
        assertThat(reported).containsExactly(boom);
    }

    @Test
    void aFixedRateTaskThatThrowsIsReportedWithItsError() throws Exception {
        timer.scheduleAtFixedRate(() -> {
            throw new IllegalArgumentException("bad tick");
        }, 0, 1, TimeUnit.HOURS);

        assertThat(reports.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reported.get(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad tick");
    }

    @Test
    void aPeriodicTaskStoppedByAnErrorIsReportedAsStopped() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        var future = timer.scheduleWithFixedDelay(() -> {
            runs.incrementAndGet();
            throw new AssertionError("fatal");
        }, 0, 1, TimeUnit.MILLISECONDS);

        assertThat(reports.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reported.get(0)).isInstanceOf(AssertionError.class);
        assertThat(future.isDone()).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aOneShotScheduledTaskAndAnExecutedTaskThatThrowAreReported() throws Exception {
        timer.schedule(() -> {
            throw new IllegalStateException("timer task");
        }, 1, TimeUnit.MILLISECONDS);
        io.execute(() -> {
            throw new IllegalStateException("io task");
        });

        assertThat(reports.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
        assertThat(reported).extracting(Throwable::getMessage).containsExactlyInAnyOrder("timer task", "io task");
    }

    @Test
    void workRunThroughACompletableFutureFailsItsFutureAndIsNotReportedTwice() throws Exception {
        CompletableFuture<Object> f = CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("handled by the caller");
        }, io);

        assertThat(f).failsWithin(10, TimeUnit.SECONDS);
        io.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertThat(reported).isEmpty();
    }

    @Test
    void threadsAreNamedDaemons() throws Exception {
        Thread thread = timer.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

        assertThat(thread.getName()).startsWith("test-timer-");
        assertThat(thread.isDaemon()).isTrue();
    }

    /**
     * The console closes its timer pool this way: a cache write queued as the window closed (the listing
     * just done) is written, not dropped with the pool, while a fade-out due in a minute is not waited for.
     */
    @Test
    void anOrderlyCloseFinishesQueuedWorkAndDropsTimers() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger faded = new AtomicInteger();
        timer.execute(() -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            written.incrementAndGet();
        });
        timer.execute(written::incrementAndGet); // queued behind the first on this one-thread pool
        timer.schedule(faded::incrementAndGet, 1, TimeUnit.MINUTES);
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

        CatchingExecutors.closeAfterQueuedWork(timer);
        release.countDown();

        assertThat(timer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(written).hasValue(2);
        assertThat(faded).hasValue(0);
    }
}

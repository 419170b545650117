package com.lambdarelease.service;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Named daemon pools that never lose a failure: whatever a task throws is logged with the thread's
 * name and handed to a failure listener (the composition root shows it to the operator). A plain
 * {@link ScheduledThreadPoolExecutor} keeps a periodic task's exception inside its future and
 * silently stops the task; here a periodic task that throws is reported and runs again at its next
 * time. Only an {@link Error} stops it, and that is reported as a stop.
 *
 * <p>Tasks run through {@code CompletableFuture.*Async} catch their own failures into their future,
 * so they are not reported twice here.
 */
public final class CatchingExecutors {

    private static final Logger LOG = Logger.getLogger(CatchingExecutors.class.getName());

    private CatchingExecutors() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}…; anything uncaught is reported too. */
    public static ThreadFactory daemonThreads(String prefix, Consumer<Throwable> onFailure) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> report(th.getName(), "Unhandled failure", e, onFailure));
            return t;
        };
    }

    /** A growing pool for blocking work (disk, opening connections); idle threads end after a minute. */
    public static ExecutorService cached(String prefix, Consumer<Throwable> onFailure) {
        return new Cached(daemonThreads(prefix, onFailure), onFailure);
    }

    /** A timer pool whose periodic tasks survive a throw; cancelled tasks leave the queue at once. */
    public static ScheduledExecutorService scheduled(String prefix, int threads, Consumer<Throwable> onFailure) {
        return new Scheduled(threads, daemonThreads(prefix, onFailure), onFailure);
    }

    /**
     * Closes {@code pool} in order: what is running or due now still runs (a cache file being written as the
     * window closes), delayed and periodic tasks are dropped, nothing new is taken. Does not wait: whoever
     * may wait (the launcher's main thread, never the FX thread) awaits its termination.
     */
    public static void closeAfterQueuedWork(ScheduledExecutorService pool) {
        if (pool instanceof ScheduledThreadPoolExecutor stpe) {
            stpe.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            stpe.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        }
        pool.shutdown();
    }

    /** Logs with the thread's name, then tells the listener; a listener that throws is only logged. */
    private static void report(String thread, String what, Throwable error, Consumer<Throwable> onFailure) {
        LOG.log(Level.SEVERE, what + " on " + thread, error);
        try {
            onFailure.accept(error);
        } catch (RuntimeException listenerFailure) {
            LOG.log(Level.SEVERE, "The failure listener itself failed on " + thread, listenerFailure);
        }
    }

    /**
     * The failure a finished task left in its future, if any (not a cancellation). What a plain
     * {@code execute}d task threw is left to the thread's uncaught-exception handler, so it is
     * reported once.
     */
    private static Throwable failureOf(Runnable task) {
        if (task instanceof Future<?> future && future.isDone() && !future.isCancelled()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    private static final class Cached extends ThreadPoolExecutor {
        private final Consumer<Throwable> onFailure;

        Cached(ThreadFactory threads, Consumer<Throwable> onFailure) {
            super(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
            this.onFailure = onFailure;
        }

        @Override
        protected void afterExecute(Runnable task, Throwable thrown) {
            Throwable failure = failureOf(task);
            if (failure != null) {
                report(Thread.currentThread().getName(), "Background task failed", failure, onFailure);
            }
        }
    }

    private static final class Scheduled extends ScheduledThreadPoolExecutor {
        private final Consumer<Throwable> onFailure;

        Scheduled(int threads, ThreadFactory factory, Consumer<Throwable> onFailure) {
            super(threads, factory);
            this.onFailure = onFailure;
            setRemoveOnCancelPolicy(true);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return super.scheduleAtFixedRate(keepRunning(command), initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return super.scheduleWithFixedDelay(keepRunning(command), initialDelay, delay, unit);
        }

        /** Reports an exception and swallows it, so the executor schedules the next run. */
        private Runnable keepRunning(Runnable command) {
            return () -> {
                try {
                    command.run();
                } catch (RuntimeException e) {
                    report(Thread.currentThread().getName(), "Periodic task failed (it runs again at its next time)",
                            e, onFailure);
                }
            };
        }

        @Override
        protected void afterExecute(Runnable task, Throwable thrown) {
            Throwable failure = failureOf(task);
            if (failure != null) {
                String what = failure instanceof Error ? "Scheduled task failed and stopped" : "Scheduled task failed";
                report(Thread.currentThread().getName(), what, failure, onFailure);
            }
        }
    }
}

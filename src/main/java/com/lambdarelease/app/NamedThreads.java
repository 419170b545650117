package com.lambdarelease.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Named daemon pools that log what nobody handled, so a failure in the background is never silent. */
final class NamedThreads {
    private static final Logger LOG = Logger.getLogger(NamedThreads.class.getName());

    private NamedThreads() {
    }

    static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.SEVERE, "Unhandled failure on " + th.getName(), e));
            return t;
        };
    }

    static ExecutorService cached(String prefix) {
        return Executors.newCachedThreadPool(factory(prefix));
    }

    static ScheduledExecutorService scheduled(String prefix, int threads) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, factory(prefix));
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}

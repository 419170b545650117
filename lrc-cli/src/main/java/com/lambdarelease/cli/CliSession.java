package com.lambdarelease.cli;

import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.connection.ConnectionSpec;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command's connection: the release session opened through the {@link SessionFactory}, and the
 * pools it runs on, all closed when the command ends. The command line blocks on futures; it has
 * no UI thread to keep free.
 */
final class CliSession implements AutoCloseable {

    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final SessionFactory factory;
    private final ReleaseSession session;

    private CliSession(ExecutorService io, ScheduledExecutorService scheduler, SessionFactory factory,
                       ReleaseSession session) {
        this.io = io;
        this.scheduler = scheduler;
        this.factory = factory;
        this.session = session;
    }

    static CliSession open(GlobalOptions options, CliContext context, PrintWriter err, boolean traffic) {
        ConnectionSpec spec = options.connectionSpec(context.env(), context.home());
        ExecutorService io = Executors.newCachedThreadPool(daemon("cli-io"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("cli-timer"));
        // No history, and traffic only for a rollout: most commands last seconds and the sandbox ends with them.
        SessionFactory factory = new SessionFactory(io, scheduler,
                context.sandbox().starter(options.sandboxSpeed(), traffic), CliSso.signIns(context, io, scheduler));
        try {
            ReleaseJournal journal = ReleaseJournal.at(options.journalFile(context.env(), context.home()));
            journal.reportWriteFailuresTo(new TerminalFeedback(err));
            ReleaseSession session = await(factory.openSession(spec, journal));
            factory.sandboxEndpoint().ifPresent(uri -> {
                err.println("Embedded sandbox on " + uri + "; its changes end with this command "
                        + "(keep one running with `sandbox --port 4599`).");
                err.flush();
            });
            return new CliSession(io, scheduler, factory, session);
        } catch (RuntimeException e) {
            factory.close();
            io.shutdownNow();
            scheduler.shutdownNow();
            throw e;
        }
    }

    ReleaseSession session() {
        return session;
    }

    LambdaService lambda() {
        return session.services().lambda();
    }

    /** Waits for {@code future}; its failure is rethrown as it is (no CompletionException wrapper). */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (Exception e) {
            // Closing clients at exit: nothing the operator can act on.
        }
        factory.close();
        io.shutdownNow();
        scheduler.shutdownNow();
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.release.Feedback;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.SessionFactory;
import com.lambdarelease.service.CatchingExecutors;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.connection.ConnectionSpec;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

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
    private final Feedback feedback;

    private CliSession(ExecutorService io, ScheduledExecutorService scheduler, SessionFactory factory,
                       ReleaseSession session, Feedback feedback) {
        this.feedback = feedback;
        this.io = io;
        this.scheduler = scheduler;
        this.factory = factory;
        this.session = session;
    }

    static CliSession open(GlobalOptions options, CliContext context, PrintWriter err, boolean traffic) {
        ConnectionSpec spec = options.connectionSpec(context.env(), context.home());
        // Whatever a background task throws is said on standard error, not lost with its thread.
        TerminalFeedback feedback = new TerminalFeedback(err);
        ExecutorService io = pool("cli-io", feedback);
        ScheduledExecutorService scheduler = timer("cli-timer", feedback);
        // No history, and traffic only for a rollout: most commands last seconds and the sandbox ends with them.
        SessionFactory factory = new SessionFactory(io, scheduler,
                context.sandbox().starter(options.sandboxSpeed(), traffic), CliSso.signIns(context, io, scheduler));
        try {
            ReleaseJournal journal = ReleaseJournal.at(options.journalFile(context.env(), context.home()));
            journal.reportWriteFailuresTo(feedback);
            ReleaseSession session = await(factory.openSession(spec, journal));
            factory.sandboxEndpoint().ifPresent(uri -> {
                err.println("Embedded sandbox on " + uri + "; its changes end with this command "
                        + "(keep one running with `sandbox --port 4599`).");
                err.flush();
            });
            return new CliSession(io, scheduler, factory, session, feedback);
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

    /**
     * How many seconds of the connection's clock pass in a real second: the embedded sandbox's
     * {@code --sandbox-speed}, a sandbox's own {@code --speed} when it is reached as an endpoint, else 1.
     */
    double clockSpeed() {
        return session.services().clockSpeed();
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

    /** "as arn:aws:…" for a confirmation: the caller STS says this connection is, or the profile when STS did not say. */
    String asText() {
        return session.services().identity().caller().handle((c, e) -> c == null
                ? "as " + session.services().who() + " (STS did not say who: " + com.lambdarelease.release.Problems.describe(e) + ")"
                : "as " + c.arn()).join();
    }

    /** Where background outcomes and failures are said: standard error. */
    Feedback feedback() {
        return feedback;
    }

    /** The command line's pools: daemon threads whose uncaught failures reach {@code feedback}. */
    static ExecutorService pool(String name, Feedback feedback) {
        return CatchingExecutors.cached(name, e -> feedback.failure("A background task failed", e));
    }

    static ScheduledExecutorService timer(String name, Feedback feedback) {
        return CatchingExecutors.scheduled(name, 1, e -> feedback.failure("A background task failed", e));
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

package com.lambdarelease.release;

import com.lambdarelease.service.ConsoleServices;

import java.util.concurrent.Executor;

/**
 * One connection with the release core on top: its services, the one state per function, the one
 * alias writer and the journal it writes to. The console's workspace, the command line and the
 * rollout engine each hold one; closing it closes the connection's clients.
 */
public record ReleaseSession(ConsoleServices services, FunctionStates states, AliasWriter writer,
                             ReleaseJournal journal) implements AutoCloseable {

    /** @param io where the journal is written (blocking disk I/O), never the FX thread */
    public static ReleaseSession of(ConsoleServices services, ReleaseJournal journal, Executor io) {
        FunctionStates states = new FunctionStates(services.lambda());
        AliasWriter writer = new AliasWriter(services.lambda(), states, journal, services.clock(),
                new AliasWriter.Identity(services.label(), services.who()), io);
        return new ReleaseSession(services, states, writer, journal);
    }

    public String label() {
        return services.label();
    }

    @Override
    public void close() throws Exception {
        services.close();
    }
}

package com.lambdarelease.release;

import com.lambdarelease.service.ConsoleServices;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One connection with the release core on top: its services, the one state per function, the one
 * alias writer and the journal it writes to. The console's workspace, the command line and the
 * rollout engine each hold one; closing it closes the connection's clients.
 */
public record ReleaseSession(ConsoleServices services, FunctionStates states, AliasWriter writer,
                             ReleaseJournal journal, AliasHistory history, Ownership ownership) implements AutoCloseable {

    /**
     * Asks STS who the connection is at once, so journal lines and confirmations name the caller.
     *
     * @param io where the journal is written (blocking disk I/O), never the FX thread
     */
    public static ReleaseSession of(ConsoleServices services, ReleaseJournal journal, Executor io) {
        services.identity().caller();
        FunctionStates states = new FunctionStates(services.lambda());
        AliasHistory history = new AliasHistory(journal, new TrailCache(services.trail(), services.clock()));
        Ownership ownership = new Ownership(services.lambda(), history, services.clock());
        AliasWriter writer = new AliasWriter(services.lambda(), states, journal, services.clock(),
                new AliasWriter.Identity(services.label(), services.who(), services.identity()), io,
                Optional.of(ownership));
        return new ReleaseSession(services, states, writer, journal, history, ownership);
    }

    /**
     * Who this connection acts as, for journal lines: the caller's ARN once STS has said it (asked when the
     * session opens), else the profile or credentials the connection uses.
     */
    public String who() {
        return writer.who();
    }

    public String label() {
        return services.label();
    }

    @Override
    public void close() throws Exception {
        services.close();
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.release.LocalEndpoint;

/**
 * How a command starts the embedded sandbox it runs on when no account is chosen. The command line
 * does not know the sandbox: the app module supplies this.
 */
@FunctionalInterface
public interface LocalEndpoints {

    /**
     * The starter of a sandbox whose clock runs {@code speed} times real time, with its simulated
     * traffic on or off, and no history made at start (most commands last seconds).
     */
    LocalEndpoint.Starter starter(double speed, boolean traffic);
}

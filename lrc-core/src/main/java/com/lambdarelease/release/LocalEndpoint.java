package com.lambdarelease.release;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * A local AWS stand-in that answers Lambda, CloudWatch, CloudWatch Logs and IAM Identity Center on
 * one address: the embedded sandbox, as the app module adapts it. The core knows it only through this
 * port, so that nothing here names the sandbox.
 */
public interface LocalEndpoint extends AutoCloseable {

    /** Where its HTTP endpoint listens, e.g. {@code http://127.0.0.1:4599}. */
    URI address();

    /** Its clock: what its metrics and log events are stamped with (faster than real time at a speed above 1). */
    Clock clock();

    /** How many seconds of its clock pass in one real second (1 when it runs on real time or a manual clock). */
    double speed();

    /** The IAM Identity Center start URL its sign-in answers to. */
    String signInStartUrl();

    /** Stops it; its changes end with it unless it keeps a state file. */
    @Override
    void close();

    /** Starts a local endpoint the first time a connection asks for one. */
    @FunctionalInterface
    interface Starter {
        LocalEndpoint start() throws IOException;
    }
}

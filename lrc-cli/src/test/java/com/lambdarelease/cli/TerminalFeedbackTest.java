package com.lambdarelease.cli;

import com.lambdarelease.release.Problems;
import com.lambdarelease.service.CatchingExecutors;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** On the command line, a background failure is a line on standard error in plain words, never lost. */
class TerminalFeedbackTest {

    @Test
    void aFailureIsOneLineOnStandardErrorWithItsCause() {
        StringWriter err = new StringWriter();
        UncheckedIOException cause = new UncheckedIOException(new java.io.IOException("No space left on device"));
        new TerminalFeedback(new PrintWriter(err)).failure("Could not append to the release journal /x", cause);
        assertThat(err.toString()).isEqualTo("Could not append to the release journal /x: "
                + Problems.describe(cause) + System.lineSeparator());
    }

    @Test
    void whatABackgroundTaskThrowsOnTheCommandLinesPoolsIsSaid() throws Exception {
        StringWriter err = new StringWriter();
        ExecutorService io = CliSession.pool("cli-io-test", new TerminalFeedback(new PrintWriter(err)));
        io.execute(() -> {
            throw new IllegalStateException("the listing's page handler broke");
        });
        io.shutdown();
        assertThat(io.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        com.lambdarelease.testing.Waits.waitUntil(() -> !err.toString().isEmpty());
        assertThat(err.toString()).startsWith("A background task failed: ").contains("the listing's page handler broke");
    }
}

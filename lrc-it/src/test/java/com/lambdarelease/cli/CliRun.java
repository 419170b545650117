package com.lambdarelease.cli;

import com.lambdarelease.app.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM, as the CLI tests drive it: its exit code and what it wrote. */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} through {@link Main#commandLine} with {@code context}, capturing both streams. */
    static CliRun execute(CliContext context, String... args) {
        CommandLine cli = Main.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}

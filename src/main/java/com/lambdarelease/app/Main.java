package com.lambdarelease.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * Entry point. With no arguments it opens the console; {@code sandbox} runs the sandbox alone.
 * Kept free of JavaFX types so that {@code java -jar} works with JavaFX on the class path.
 */
@Command(name = "lambda-release-console", mixinStandardHelpOptions = true, version = "Lambda Release Console 0.1",
        description = "Release AWS Lambda code safely.", subcommands = {SandboxCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }

    @picocli.CommandLine.Option(names = "--sandbox-speed", defaultValue = "1",
            description = "Run the embedded sandbox's clock N times faster, for demos (default: ${DEFAULT-VALUE}).")
    double sandboxSpeed;

    @Override
    public Integer call() {
        if (!(sandboxSpeed > 0)) {
            System.err.println("--sandbox-speed must be greater than 0");
            return 2;
        }
        ConsoleLauncher.launch("--sandbox-speed=" + sandboxSpeed);
        return 0;
    }
}

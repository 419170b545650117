package com.lambdarelease.app;

import com.lambdarelease.cli.CliContext;
import com.lambdarelease.cli.GlobalOptions;
import com.lambdarelease.cli.ReleaseCli;
import com.lambdarelease.sandbox.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Entry point. With no COMMAND it opens the console; {@code sandbox} runs the sandbox alone; the
 * release commands ({@code functions}, {@code alias}, {@code journal}, …) act headless. Kept free
 * of JavaFX types so that {@code java -jar} works with JavaFX on the class path.
 */
@Command(name = "lambda-release-console", mixinStandardHelpOptions = true, version = "Lambda Release Console 0.1",
        description = "Release AWS Lambda code safely. With no COMMAND the console window opens.", subcommands = {SandboxCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        if (args.length == 0) {
            // The console with no options: straight to the window, without building the command tree first
            // (picocli's reflection over every command costs a few hundred ms of a cold start).
            int code = openConsole(DesktopCheck.ofThisMachine(), 1);
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        int code = commandLine(CliContext.system(EmbeddedSandbox.forCommandLine())).execute(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }

    /** The whole command tree: the console, {@code sandbox} and the release commands. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, DesktopCheck.ofThisMachine());
    }

    /** The command tree with {@code desktop} deciding whether the console window can open here. */
    static CommandLine commandLine(CliContext context, DesktopCheck desktop) {
        Main main = new Main(desktop);
        return ReleaseCli.install(new CommandLine(main), main.options, context);
    }

    private final DesktopCheck desktop;

    private Main(DesktopCheck desktop) {
        this.desktop = desktop;
    }

    /** The console window cannot open on this machine (GTK 3 or a display missing); the sentence says what to do. */
    static final int NO_DESKTOP = 6;

    /** --connection, --region, --output for the release commands; --sandbox-speed for the console too. */
    @Mixin
    final GlobalOptions options = new GlobalOptions();

    @Override
    public Integer call() {
        double sandboxSpeed = options.sandboxSpeed();
        if (!(sandboxSpeed > 0)) {
            System.err.println("--sandbox-speed must be greater than 0");
            return 2;
        }
        return openConsole(desktop, sandboxSpeed);
    }

    /** Checks the machine can show the window (or says what to install), then opens the console. */
    private static int openConsole(DesktopCheck desktop, double sandboxSpeed) {
        Optional<String> missing = desktop.problem();
        if (missing.isPresent()) {
            System.err.println(missing.get());
            return NO_DESKTOP;
        }
        ConsoleLauncher.launch("--sandbox-speed=" + sandboxSpeed);
        return 0;
    }
}

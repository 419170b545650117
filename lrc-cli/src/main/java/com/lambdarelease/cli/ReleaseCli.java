package com.lambdarelease.cli;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.release.Problems;
import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.PreconditionFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/**
 * The headless release commands, hung under the application's entry point beside {@code sandbox}:
 * the same release core as the console's screens (session factory, alias writer, weight parser,
 * journal), printing for people or for scripts. Every failure reaches the operator here, in one
 * way: the core's words on stderr and an {@link ExitCodes} value.
 */
public final class ReleaseCli {

    private ReleaseCli() {
    }

    /**
     * Adds the release commands to {@code root}, whose user object carries {@code options} as a
     * mixin, and returns {@code root}.
     */
    public static CommandLine install(CommandLine root, GlobalOptions options, CliContext context) {
        List<CommandLine> commands = List.of(
                group("functions", "Functions of the account and region.", new FunctionsListCommand(options, context)),
                group("versions", "Versions of a function.", new VersionsListCommand(options, context)),
                group("aliases", "Aliases of a function.", new AliasesListCommand(options, context)),
                new CommandLine(new PublishCommand(options, context)),
                group("alias", "Change an alias: previewed before → after, confirmed, sent with its RevisionId.",
                        new AliasCreateCommand(options, context), new AliasSetCommand(options, context),
                        new AliasPromoteCommand(options, context), new AliasRollbackCommand(options, context),
                        new AliasDeleteCommand(options, context)),
                new CommandLine(new JournalCommand(options, context)),
                new CommandLine(new HistoryCommand(options, context)),
                new CommandLine(new LogsCommand(options, context)),
                group("sso", "IAM Identity Center: sign in (shared with the AWS CLI) and list accounts and roles.",
                        new SsoCommands.Login(options, context), new SsoCommands.Accounts(options, context)),
                group("rollout", "Progressive rollouts: canary and linear plans judged by the new version's own metrics.",
                        new RolloutStartCommand(options, context), new RolloutStatusCommand.Status(options, context),
                        new RolloutControlCommand.Pause(options, context), new RolloutControlCommand.Resume(options, context),
                        new RolloutControlCommand.Approve(options, context), new RolloutControlCommand.Skip(options, context),
                        new RolloutControlCommand.OverrideGate(options, context), new RolloutControlCommand.Abort(options, context),
                        new RolloutStatusCommand.ListAll(options, context), new RolloutTakeOverCommand(options, context)));
        commands.forEach(c -> {
            root.addSubcommand(c);
            describeWithSubcommands(c);
        });
        describeExitCodes(root);
        root.setAllowSubcommandsAsOptionParameters(true); // --connection sandbox, though `sandbox` is a command
        root.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(ex, cmd, options));
        return root;
    }

    private static CommandLine group(String name, String description, Object... subcommands) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        spec.usageMessage().description(description);
        CommandLine group = new CommandLine(spec);
        for (Object sub : subcommands) {
            group.addSubcommand(new CommandLine(sub));
        }
        return group;
    }

    /** Bad input is a refusal (1), not picocli's usage code (2), which here means a conflict. */
    private static void describeExitCodes(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        spec.exitCodeOnInvalidInput(ExitCodes.REFUSED);
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.described());
    }

    private static void describeWithSubcommands(CommandLine command) {
        describeExitCodes(command);
        command.getSubcommands().values().forEach(ReleaseCli::describeWithSubcommands);
    }

    private static int failed(Exception ex, CommandLine cmd, GlobalOptions options) {
        Throwable t = AwsErrors.translate(ex);
        int code;
        String outcome;
        String message;
        if (t instanceof CliFailure f) {
            code = f.exitCode();
            outcome = f.outcome();
            message = f.getMessage();
        } else if (t instanceof InvalidInputException) {
            code = ExitCodes.REFUSED;
            outcome = "refused";
            message = t.getMessage();
        } else if (t instanceof com.lambdarelease.rollout.RolloutLeases.LeaseHeldException) {
            code = ExitCodes.CONFLICT;
            outcome = "conflict";
            message = t.getMessage();
        } else if (t instanceof PreconditionFailedException) {
            code = ExitCodes.CONFLICT;
            outcome = "conflict";
            message = Problems.describe(t);
        } else {
            code = ExitCodes.AWS_ERROR;
            outcome = "failed";
            message = Problems.describe(t);
        }
        cmd.getErr().println(message);
        cmd.getErr().flush();
        if (options.json()) {
            Output.json(cmd.getOut(), Output.object().put("outcome", outcome).put("message", message));
        }
        return code;
    }
}

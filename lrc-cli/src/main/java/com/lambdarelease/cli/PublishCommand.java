package com.lambdarelease.cli;

import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.release.Problems;
import com.lambdarelease.service.errors.PreconditionFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code publish FUNCTION}: publishes $LATEST as it was just read. Its CodeSha256 and RevisionId go
 * with the request, so a deployment that lands in between is refused by AWS instead of published
 * unseen.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish $LATEST as a new version (AWS returns the newest version when nothing was updated since it).")
final class PublishCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "", description = "The new version's description.")
    String description;

    PublishCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    int run(CliSession session) {
        AwsNames.requireFunctionName(function);
        // AWS refuses PublishVersion with 409 while an update is in progress: wait for it to finish first,
        // then read $LATEST as it will be published.
        err().println("Waiting for AWS to finish the last update of " + function + " (LastUpdateStatus Successful)…");
        err().flush();
        CliSession.await(session.lambda().awaitUpdated(function));
        CompletableFuture<FunctionConfig> latestRead = session.lambda().getConfiguration(function, AwsNames.LATEST);
        CompletableFuture<List<FunctionConfig>> versionsRead = session.lambda().listVersions(function);
        FunctionConfig latest = CliSession.await(latestRead);
        List<String> known = CliSession.await(versionsRead).stream().map(FunctionConfig::version).toList();
        err().println("Publishing " + function + " $LATEST (code " + latest.shortCodeSha256() + ", revision "
                + latest.revisionId() + ")…");
        err().flush();
        FunctionConfig published;
        try {
            published = CliSession.await(session.lambda().publishVersion(function, description,
                    Optional.ofNullable(latest.codeSha256()), Optional.ofNullable(latest.revisionId())));
        } catch (PreconditionFailedException e) {
            throw new CliFailure(ExitCodes.CONFLICT, "conflict", function + " $LATEST changed since it was read; "
                    + "nothing was published. " + Problems.describe(e));
        }
        boolean existing = known.contains(published.version());
        String message = existing
                ? function + ": nothing was updated since version " + published.version()
                        + "; AWS returned that version (with its own description)."
                : "Published " + function + " version " + published.version() + ".";
        err().println(message);
        err().flush();
        if (options.json()) {
            Output.json(out(), Output.object().put("outcome", existing ? "existing" : "published")
                    .put("function", function).put("version", published.version())
                    .put("codeSha256", published.codeSha256()).put("description", published.description()));
        } else {
            out().println(published.version()); // alone on stdout, so v=$(… publish FUNCTION) works
            out().flush();
        }
        return ExitCodes.DONE;
    }
}

package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** {@code versions list FUNCTION}: every version, with the aliases that send it traffic. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a function's versions ($LATEST first) and the aliases pointing at each.")
final class VersionsListCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    VersionsListCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    int run(CliSession session) {
        AwsNames.requireFunctionName(function);
        CompletableFuture<List<FunctionConfig>> versions = session.lambda().listVersions(function);
        CompletableFuture<List<AliasRoute>> aliases = session.lambda().listAliases(function);
        List<FunctionConfig> vs = CliSession.await(versions);
        List<AliasRoute> as = CliSession.await(aliases);
        if (options.json()) {
            ArrayNode array = Output.array();
            for (FunctionConfig v : vs) {
                ArrayNode pointing = array.addObject().put("version", v.version()).put("description", v.description())
                        .put("codeSha256", v.codeSha256()).put("runtime", v.runtime())
                        .put("lastModified", String.valueOf(v.lastModified())).put("revisionId", v.revisionId())
                        .putArray("aliases");
                aliasesOf(v, as).forEach(a -> pointing.add(a.name()));
            }
            Output.json(out(), array);
        } else {
            Output.table(out(), List.of("VERSION", "ALIASES", "CODE SHA-256", "LAST MODIFIED", "DESCRIPTION"),
                    vs.stream().map(v -> List.of(v.version(), aliasesText(v, as), v.shortCodeSha256(),
                            String.valueOf(v.lastModified()), v.description())).toList());
        }
        return ExitCodes.DONE;
    }

    private static List<AliasRoute> aliasesOf(FunctionConfig v, List<AliasRoute> aliases) {
        return aliases.stream().filter(a -> a.pointsAt(v.version())).toList();
    }

    private static String aliasesText(FunctionConfig v, List<AliasRoute> aliases) {
        return aliasesOf(v, aliases).stream()
                .map(a -> a.name() + (a.split().isSplit() ? " " + AliasesListCommand.percent(a, v.version()) : ""))
                .collect(Collectors.joining(", "));
    }
}

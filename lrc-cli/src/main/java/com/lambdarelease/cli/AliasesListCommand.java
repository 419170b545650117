package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.TrafficSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code aliases list FUNCTION}: every alias with its split and the RevisionId a write would be based on. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a function's aliases with their routing.")
final class AliasesListCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    AliasesListCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    int run(CliSession session) {
        AwsNames.requireFunctionName(function);
        List<AliasRoute> aliases = CliSession.await(session.lambda().listAliases(function));
        if (options.json()) {
            ArrayNode array = Output.array();
            aliases.forEach(a -> array.add(Output.alias(a)));
            Output.json(out(), array);
        } else {
            Output.table(out(), List.of("ALIAS", "ROUTING", "DESCRIPTION", "REVISION"),
                    aliases.stream().map(a -> List.of(a.name(), a.split().describe(), a.description(), a.revisionId()))
                            .toList());
        }
        return ExitCodes.DONE;
    }

    /** "10%": the share of {@code alias}'s traffic that {@code version} gets. */
    static String percent(AliasRoute alias, String version) {
        return TrafficSplit.percent(alias.weightOf(version));
    }
}

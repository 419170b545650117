package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.lambdarelease.release.JournalEntry;
import com.lambdarelease.release.ReleaseJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** {@code journal}: the alias changes made from this machine, by the console and the command line alike. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Print the release journal: every alias change made from this machine, oldest first.")
final class JournalCommand extends CliCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FUNCTION", description = "Only this function.")
    String function;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ALIAS", description = "Only this alias of FUNCTION.")
    String alias;

    JournalCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    boolean needsConnection() {
        return false;
    }

    @Override
    int run(CliSession none) {
        List<JournalEntry> entries = ReleaseJournal.readFile(options.journalFile(context.env(), context.home())).stream()
                .filter(e -> function == null || e.function().equals(function))
                .filter(e -> alias == null || e.alias().equals(alias))
                .toList();
        if (options.json()) {
            ArrayNode array = Output.array();
            entries.forEach(e -> array.add(ReleaseJournal.toJson(e))); // the same fields as the journal's lines
            Output.json(out(), array);
        } else {
            Output.table(out(), List.of("TIME", "CONNECTION", "ACCOUNT", "REGION", "WHO", "ALIAS", "ACTION", "CHANGE", "OUTCOME"),
                    entries.stream().map(e -> List.of(e.at().truncatedTo(ChronoUnit.SECONDS).toString(), e.connection(),
                            e.account(), e.region(), e.who(), e.function() + ":" + e.alias(), e.action(), e.describe(),
                            e.outcome() + Optional.of(e.message()).filter(m -> !m.isBlank()).map(m -> " — " + m).orElse("")))
                            .toList());
        }
        return ExitCodes.DONE;
    }
}

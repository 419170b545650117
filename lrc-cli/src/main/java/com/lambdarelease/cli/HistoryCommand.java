package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.release.AliasHistory;
import com.lambdarelease.release.TrailCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code history FUNCTION [ALIAS] [--since 7d]}: every change of the function's aliases from any machine, this
 * machine's journal merged with CloudTrail (who, from where, before → after); changes not made with this tool marked.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Who changed the function's aliases, from any machine: the journal merged with CloudTrail "
                + "(management events of the last 90 days; CloudTrail shows a call within about 5 minutes).")
final class HistoryCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ALIAS", description = "Only this alias.")
    String alias;

    @Option(names = "--since", paramLabel = "SPAN", defaultValue = "7d",
            description = "How far back: a number and s, m, h or d, at most 90d (default ${DEFAULT-VALUE}).")
    String since;

    HistoryCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    int run(CliSession session) {
        AwsNames.requireFunctionName(function);
        if (alias != null) {
            AwsNames.requireAliasName(alias);
        }
        java.time.Duration span = LogsCommand.span(since, TrailCache.RETENTION);
        Instant now = session.session().services().clock().instant();
        AliasHistory.History h = CliSession.await(session.session().history().of(function, Optional.ofNullable(alias),
                now.minus(span)));
        if (options.json()) {
            ObjectNode doc = Output.object();
            doc.put("function", function);
            doc.put("since", now.minus(span).toString());
            doc.put("trailComplete", h.trailComplete());
            doc.put("trailReadBackTo", h.trailReadBackTo().toString());
            doc.put("trailProblem", h.trailProblem());
            ArrayNode rows = doc.putArray("entries");
            for (AliasHistory.Entry e : h.entries()) {
                ObjectNode n = rows.addObject();
                n.put("at", e.at().toString());
                n.put("alias", e.alias());
                n.put("who", e.who());
                n.put("name", e.whoName());
                n.put("source", e.source().name());
                n.put("from", e.from());
                n.put("action", e.action());
                n.set("before", Output.split(e.before()));
                n.set("after", Output.split(e.after()));
                n.put("revision", e.revision());
                n.put("outcome", e.outcome());
                n.put("message", e.message());
                n.put("inJournal", e.inJournal());
                n.put("inTrail", e.inTrail());
                n.put("notByThisTool", e.notByThisTool());
            }
            Output.json(out(), doc);
        } else {
            List<List<String>> table = new ArrayList<>();
            for (AliasHistory.Entry e : h.entries()) {
                table.add(List.of(e.at().truncatedTo(ChronoUnit.SECONDS).toString(), e.notByThisTool() ? "*" : "",
                        function + ":" + e.alias(), e.whoName(), e.from(), e.action(), e.describe(),
                        e.outcome() + (e.message().isBlank() ? "" : " — " + e.message())));
            }
            Output.table(out(), List.of("TIME", "", "ALIAS", "WHO", "FROM", "ACTION", "CHANGE", "OUTCOME"), table);
            out().println(h.entries().isEmpty() ? "No alias changes since " + now.minus(span).truncatedTo(ChronoUnit.SECONDS) + "."
                    : "* not made with this tool.");
            if (!h.trailProblem().isEmpty()) {
                out().println("CloudTrail could not be read, so only this machine's journal is shown: " + h.trailProblem());
            } else if (!h.trailComplete()) {
                out().println("CloudTrail was read back to " + h.trailReadBackTo().truncatedTo(ChronoUnit.SECONDS)
                        + " only (its page limit); older changes may be missing.");
            }
            out().flush();
        }
        return h.trailProblem().isEmpty() ? ExitCodes.DONE : ExitCodes.AWS_ERROR;
    }
}

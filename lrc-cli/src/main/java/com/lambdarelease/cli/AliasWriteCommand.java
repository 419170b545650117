package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.AliasWriter;
import com.lambdarelease.release.WriteOutcome;
import com.lambdarelease.release.WritePlan;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An alias write as the console makes it: the change goes to the {@link AliasWriter}, whose plan is
 * shown as before → after with its warnings, confirmed by the operator (or {@code --yes}), then
 * applied with the RevisionId it was based on. Refusals, conflicts and failures print the writer's
 * own words on stderr and end in their {@link ExitCodes}.
 */
abstract class AliasWriteCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias's name.")
    String alias;

    /** Only --help: alias create and set have their own --version (the version the alias points at). */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--yes", description = "Apply without asking. Without a terminal a write is refused unless given.")
    boolean yes;

    AliasWriteCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    /** The change asked for; reads the alias first when the change is based on it. */
    abstract AliasChange change(CliSession session);

    /** Whether the operator confirms before the write is sent. */
    boolean confirms() {
        return true;
    }

    @Override
    void validate() {
        AwsNames.requireFunctionName(function);
        AwsNames.requireAliasName(alias);
    }

    /** The alias as it is now: what the write's RevisionId is based on. */
    AliasRoute current(CliSession session) {
        return CliSession.await(session.lambda().getAlias(function, alias));
    }

    @Override
    int run(CliSession session) {
        AliasWriter writer = session.session().writer();
        WritePlan plan = CliSession.await(writer.plan(change(session)));
        preview(plan);
        if (plan.refused()) {
            return finish(CliSession.await(writer.apply(plan))); // sends nothing: says why
        }
        if (!confirmed()) {
            return finish(new WriteOutcome.Refused(plan.change(), List.of("Nothing was sent.")));
        }
        context.beforeApply().accept(plan);
        return finish(CliSession.await(writer.apply(plan)));
    }

    private void preview(WritePlan plan) {
        PrintWriter r = report();
        r.println(plan.change().title());
        r.println("  before: " + plan.beforeText());
        r.println("  after:  " + plan.afterText());
        r.println("  " + plan.asText());
        plan.warnings().forEach(w -> r.println("  warning: " + w));
        r.flush();
    }

    private boolean confirmed() {
        if (yes || !confirms()) {
            return true;
        }
        PrintWriter err = err();
        if (!context.terminal().interactive()) {
            err.println("No terminal to confirm on: add --yes to apply without asking.");
            err.flush();
            return false;
        }
        err.print("Proceed? [y/N] ");
        err.flush();
        String answer = context.terminal().readLine().orElse("").strip().toLowerCase(Locale.ROOT);
        return answer.equals("y") || answer.equals("yes");
    }

    private int finish(WriteOutcome outcome) {
        int code;
        String word;
        Optional<AliasRoute> before = Optional.empty();
        Optional<AliasRoute> after = Optional.empty();
        if (outcome instanceof WriteOutcome.Applied a) {
            code = ExitCodes.DONE;
            word = "applied";
            before = a.before();
            after = a.after();
            report().println(a.message());
            report().flush();
        } else {
            if (outcome instanceof WriteOutcome.Conflict c) {
                code = ExitCodes.CONFLICT;
                word = "conflict";
                before = c.basedOn();
                after = c.current();
            } else if (outcome instanceof WriteOutcome.Refused r) {
                code = ExitCodes.REFUSED;
                word = "refused";
                before = r.change().basedOn();
                after = before;
            } else {
                code = ExitCodes.AWS_ERROR;
                word = "failed";
                before = outcome.change().basedOn();
                after = before;
            }
            err().println(outcome.message());
            err().flush();
        }
        if (options.json()) {
            ObjectNode doc = Output.object().put("outcome", word).put("function", function).put("alias", alias)
                    .put("action", outcome.change().action().word());
            doc.set("before", Output.split(before.map(AliasRoute::split)));
            doc.set("after", Output.split(after.map(AliasRoute::split)));
            doc.put("revisionId", after.map(AliasRoute::revisionId).orElse(null));
            doc.put("message", outcome.message());
            Output.json(out(), doc);
        }
        return code;
    }
}

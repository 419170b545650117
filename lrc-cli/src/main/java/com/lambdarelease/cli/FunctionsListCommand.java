package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.lambdarelease.domain.FunctionSummary;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code functions list}: every function, page by page, with a running count on a terminal. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every function of the account and region.")
final class FunctionsListCommand extends CliCommand {

    FunctionsListCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    int run(CliSession session) {
        List<FunctionSummary> functions = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger seen = new AtomicInteger();
        boolean progress = context.terminal().showsProgress();
        PrintWriter err = err();
        CliSession.await(session.lambda().listFunctions(page -> {
            functions.addAll(page);
            int n = seen.addAndGet(page.size());
            if (progress) {
                err.print("\rListed " + n + " functions…");
                err.flush();
            }
        }));
        if (progress) {
            err.println();
        }
        if (options.json()) {
            ArrayNode array = Output.array();
            functions.forEach(f -> array.addObject().put("name", f.name()).put("arn", f.arn())
                    .put("runtime", f.runtime()).put("memoryMb", f.memoryMb()).put("timeoutSeconds", f.timeoutSeconds())
                    .put("lastModified", String.valueOf(f.lastModified())).put("description", f.description()));
            Output.json(out(), array);
        } else {
            Output.table(out(), List.of("NAME", "RUNTIME", "MEMORY", "TIMEOUT", "LAST MODIFIED", "DESCRIPTION"),
                    functions.stream().map(f -> List.of(f.name(), f.runtime(), f.memoryMb() + " MB",
                            f.timeoutSeconds() + " s", String.valueOf(f.lastModified()), f.description())).toList());
        }
        return ExitCodes.DONE;
    }
}

package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutJournal;
import com.lambdarelease.rollout.RolloutLock;
import com.lambdarelease.rollout.RolloutState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code rollout status FUNCTION ALIAS} and {@code rollout list}: what the journal says, no connection needed. */
abstract class RolloutStatusCommand extends CliCommand {

    RolloutStatusCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    boolean needsConnection() {
        return false;
    }

    RolloutJournal journal() {
        return new RolloutJournal(ReleaseJournal.at(options.journalFile(context.env(), context.home())));
    }

    void print(List<ObjectNode> rows) {
        java.nio.file.Path locks = RolloutEngine.lockFolderBeside(options.journalFile(context.env(), context.home()));
        rows = rows.stream().map(r -> withDriver(r.deepCopy(), locks)).toList();
        if (options.json()) {
            ArrayNode array = Output.array();
            rows.forEach(array::add);
            Output.json(out(), array);
            return;
        }
        List<List<String>> table = new ArrayList<>();
        for (ObjectNode r : rows) {
            table.add(List.of(r.path("at").asText(), r.path("function").asText() + ":" + r.path("alias").asText(),
                    r.path("state").asText().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    r.has("canaryPercent") ? com.lambdarelease.domain.Weight.percentNumber(r.path("canaryPercent").asDouble()) + "%" : "",
                    r.path("driver").asText(""),
                    r.path("message").asText() + (r.has("awaiting") ? " [waiting: " + r.path("awaiting").asText() + "]" : "")));
        }
        Output.table(out(), List.of("TIME", "ALIAS", "STATE", "WEIGHT", "DRIVER", "LATEST"), table);
    }

    /**
     * Who drives an unfinished rollout, from its lock file: "driven" while a process holds the lock,
     * else "no driver since" its last heartbeat (or its latest journal line): resume or abort it.
     */
    private static ObjectNode withDriver(ObjectNode r, java.nio.file.Path locks) {
        if (RolloutState.valueOf(r.path("state").asText("PENDING")).finished()) {
            return r;
        }
        java.nio.file.Path lock = RolloutLock.file(locks, r.path("function").asText(), r.path("alias").asText());
        java.util.Optional<java.time.Instant> beat = RolloutLock.lastBeat(lock);
        if (RolloutLock.held(lock)) {
            r.put("driver", "driven" + beat.map(t -> ", last evaluated " + t).orElse(""));
            r.put("driven", true);
        } else {
            String since = beat.map(Object::toString).orElse(r.path("at").asText());
            r.put("driver", "no driver since " + since + ": resume or abort");
            r.put("driven", false);
            r.put("noDriverSince", since);
        }
        return r;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The latest state of the alias's rollout, from the journal.")
    static final class Status extends RolloutStatusCommand {
        @Parameters(index = "0", paramLabel = "FUNCTION")
        String function;

        @Parameters(index = "1", paramLabel = "ALIAS")
        String alias;

        Status(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        @Override
        int run(CliSession none) {
            ObjectNode last = journal().latestOf(function, alias)
                    .orElseThrow(() -> CliFailure.refused("No rollout of " + function + ":" + alias + " in the journal."));
            print(List.of(last));
            return ExitCodes.DONE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every rollout in the journal, with its latest state.")
    static final class ListAll extends RolloutStatusCommand {
        ListAll(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        @Override
        int run(CliSession none) {
            Map<String, ObjectNode> latest = journal().latest();
            print(List.copyOf(latest.values()));
            return ExitCodes.DONE;
        }
    }
}

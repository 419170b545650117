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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every rollout in the journal, with its latest "
            + "state; with --all, the rollouts anyone drives on the account's functions (their leases).")
    static final class ListAll extends RolloutStatusCommand {

        /** At most this many functions' leases are read (one GetFunction each). */
        static final int MAX_FUNCTIONS = 200;

        @picocli.CommandLine.Option(names = "--all", description = "Read the rollout leases on the functions "
                + "(tags lrc:rollout:*): rollouts driven from any machine, and those whose driver stopped.")
        boolean all;

        @picocli.CommandLine.Option(names = "--function", paramLabel = "NAME", description = "With --all: only these "
                + "functions (repeatable); by default every function, up to " + MAX_FUNCTIONS + ".")
        List<String> functions = new ArrayList<>();

        ListAll(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        @Override
        boolean needsConnection() {
            return all;
        }

        @Override
        int run(CliSession session) {
            if (!all) {
                if (!functions.isEmpty()) {
                    throw CliFailure.refused("--function goes with --all.");
                }
                Map<String, ObjectNode> latest = journal().latest();
                print(List.copyOf(latest.values()));
                return ExitCodes.DONE;
            }
            functions.forEach(com.lambdarelease.domain.AwsNames::requireFunctionName);
            List<String> names = functions.isEmpty()
                    ? CliSession.await(session.lambda().listAllFunctions()).stream()
                            .map(com.lambdarelease.domain.FunctionSummary::name).toList()
                    : List.copyOf(functions);
            List<String> read = names.subList(0, Math.min(names.size(), MAX_FUNCTIONS));
            com.lambdarelease.rollout.RolloutLeases leases = RolloutDriver.leases(session);
            List<java.util.concurrent.CompletableFuture<List<com.lambdarelease.rollout.RolloutLease>>> reads =
                    read.stream().map(leases::of).toList();
            java.time.Instant now = session.session().services().clock().instant();
            List<com.lambdarelease.rollout.RolloutLease> found = new ArrayList<>();
            reads.forEach(f -> found.addAll(CliSession.await(f)));
            if (options.json()) {
                ArrayNode array = Output.array();
                for (com.lambdarelease.rollout.RolloutLease l : found) {
                    ObjectNode n = array.addObject();
                    n.put("function", l.function());
                    n.put("alias", l.alias());
                    n.put("id", l.rolloutId());
                    n.put("by", l.by());
                    n.put("owner", l.ownerArn());
                    n.put("host", l.host());
                    n.put("step", l.step());
                    n.put("canaryPercent", l.canaryPercent());
                    n.put("heartbeat", l.beat().toString());
                    n.put("driven", !l.stale(now));
                    n.put("driver", l.describe(now));
                }
                Output.json(out(), array);
            } else {
                List<List<String>> table = new ArrayList<>();
                for (com.lambdarelease.rollout.RolloutLease l : found) {
                    table.add(List.of(l.function() + ":" + l.alias(), l.by(), l.host(), l.step(),
                            com.lambdarelease.domain.Weight.percentNumber(l.canaryPercent()) + "%", l.beat().toString(),
                            l.stale(now) ? "no driver since " + l.beat() + ": resume here (rollout take-over), or roll back"
                                    : "driven"));
                }
                Output.table(out(), List.of("ALIAS", "BY", "HOST", "STEP", "WEIGHT", "HEARTBEAT", "DRIVER"), table);
                if (names.size() > read.size()) {
                    out().println("Read the first " + read.size() + " of " + names.size() + " functions; name others with --function.");
                }
                if (found.isEmpty()) {
                    out().println("No rollout leases on " + (read.size() == 1 ? read.get(0) : read.size() + " functions") + ".");
                }
                out().flush();
            }
            return ExitCodes.DONE;
        }
    }
}

package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.release.ReleaseJournal;
import com.lambdarelease.rollout.Control;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutJournal;
import com.lambdarelease.rollout.RolloutLock;
import com.lambdarelease.rollout.RolloutSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code rollout pause|resume|approve|abort FUNCTION ALIAS}: acts on the unfinished rollout of the
 * alias. When another process drives it (it holds the lock), the control is left in the journal
 * for that process to apply at its next evaluation; when nobody does, this command recovers the
 * rollout from the journal (only if the alias still holds the RevisionId it last wrote) and acts
 * itself: resume and approve then drive it in the foreground.
 */
abstract class RolloutControlCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias's name.")
    String alias;

    @Option(names = "--exit-when-asked", description = "End with exit 5 when the rollout asks an operator (a gate, too "
            + "little evidence, a pause), leaving it undriven; by default this process goes on judging until answered.")
    boolean exitWhenAsked;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why, for the journal.")
    String reason;

    RolloutControlCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    /** The control this command asks for, in the journal and to the driving process: its own command name. */
    final String control() {
        return getClass().getAnnotation(Command.class).name();
    }

    /** What this command does to a rollout it drives itself. */
    abstract RolloutSnapshot act(Rollout rollout);

    @Override
    boolean sandboxTraffic() {
        return true;
    }

    /** Refuses bad input before anything is read or sent. */
    void check() {
    }

    @Override
    int run(CliSession session) {
        check();
        Path journalFile = options.journalFile(context.env(), context.home());
        RolloutJournal journal = new RolloutJournal(ReleaseJournal.at(journalFile));
        Optional<ObjectNode> unfinished = journal.latestOf(function, alias)
                .filter(r -> !r.path("state").asText().matches("PROMOTED|ROLLED_BACK|FAILED"));
        if (unfinished.isEmpty()) {
            // Not this machine's: another console's lease may say who drives it.
            java.time.Instant now = session.session().services().clock().instant();
            Optional<com.lambdarelease.rollout.RolloutLease> lease = CliSession.await(RolloutDriver.leases(session).of(function, alias));
            throw CliFailure.refused("No unfinished rollout of " + function + ":" + alias + " in " + journalFile + "."
                    + lease.map(l -> " " + l.sentence(now) + (l.stale(now)
                            ? " Take it over with `rollout take-over " + function + " " + alias + "`."
                            : " Act on it on " + l.host() + ".")).orElse(""));
        }
        ObjectNode last = unfinished.get();
        String id = last.path("id").asText();
        if (RolloutLock.held(RolloutLock.file(RolloutEngine.lockFolderBeside(journalFile), function, alias))) {
            journal.request(id, function, alias, control(), reason, session.session().services().who(),
                    session.session().services().clock().instant());
            report().println("Asked the process driving " + function + ":" + alias + " to " + control()
                    + "; it acts at its next evaluation.");
            report().flush();
            if (options.json()) {
                Output.json(out(), Output.object().put("outcome", "requested").put("id", id).put("control", control()));
            }
            return ExitCodes.DONE;
        }
        RolloutEngine engine = RolloutDriver.engine(session);
        try (engine) {
            Optional<Rollout> rollout = CliSession.await(engine.recover(function, alias));
            Rollout r = rollout.orElseThrow(() -> CliFailure.refused("No unfinished rollout of " + function + ":" + alias + "."));
            RolloutDriver driver = new RolloutDriver(out(), options.json(), session.clockSpeed(), session.feedback(), exitWhenAsked);
            RolloutSnapshot s = act(r);
            driver.print(s);
            if (drives() && !s.finished()) {
                return driver.drive(r, session.session().services().clock());
            }
            return RolloutDriver.exitCode(s);
        } finally {
            engine.awaitLeasesReleased(java.time.Duration.ofSeconds(10)); // other consoles stop showing it before we exit
        }
    }

    /** True for resume and approve: after acting, drive the rollout in the foreground. */
    boolean drives() {
        return false;
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the alias's rollout; the alias keeps its split.")
    static final class Pause extends RolloutControlCommand {
        Pause(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        RolloutSnapshot act(Rollout r) {
            return CliSession.await(r.pause(reason));
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume the alias's rollout (and drive it here if nobody does).")
    static final class Resume extends RolloutControlCommand {
        Resume(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        RolloutSnapshot act(Rollout r) {
            return CliSession.await(r.resume());
        }

        @Override
        boolean drives() {
            return true;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Pass a manual gate, or accept the risk of an inconclusive hold (recorded with --reason).")
    static final class Approve extends RolloutControlCommand {
        Approve(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        RolloutSnapshot act(Rollout r) {
            return CliSession.await(r.control(Control.APPROVE, reason.isBlank() ? "approved from the command line" : reason));
        }

        @Override
        boolean drives() {
            return true;
        }
    }

    @Command(name = "skip", mixinStandardHelpOptions = true,
            description = "End the current step's bake now; the evidence rule and the gates still apply.")
    static final class Skip extends RolloutControlCommand {
        Skip(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        RolloutSnapshot act(Rollout r) {
            return CliSession.await(r.skipBake());
        }

        @Override
        boolean drives() {
            return true;
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true,
            description = "Let the rollout go on although a gate fails, for the rest of this step (needs --reason, recorded).")
    static final class OverrideGate extends RolloutControlCommand {
        OverrideGate(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        @Override
        void check() {
            if (reason.isBlank()) {
                throw CliFailure.refused("An override needs --reason TEXT: it is recorded in the journal with the gate it overrode.");
            }
        }

        RolloutSnapshot act(Rollout r) {
            return CliSession.await(r.overrideGate(reason));
        }

        @Override
        boolean drives() {
            return true;
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true, description = "Roll back: restore the alias exactly as it was before the rollout.")
    static final class Abort extends RolloutControlCommand {
        Abort(GlobalOptions o, CliContext c) {
            super(o, c);
        }

        RolloutSnapshot act(Rollout r) {
            return CliSession.await(r.abort(reason));
        }
    }
}

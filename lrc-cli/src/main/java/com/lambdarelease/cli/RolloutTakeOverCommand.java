package com.lambdarelease.cli;

import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutLease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code rollout take-over FUNCTION ALIAS}: drives here a rollout whose driver (on any machine) stopped: its
 * lease's heartbeat is older than two minutes. Shown and confirmed with the lease's owner and last heartbeat,
 * journalled as a takeover, then recovered like any unfinished rollout (paused when the alias moved since) and
 * driven in the foreground.
 */
@Command(name = "take-over", mixinStandardHelpOptions = true,
        description = "Drive here a rollout whose driver stopped (its lease's heartbeat is stale), from any machine.")
final class RolloutTakeOverCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias's name.")
    String alias;

    @Option(names = "--yes", description = "Take over without asking.")
    boolean yes;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why, for the journal.")
    String reason;

    @Option(names = "--exit-when-asked", description = "End with exit 5 when the rollout asks an operator, leaving it "
            + "undriven; by default this process goes on judging until answered.")
    boolean exitWhenAsked;

    RolloutTakeOverCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    boolean sandboxTraffic() {
        return true;
    }

    @Override
    int run(CliSession session) {
        AwsNames.requireFunctionName(function);
        AwsNames.requireAliasName(alias);
        RolloutEngine engine = RolloutDriver.engine(session);
        try (engine) {
            Instant now = session.session().services().clock().instant();
            Optional<RolloutLease> lease = CliSession.await(engine.leases().of(function, alias));
            RolloutLease l = lease.orElseThrow(() -> CliFailure.refused("No rollout lease on " + function + ":" + alias
                    + ": nobody drives a rollout of it. Nothing was taken over."));
            if (!l.stale(now)) {
                throw new CliFailure(ExitCodes.CONFLICT, "conflict", l.sentence(now)
                        + " A live driver's rollout is not taken over.");
            }
            report().println("Take over the rollout of " + function + ":" + alias + ": " + l.describe(now) + ".");
            report().println("  from " + (l.ownerArn().isEmpty() ? l.by() : l.ownerArn()) + " on " + l.host());
            report().println("  " + session.asText());
            report().flush();
            if (!yes) {
                confirmOrRefuse("Take over?", "take over", "Nothing was taken over.");
            }
            Rollout r;
            try {
                r = CliSession.await(engine.takeOver(l, reason)).orElseThrow(() -> CliFailure.refused(
                        "The lease's rollout could not be picked up from the journal. Nothing was taken over."));
            } catch (IllegalStateException e) {
                throw new CliFailure(ExitCodes.CONFLICT, "conflict", e.getMessage());
            }
            RolloutDriver driver = new RolloutDriver(out(), options.json(), session.clockSpeed(), session.feedback(), exitWhenAsked);
            driver.print(r.snapshot());
            return r.snapshot().finished() ? RolloutDriver.exitCode(r.snapshot())
                    : driver.drive(r, session.session().services().clock());
        } finally {
            engine.awaitLeasesReleased(java.time.Duration.ofSeconds(10)); // other consoles stop showing it before we exit
        }
    }
}

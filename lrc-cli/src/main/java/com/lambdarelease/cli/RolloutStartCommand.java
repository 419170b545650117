package com.lambdarelease.cli;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.release.Problems;
import com.lambdarelease.rollout.CanaryInTheWayException;
import com.lambdarelease.rollout.CanaryReplacement;
import com.lambdarelease.rollout.PlanStore;
import com.lambdarelease.rollout.Rollout;
import com.lambdarelease.rollout.RolloutEngine;
import com.lambdarelease.rollout.RolloutPlan;
import com.lambdarelease.rollout.RolloutSettings;
import com.lambdarelease.service.errors.PreconditionFailedException;
import com.lambdarelease.service.settings.SettingsFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/**
 * {@code rollout start FUNCTION ALIAS (--to V | --publish) --plan NAME [--replace-canary]}: a
 * progressive rollout in the foreground, through the same engine as the console, every write
 * through the alias writer. An alias that already sends a share to another version is refused
 * (exit 1, nothing sent) unless {@code --replace-canary} says to replace it.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Roll a version out on an alias by a plan, judged by the canary's own metrics; runs in the foreground.")
final class RolloutStartCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias's name.")
    String alias;

    static final class Source {
        @Option(names = "--to", paramLabel = "V", required = true, description = "The published version to roll out.")
        String to;

        @Option(names = "--publish", required = true, description = "Publish $LATEST first and roll that version out.")
        boolean publish;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "", description = "With --publish: the new version's description.")
    String description;

    @Option(names = "--plan", paramLabel = "NAME", required = true,
            description = "Canary10Percent5Minutes|10|15|30Minutes, Linear10PercentEvery1Minute|2|3|10Minutes, AllAtOnce, or a saved plan.")
    String planName;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.01", description = "The error gate's false-rollback rate (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--max-error-rate", paramLabel = "R", description = "Worst acceptable canary error rate, 0..1 (default: max(2 x primary, 0.01)).")
    Double maxErrorRate;

    @Option(names = "--max-duration-ratio", paramLabel = "X", defaultValue = "1.5", description = "Canary/primary p99 or average duration limit (default ${DEFAULT-VALUE}).")
    double maxDurationRatio;

    enum Then { rollback, pause }

    @Option(names = "--on-gate-failure", paramLabel = "rollback|pause", defaultValue = "rollback",
            description = "When a gate fails, paused or not: roll back at once (default), or pause for an operator.")
    Then onGateFailure;

    @Option(names = "--when-unjudged", paramLabel = "rollback|pause", defaultValue = "rollback",
            description = "When the canary cannot be judged (metrics or alias unreadable) past --unjudged-limit: restore the baseline (default), or pause.")
    Then whenUnjudged;

    @Option(names = "--unjudged-limit", paramLabel = "MINUTES", defaultValue = "5",
            description = "How long the canary may go unjudged, in minutes of the connection's clock (default ${DEFAULT-VALUE}).")
    double unjudgedLimit;

    @Option(names = "--replace-canary", description = "When the alias already sends a share to another version: "
            + "replace that share with this one (a roll back restores it). Without it such a rollout is refused.")
    boolean replaceCanary;

    @Option(names = "--exit-when-asked", description = "End with exit 5 when the rollout asks an operator (a gate, too "
            + "little evidence, a pause), leaving it undriven; by default this process goes on judging until answered.")
    boolean exitWhenAsked;

    @Option(names = "--yes", description = "Start without asking. Without a terminal a rollout is refused unless given.")
    boolean yes;

    RolloutStartCommand(GlobalOptions options, CliContext context) {
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
        RolloutPlan plan = PlanStore.besideSettings(SettingsFile.defaultFile(context.env(), context.home()))
                .find(planName).orElseThrow(() -> CliFailure.refused("No plan named " + planName + ". Use one of "
                        + RolloutPlan.predefined().stream().map(RolloutPlan::name).toList() + " or a saved plan."));
        if (!(unjudgedLimit > 0) || unjudgedLimit > 24 * 60) {
            throw CliFailure.refused("--unjudged-limit must be above 0 and at most 1440 minutes, was " + unjudgedLimit
                    + ". Nothing was sent.");
        }
        RolloutSettings settings = RolloutSettings.defaults().withAlpha(alpha)
                .withMaxErrorRate(Optional.ofNullable(maxErrorRate)).withMaxDurationRatio(maxDurationRatio)
                .withRollbackOnFailure(onGateFailure == Then.rollback)
                .withUnjudged(java.time.Duration.ofSeconds(Math.round(unjudgedLimit * 60)), whenUnjudged == Then.rollback);
        report().println("Roll out on " + function + ":" + alias + " by " + plan.name() + ": " + plan.describe());
        AliasRoute current = CliSession.await(session.lambda().getAlias(function, alias));
        report().println("  now:  " + current.split().arrows() + " (revision " + current.revisionId() + ")");
        report().println("  " + session.asText());
        CliSession.await(session.session().ownership().of(function, current)).warnings(function, alias)
                .forEach(w -> report().println("  warning: " + w));
        report().flush();
        if (!yes) {
            confirmOrRefuse("Proceed?", "start", "Nothing was sent.");
        }
        if (source.publish && !replaceCanary) {
            // Refused before publishing: the version to be published can only replace a canary already there.
            AliasRoute now = CliSession.await(session.lambda().getAlias(function, alias));
            CanaryReplacement.of(now, "$LATEST").ifPresent(r -> {
                throw CliFailure.refused(r.current() + "; add --replace-canary to replace v" + r.replaced()
                        + "'s share with the version --publish makes. Nothing was published or sent.");
            });
        }
        String version = source.publish ? publish(session) : source.to;
        RolloutEngine engine = RolloutDriver.engine(session);
        try (engine) {
            Rollout rollout = CliSession.await(engine.start(new RolloutEngine.Request(function, alias, version, plan,
                    settings, replaceCanary)));
            return new RolloutDriver(out(), options.json(), session.clockSpeed(), session.feedback(), exitWhenAsked)
                    .drive(rollout, session.session().services().clock());
        } catch (CanaryInTheWayException e) {
            CanaryReplacement r = e.replacement();
            throw CliFailure.refused(r.current() + "; add --replace-canary to replace v" + r.replaced() + "'s share with v"
                    + r.target() + ". Nothing was sent.");
        } catch (IllegalStateException e) {
            throw new CliFailure(ExitCodes.CONFLICT, "conflict", e.getMessage());
        } finally {
            engine.awaitLeasesReleased(java.time.Duration.ofSeconds(10)); // other consoles stop showing it before we exit
        }
    }

    private String publish(CliSession session) {
        FunctionConfig latest = CliSession.await(session.lambda().getConfiguration(function, AwsNames.LATEST));
        try {
            FunctionConfig published = CliSession.await(session.lambda().publishVersion(function, description,
                    Optional.ofNullable(latest.codeSha256()), Optional.ofNullable(latest.revisionId())));
            err().println("Published " + function + " version " + published.version() + ".");
            err().flush();
            return published.version();
        } catch (PreconditionFailedException e) {
            throw new CliFailure(ExitCodes.CONFLICT, "conflict", function + " $LATEST changed since it was read; "
                    + "nothing was published. " + Problems.describe(e));
        }
    }
}

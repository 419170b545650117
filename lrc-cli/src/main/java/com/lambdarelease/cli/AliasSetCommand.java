package com.lambdarelease.cli;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.WeightParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code alias set}: points an alias at a version, optionally with a canary, based on the alias as just read. */
@Command(name = "set", description = "Point an alias at a version, optionally sending PERCENT of its traffic to a canary version.")
final class AliasSetCommand extends AliasWriteCommand {

    @Option(names = "--version", paramLabel = "V", required = true, description = "The version that gets the rest of the traffic.")
    String version;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    Canary canary;

    /** --canary and --weight come together or not at all. */
    static final class Canary {
        @Option(names = "--canary", paramLabel = "V2", required = true, description = "The canary version.")
        String version;

        @Option(names = "--weight", paramLabel = "PERCENT", required = true,
                description = "The canary's share: 10, 10%% or 12.5 (0 to 100, steps of 0.1).")
        String weight;
    }

    @Option(names = "--description", paramLabel = "TEXT", description = "A new description (default: keep the alias's).")
    String description;

    AliasSetCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    void validate() {
        super.validate();
        split();
    }

    /** The split asked for; refuses a bad weight or version (AWS's own rules) before any request. */
    private TrafficSplit split() {
        return canary == null ? TrafficSplit.allTo(version)
                : WeightParser.split(version, Optional.of(canary.version), canary.weight);
    }

    @Override
    AliasChange change(CliSession session) {
        AliasRoute basedOn = current(session);
        return AliasChange.update(basedOn, split(), description == null ? basedOn.description() : description);
    }
}

package com.lambdarelease.cli;

import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.AliasChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alias create}: a new alias overwrites nothing (AWS refuses an existing name), so it is not confirmed. */
@Command(name = "create", description = "Create an alias sending all traffic to one version.")
final class AliasCreateCommand extends AliasWriteCommand {

    @Option(names = "--version", paramLabel = "V", required = true, description = "The published version (or $LATEST).")
    String version;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "", description = "The alias's description.")
    String description;

    AliasCreateCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    void validate() {
        super.validate();
        TrafficSplit.allTo(version);
    }

    @Override
    boolean confirms() {
        return false;
    }

    @Override
    AliasChange change(CliSession session) {
        return AliasChange.create(function, alias, TrafficSplit.allTo(version), description);
    }
}

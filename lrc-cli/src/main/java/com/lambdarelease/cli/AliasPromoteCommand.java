package com.lambdarelease.cli;

import com.lambdarelease.release.AliasChange;
import picocli.CommandLine.Command;

/** {@code alias promote}: all traffic to the canary, routing cleared. */
@Command(name = "promote", description = "Send all of the alias's traffic to its canary version and clear the routing.")
final class AliasPromoteCommand extends AliasWriteCommand {

    AliasPromoteCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    AliasChange change(CliSession session) {
        return AliasChange.promote(current(session));
    }
}

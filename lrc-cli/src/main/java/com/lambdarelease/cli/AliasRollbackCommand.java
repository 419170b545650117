package com.lambdarelease.cli;

import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.release.AliasChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code alias rollback}: a split goes back to its primary; an alias without one goes to {@code --to}. */
@Command(name = "rollback", description = "Send all traffic back to the primary version, or to --to V when the alias has no canary.")
final class AliasRollbackCommand extends AliasWriteCommand {

    @Option(names = "--to", paramLabel = "V", description = "The earlier version to point the alias at.")
    String to;

    AliasRollbackCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    void validate() {
        super.validate();
        if (to != null) {
            TrafficSplit.allTo(to);
        }
    }

    @Override
    AliasChange change(CliSession session) {
        return AliasChange.rollBack(current(session), Optional.ofNullable(to));
    }
}

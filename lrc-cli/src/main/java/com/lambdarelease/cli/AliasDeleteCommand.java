package com.lambdarelease.cli;

import com.lambdarelease.release.AliasChange;
import picocli.CommandLine.Command;

/** {@code alias delete}: read first, so an alias changed since is never deleted (DeleteAlias takes no RevisionId). */
@Command(name = "delete", description = "Delete an alias; its callers then get ResourceNotFoundException.")
final class AliasDeleteCommand extends AliasWriteCommand {

    AliasDeleteCommand(GlobalOptions options, CliContext context) {
        super(options, context);
    }

    @Override
    AliasChange change(CliSession session) {
        return AliasChange.delete(current(session));
    }
}

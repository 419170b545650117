package com.lambdarelease.rollout;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.release.AliasChange;
import com.lambdarelease.release.ReleaseSession;
import com.lambdarelease.release.WriteOutcome;

import java.util.concurrent.CompletableFuture;

/**
 * The alias one rollout moves, as its parts reach it: one read, and writes through the release
 * core's alias writer (each guarded by the RevisionId of the alias as it was read, never retried
 * here). An applied write's new RevisionId becomes the progress's, so the next read tells the
 * rollout's own writes from someone else's. The one place a retry policy would go.
 */
record RolloutAlias(ReleaseSession session, AliasRoute baseline, Progress progress) {

    /** The alias as it is now. */
    CompletableFuture<AliasRoute> read() {
        return session.services().lambda().getAlias(baseline.functionName(), baseline.name());
    }

    /** One guarded write; the writer answers a conflict or an AWS failure with an outcome, not an exception. */
    CompletableFuture<WriteOutcome> write(AliasChange change) {
        return session.writer().planAndApply(change).thenApply(outcome -> {
            if (outcome instanceof WriteOutcome.Applied a) {
                a.after().ifPresent(after -> progress.revision = after.revisionId());
            }
            return outcome;
        });
    }
}

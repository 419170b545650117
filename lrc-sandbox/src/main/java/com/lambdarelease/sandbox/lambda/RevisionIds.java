package com.lambdarelease.sandbox.lambda;

import java.util.UUID;

/** RevisionIds are opaque UUIDs; every write to a function, version or alias gets a fresh one. */
final class RevisionIds {

    private RevisionIds() {
    }

    static String next() {
        return UUID.randomUUID().toString();
    }

    /** Throws 412 PreconditionFailedException when the caller's expected revision is stale. */
    static void check(java.util.Optional<String> expected, String current) {
        if (expected.isPresent() && !expected.get().equals(current)) {
            throw LambdaError.staleRevision();
        }
    }
}

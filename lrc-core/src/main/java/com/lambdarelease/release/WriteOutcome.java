package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.TrafficSplit;

import java.util.List;
import java.util.Optional;

/** How an alias write ended. Every screen and the command line show the same four cases. */
public sealed interface WriteOutcome {

    /** A sentence for the operator. */
    String message();

    /** The change this outcome answers. */
    AliasChange change();

    /** The change landed; {@code after} is the alias as AWS now has it (empty after a delete). */
    record Applied(AliasChange change, Optional<AliasRoute> before, Optional<AliasRoute> after, String message)
            implements WriteOutcome {
    }

    /**
     * Someone else changed the alias since it was read: nothing was overwritten. {@code current}
     * is the alias as it is now (empty when it is gone or could not be read).
     */
    record Conflict(AliasChange change, Optional<AliasRoute> basedOn, Optional<AliasRoute> current,
                    Optional<TrafficSplit> yours, String message) implements WriteOutcome {
    }

    /** Nothing was sent: the input or AWS's routing rules refuse it. */
    record Refused(AliasChange change, List<String> reasons) implements WriteOutcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }

        @Override
        public String message() {
            return String.join("\n", reasons);
        }
    }

    /** AWS refused it, or it could not be sent; {@code error} is the typed cause with AWS's words. */
    record Failed(AliasChange change, Throwable error, String message) implements WriteOutcome {
    }
}

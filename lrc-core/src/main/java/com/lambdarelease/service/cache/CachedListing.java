package com.lambdarelease.service.cache;

import com.lambdarelease.domain.FunctionSummary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The function list of one connection as last loaded: what the console shows at once on the next
 * start while it asks AWS again. Holds names, ARNs, runtime, memory, timeout and last-modified
 * time; never a description, an environment or a credential.
 *
 * @param account  the account the ARNs name, when known
 * @param savedAt  when the listing completed, by the connection's clock
 * @param complete false when the list was cut at {@link ListingCache#MAX_FUNCTIONS}
 */
public record CachedListing(Optional<String> account, Instant savedAt, List<FunctionSummary> functions, boolean complete) {

    public CachedListing {
        functions = List.copyOf(functions);
    }

    /** The account in an ARN {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}, if it has one. */
    public static Optional<String> accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length >= 5 && !parts[4].isEmpty() ? Optional.of(parts[4]) : Optional.empty();
    }
}

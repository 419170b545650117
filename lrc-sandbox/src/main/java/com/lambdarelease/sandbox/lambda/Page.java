package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.http.SandboxRequest;

import java.util.Optional;

/**
 * The Marker/MaxItems pair of AWS's list operations. MaxItems must be 1-10000, yet a page never
 * holds more than 50 items, whatever was asked.
 */
record Page(Optional<String> marker, int size) {

    static final int MAX_PAGE = 50;

    static Page from(SandboxRequest request) {
        return from(request, 10000);
    }

    /** For the list operations whose model caps MaxItems lower (ListProvisionedConcurrencyConfigs: 50). */
    static Page from(SandboxRequest request, int maxItems) {
        Optional<String> marker = request.queryParam("Marker").filter(m -> !m.isEmpty());
        Optional<String> rawMax = request.queryParam("MaxItems");
        if (rawMax.isEmpty()) {
            return new Page(marker, MAX_PAGE);
        }
        int max;
        try {
            max = Integer.parseInt(rawMax.get().trim());
        } catch (NumberFormatException e) {
            throw new LambdaError(400, "ValidationException", "1 validation error detected: Value '" + rawMax.get()
                    + "' at 'maxItems' failed to satisfy constraint: Member must be an integer");
        }
        new Violations().range(max, "maxItems", 1, maxItems).throwIfAny();
        return new Page(marker, Math.min(max, MAX_PAGE));
    }
}

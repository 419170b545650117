package com.lambdarelease.domain;

import java.util.Optional;

/** What one Invoke returned: which version ran, and the function error if it failed. */
public record InvocationResult(String executedVersion, int statusCode, Optional<String> functionError, String payload) {
    public boolean failed() {
        return functionError.isPresent();
    }
}

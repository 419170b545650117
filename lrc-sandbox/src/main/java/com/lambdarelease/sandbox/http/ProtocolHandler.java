package com.lambdarelease.sandbox.http;

/**
 * Answers one AWS protocol (Lambda restJson1, CloudWatch CBOR or JSON). Must never throw for bad
 * input: malformed requests get an AWS-shaped 4xx. An unexpected exception is turned into a
 * 500 ServiceException by the front door, and counts as a bug.
 */
@FunctionalInterface
public interface ProtocolHandler {
    SandboxResponse handle(SandboxRequest request);

    /**
     * The answer when the front door refuses {@code request} (its body may be empty: a refusal
     * can come before the body was read). Lambda's restJson1 shapes unless a protocol says otherwise.
     */
    default SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        return switch (refusal) {
            case THROTTLED, OVERLOADED -> SandboxRouter.restJsonError(429, "TooManyRequestsException", "Rate exceeded")
                    .withHeader("Retry-After", "1");
            case SERVER_ERROR -> SandboxRouter.restJsonError(500, "ServiceException",
                    "The sandbox injected a service error");
            case TOO_LARGE -> SandboxRouter.restJsonError(413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + bodyLimit + " bytes");
        };
    }
}

package com.lambdarelease.sandbox.http;

/**
 * The services that say who is calling and what was done: STS (awsQuery, form-posted to {@code /}) and
 * CloudTrail (awsJson1_1), and the observer told of every Lambda call served, which CloudTrail records.
 */
public record AuditServices(ProtocolHandler sts, ProtocolHandler cloudTrail, CallObserver lambdaCalls) {

    /** A front door without STS or CloudTrail: their requests get an UnknownOperationException. */
    public static final AuditServices NONE = new AuditServices(
            r -> SandboxRouter.restJsonError(404, "UnknownOperationException", "This sandbox serves no STS"),
            r -> SandboxRouter.awsJsonError(r, "UnknownOperationException", "This sandbox serves no CloudTrail"),
            CallObserver.NONE);
}

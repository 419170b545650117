package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.http.SandboxRouter;
import com.lambdarelease.sandbox.http.SandboxResponse;

/**
 * An AWS-shaped refusal: thrown anywhere in the Lambda backend, turned into a restJson1 error
 * answer at the edge. Throwing before any state is touched is what keeps bad requests harmless.
 */
final class LambdaError extends RuntimeException {

    static final String STALE_REVISION = "The Revision Id provided does not match the latest Revision Id. "
            + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id";

    private final int status;
    private final String type;

    LambdaError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static LambdaError functionNotFound(String arn) {
        return new LambdaError(404, "ResourceNotFoundException", "Function not found: " + arn);
    }

    static LambdaError aliasNotFound(String aliasArn) {
        return new LambdaError(404, "ResourceNotFoundException", "Cannot find alias arn: " + aliasArn);
    }

    static LambdaError provisionedConcurrencyNotFound() {
        return new LambdaError(404, "ProvisionedConcurrencyConfigNotFoundException",
                "No Provisioned Concurrency Config found for this function");
    }

    static LambdaError invalidParameter(String message) {
        return new LambdaError(400, "InvalidParameterValueException", message);
    }

    static LambdaError conflict(String message) {
        return new LambdaError(409, "ResourceConflictException", message);
    }

    static LambdaError staleRevision() {
        return new LambdaError(412, "PreconditionFailedException", STALE_REVISION);
    }

    static LambdaError badContent(String detail) {
        return new LambdaError(400, "InvalidRequestContentException", "Could not parse request body into json: " + detail);
    }

    static LambdaError unknownOperation(String method, String path) {
        return new LambdaError(404, "UnknownOperationException", "Unknown operation " + method + " " + path);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    SandboxResponse toResponse() {
        return SandboxRouter.restJsonError(status, type, getMessage());
    }
}

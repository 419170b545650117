package com.lambdarelease.service.errors;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever the SDK threw into one of our typed exceptions, keeping AWS's message. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** Unwraps completion wrappers; returns the typed exception for an SDK failure, or the cause as it is. */
    public static Throwable translate(Throwable t) {
        Throwable cause = unwrap(t);
        // An ended Identity Center sign-in is one message, however deep the SDK wrapped it.
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof com.lambdarelease.service.sso.SsoSessionExpiredException expired) {
                return expired;
            }
        }
        if (cause instanceof AwsServiceException) {
            return cause;
        }
        if (cause instanceof SdkServiceException service) {
            return fromService(service);
        }
        if (cause instanceof SdkClientException client) {
            return new EndpointUnreachableException("ClientError", 0, rootMessage(client), client);
        }
        return cause;
    }

    /** Like {@link #translate} but always a RuntimeException, for rethrowing inside a future chain. */
    public static RuntimeException asRuntime(Throwable t) {
        Throwable translated = translate(t);
        return translated instanceof RuntimeException r ? r : new CompletionException(translated);
    }

    private static AwsServiceException fromService(SdkServiceException e) {
        String code = "Unknown";
        String message = e.getMessage();
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws && aws.awsErrorDetails() != null) {
            AwsErrorDetails details = aws.awsErrorDetails();
            code = details.errorCode() == null ? code : details.errorCode();
            message = details.errorMessage() == null ? message : details.errorMessage();
        }
        int status = e.statusCode();
        if (e.isThrottlingException() || status == 429 || code.contains("Throttl") || code.equals("TooManyRequestsException")) {
            return new ThrottledException(code, status, message, e);
        }
        if (status == 412 || code.equals("PreconditionFailedException")) {
            return new PreconditionFailedException(code, status, message, e);
        }
        if (status == 404 || code.equals("ResourceNotFoundException")) {
            return new NotFoundException(code, status, message, e);
        }
        if (status == 403 || code.contains("AccessDenied") || code.equals("UnrecognizedClientException")
                || code.contains("ExpiredToken") || code.equals("InvalidSignatureException")) {
            return new AccessDeniedException(code, status, message, e);
        }
        if (status == 409 || code.equals("ResourceConflictException") || code.equals("ResourceInUseException")) {
            return new ConflictException(code, status, message, e);
        }
        if (status == 400) {
            return new InvalidParameterException(code, status, message, e);
        }
        return new AwsServiceException(code, status, message, e);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = t.getMessage();
        return c == t || c.getMessage() == null ? m : m + " (" + c.getMessage() + ")";
    }
}

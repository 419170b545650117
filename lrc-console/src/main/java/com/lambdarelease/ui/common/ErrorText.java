package com.lambdarelease.ui.common;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.service.errors.AccessDeniedException;
import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.AwsServiceException;
import com.lambdarelease.service.errors.ConflictException;
import com.lambdarelease.service.errors.EndpointUnreachableException;
import com.lambdarelease.service.errors.InvalidParameterException;
import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.PreconditionFailedException;
import com.lambdarelease.service.errors.ThrottledException;

/**
 * Plain words for any failure, with AWS's own message where there is one: a short headline naming
 * the kind of failure (what the operator should think) and the full sentence (what AWS said).
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** The sentence: kind of failure, then AWS's words. */
    public static String describe(Throwable error) {
        return com.lambdarelease.release.Problems.describe(error);
    }

    /** A few words naming the kind of failure, for a toast's or dialog's title. */
    public static String headline(Throwable error) {
        Throwable t = AwsErrors.translate(error);
        if (t instanceof com.lambdarelease.service.errors.IncompleteListingException incomplete) {
            t = AwsErrors.translate(incomplete.lastFailure()); // name the kind of failure that stopped it
        }
        if (t instanceof ThrottledException) {
            return "Throttled by AWS";
        }
        if (t instanceof PreconditionFailedException) {
            return "Changed by someone else";
        }
        if (t instanceof NotFoundException) {
            return "Not found";
        }
        if (t instanceof AccessDeniedException) {
            return "Access denied";
        }
        if (t instanceof EndpointUnreachableException) {
            return "Endpoint unreachable";
        }
        if (t instanceof ConflictException) {
            return "Conflict";
        }
        if (t instanceof InvalidParameterException || t instanceof InvalidInputException) {
            return "Refused";
        }
        return "Failed";
    }

    /** AWS's message word for word when there is one, else {@link #describe}. For inline field errors. */
    public static String awsWords(Throwable error) {
        Throwable t = AwsErrors.translate(error);
        if (t instanceof AwsServiceException aws && aws.awsMessage() != null) {
            return aws.errorCode() + ": " + aws.awsMessage();
        }
        return describe(t);
    }

    public static boolean isPreconditionFailure(Throwable error) {
        return AwsErrors.translate(error) instanceof PreconditionFailedException;
    }
}

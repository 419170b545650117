package com.lambdarelease.release;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.AwsServiceException;
import com.lambdarelease.service.errors.EndpointUnreachableException;

/** Plain words for a failure, AWS's own where AWS said something; shared by the console and the command line. */
public final class Problems {

    private Problems() {
    }

    public static String describe(Throwable error) {
        Throwable t = AwsErrors.translate(error);
        if (t instanceof AwsServiceException aws) {
            return aws.plainMessage();
        }
        if (t instanceof InvalidInputException invalid) {
            return invalid.getMessage();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /**
     * True when a write's answer was lost: no answer came back (a timeout, a reset connection) or
     * the server failed (5xx) after it may have applied the change. Such a write is re-read, never
     * retried blindly.
     */
    public static boolean outcomeUnknown(Throwable error) {
        Throwable t = AwsErrors.translate(error);
        if (t instanceof EndpointUnreachableException) {
            return true;
        }
        return t instanceof AwsServiceException aws && aws.statusCode() >= 500;
    }
}

package com.lambdarelease.ui.common;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.AwsServiceException;

/** Plain words for any failure, with AWS's own message where there is one. */
public final class ErrorText {
    private ErrorText() {
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
}

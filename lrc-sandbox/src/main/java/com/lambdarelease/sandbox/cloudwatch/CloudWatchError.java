package com.lambdarelease.sandbox.cloudwatch;

/**
 * A CloudWatch error answer. {@code shape} is the Smithy error shape (the SDK maps
 * {@code __type} to its exception class); {@code queryCode} is the older awsQuery code, sent in
 * {@code x-amzn-query-error} because CloudWatch is awsQueryCompatible (the SDK and botocore
 * report it as the error code).
 */
final class CloudWatchError extends RuntimeException {

    static final String NAMESPACE = "com.amazonaws.cloudwatch#";

    final int status;
    final String type;
    final String queryCode;
    final boolean senderFault;

    private CloudWatchError(int status, String type, String queryCode, boolean senderFault, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.queryCode = queryCode;
        this.senderFault = senderFault;
    }

    static CloudWatchError invalidParameterValue(String message) {
        return new CloudWatchError(400, NAMESPACE + "InvalidParameterValueException", "InvalidParameterValue", true,
                message);
    }

    /**
     * An input CloudWatch's model has no error shape for, such as a statistic it cannot parse:
     * AWS answers code {@code ValidationError} ("ValidationError: The value for parameter
     * MetricDataQueries.member.37.MetricStat.Stat is not a valid statistic.", as seen by
     * github.com/prometheus-community/yet-another-cloudwatch-exporter/issues/1435 and /385).
     * The {@code __type} is unverified; the SDK reads the code from {@code x-amzn-query-error}.
     */
    static CloudWatchError validationError(String message) {
        return new CloudWatchError(400, "com.amazon.coral.validate#ValidationException", "ValidationError", true,
                message);
    }

    static CloudWatchError invalidParameterCombination(String message) {
        return new CloudWatchError(400, NAMESPACE + "InvalidParameterCombinationException",
                "InvalidParameterCombination", true, message);
    }

    static CloudWatchError missingParameter(String parameter) {
        return new CloudWatchError(400, NAMESPACE + "MissingRequiredParameterException", "MissingParameter", true,
                "The parameter " + parameter + " is required.");
    }

    static CloudWatchError invalidNextToken() {
        return new CloudWatchError(400, NAMESPACE + "InvalidNextToken", "InvalidNextToken", true,
                "The service couldn't process the NextToken: it is malformed or from another request.");
    }

    static CloudWatchError unknownOperation(String operation) {
        return new CloudWatchError(400, "com.amazon.coral.service#UnknownOperationException", "InvalidAction", true,
                "The operation " + operation + " is not supported by the sandbox's CloudWatch.");
    }

    static CloudWatchError malformed(String detail) {
        return new CloudWatchError(400, "com.amazon.coral.service#SerializationException", "MalformedInput", true,
                "The request body could not be read: " + detail);
    }

    /**
     * CloudWatch's throttling answer: awsQuery code Throttling, "Rate exceeded", status 400 as
     * AWS's query services send it. The Smithy shape name is unverified (CloudWatch models no
     * throttling error); coral's is what awsJson services send.
     */
    static CloudWatchError throttling() {
        return new CloudWatchError(400, "com.amazon.coral.availability#ThrottlingException", "Throttling", true,
                "Rate exceeded");
    }

    /** A body over the limit. Status 413 is HTTP's; the shape name and words are unverified for CloudWatch. */
    static CloudWatchError tooLarge(long limit) {
        return new CloudWatchError(413, "com.amazon.coral.service#RequestEntityTooLargeException",
                "RequestEntityTooLarge", true, "Request must be smaller than " + limit + " bytes");
    }

    static CloudWatchError internal(String message) {
        return new CloudWatchError(500, NAMESPACE + "InternalServiceFault", "InternalServiceError", false, message);
    }

    /** The {@code x-amzn-query-error} header value, e.g. {@code InvalidParameterValue;Sender}. */
    String queryErrorHeader() {
        return queryCode + ";" + (senderFault ? "Sender" : "Receiver");
    }
}

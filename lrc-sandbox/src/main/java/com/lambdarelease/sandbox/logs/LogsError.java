package com.lambdarelease.sandbox.logs;

/**
 * A CloudWatch Logs error answer: awsJson1_1's {@code __type} and {@code message}. Thrown anywhere in
 * the Logs backend before any state is touched, turned into an answer at the edge.
 */
final class LogsError extends RuntimeException {

    final int status;
    final String type;

    LogsError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static LogsError invalidParameter(String message) {
        return new LogsError(400, "InvalidParameterException", message);
    }

    /** AWS's wording for a member outside its model constraint, under Logs' InvalidParameterException. */
    static LogsError constraint(String member, Object value, String constraint) {
        return invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    /** {@code The specified log group does not exist.} (AWS's ResourceNotFoundException text) */
    static LogsError noGroup() {
        return new LogsError(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }

    /** {@code The specified log stream does not exist.} (AWS's ResourceNotFoundException text) */
    static LogsError noStream() {
        return new LogsError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
    }

    /** The token could not be read: the sandbox's words, AWS's are unverified. */
    static LogsError badToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }

    /**
     * {@code {"__type":"ThrottlingException","message":"Rate exceeded"}} with HTTP 400
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html).
     */
    static LogsError throttling() {
        return new LogsError(400, "ThrottlingException", "Rate exceeded");
    }

    static LogsError unavailable(String message) {
        return new LogsError(500, "ServiceUnavailableException", message);
    }

    static LogsError serialization(String message) {
        return new LogsError(400, "SerializationException", message);
    }

    static LogsError unknownOperation(String operation) {
        return new LogsError(400, "UnknownOperationException",
                "The operation " + operation + " is not supported by the sandbox's CloudWatch Logs.");
    }
}

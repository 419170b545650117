package com.lambdarelease.sandbox.http;

/**
 * Why the front door answered a request without its handler doing the work. Each protocol turns
 * a refusal into its own error shape ({@link ProtocolHandler#refuse}), so a CloudWatch client
 * reads a CloudWatch error and a Lambda client a Lambda one.
 */
public enum Refusal {
    /** An injected throttling fault, or the account's rate exceeded. */
    THROTTLED,
    /** An injected 5xx fault. */
    SERVER_ERROR,
    /** The body is over the size limit for one request. */
    TOO_LARGE,
    /** The worker queue or the buffered-body budget is full: come back shortly. */
    OVERLOADED
}

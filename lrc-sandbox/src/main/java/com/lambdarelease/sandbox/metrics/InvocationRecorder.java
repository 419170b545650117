package com.lambdarelease.sandbox.metrics;

/** Where the Lambda side reports every invocation, real or simulated, to become AWS/Lambda metrics. */
@FunctionalInterface
public interface InvocationRecorder {
    void record(Invocation invocation);
}

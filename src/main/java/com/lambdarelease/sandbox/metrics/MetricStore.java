package com.lambdarelease.sandbox.metrics;

import com.lambdarelease.sandbox.SandboxClock;

/** CloudWatch's datapoints, kept per minute. STUB: to be built. */
public final class MetricStore implements InvocationRecorder {

    public MetricStore(SandboxClock clock, boolean awsDelay) {
    }

    @Override
    public void record(Invocation invocation) {
    }
}

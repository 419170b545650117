package com.lambdarelease.sandbox.cloudwatch;

import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.metrics.MetricStore;

/** CloudWatch, spoken both as smithy-rpc-v2-cbor (Java SDK) and awsJson1_0 (AWS CLI). STUB: to be built. */
public final class CloudWatchBackend implements ProtocolHandler {

    public CloudWatchBackend(MetricStore store, SandboxClock clock) {
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return SandboxResponse.json(501, "{\"message\":\"not implemented\"}");
    }
}

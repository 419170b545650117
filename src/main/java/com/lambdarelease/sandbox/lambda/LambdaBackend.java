package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.FunctionRuntime;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.metrics.InvocationRecorder;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** Lambda's control plane and Invoke, spoken as restJson1 (API version 2015-03-31). STUB: to be built. */
public final class LambdaBackend implements ProtocolHandler, FunctionRuntime {

    public LambdaBackend(SandboxOptions options, SandboxClock clock, InvocationRecorder recorder, RandomGenerator random) {
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return SandboxResponse.json(501, "{\"message\":\"not implemented\"}");
    }

    @Override
    public List<TrafficTarget> trafficTargets() {
        return List.of();
    }

    @Override
    public void invokeSimulated(String functionName, String qualifier, Instant at) {
    }

    /** Writes the state file, if one is configured. Called on shutdown. */
    public void saveState() {
    }
}

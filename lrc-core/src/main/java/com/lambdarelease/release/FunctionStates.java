package com.lambdarelease.release;

import com.lambdarelease.service.LambdaService;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link FunctionState} per function on one connection; replaced with the connection. */
public final class FunctionStates {

    private final LambdaService lambda;
    private final Map<String, FunctionState> states = new ConcurrentHashMap<>();

    public FunctionStates(LambdaService lambda) {
        this.lambda = lambda;
    }

    public FunctionState of(String functionName) {
        return states.computeIfAbsent(functionName, n -> new FunctionState(n, lambda));
    }
}

package com.lambdarelease.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * Where the Lambda side reports every run, real or simulated, to become what Lambda writes to
 * CloudWatch Logs ({@code /aws/lambda/<function>}). The sandbox's Logs service implements it; a
 * Lambda side without Logs uses {@link #NONE}.
 */
@FunctionalInterface
public interface ExecutionLog {

    ExecutionLog NONE = run -> { };

    void ran(Run run);

    /**
     * One run of one version.
     *
     * @param account     the account the function is in
     * @param region      the region the function is in
     * @param version     the executed version ({@code $LATEST} or a number), never an alias
     * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html)
     * @param handler     the function's handler, for the traceback's file and function
     * @param environment the version's environment (SANDBOX_ERROR_MESSAGES chooses its error messages)
     * @param at          sandbox time the run started
     * @param requestId   the request id the caller saw
     */
    record Run(String account, String region, String functionName, String version, String runtime, String handler,
               int memorySize, Map<String, String> environment, Instant at, double durationMs, boolean error,
               String requestId) {
    }
}

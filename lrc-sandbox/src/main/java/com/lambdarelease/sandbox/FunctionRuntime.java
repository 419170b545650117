package com.lambdarelease.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * The Lambda side of the sandbox as the traffic simulator sees it: which aliases get steady
 * traffic, and a way to run one simulated invocation (routed by the alias's weights, failing or
 * slow as the executed version's configuration says, and recorded as a metric).
 */
public interface FunctionRuntime {

    /** The aliases that receive simulated traffic, with their base request rates. */
    List<TrafficTarget> trafficTargets();

    /**
     * Runs one simulated invocation of {@code functionName:qualifier} at sandbox time {@code at}.
     * Unknown functions or qualifiers (deleted since) are ignored.
     */
    void invokeSimulated(String functionName, String qualifier, Instant at);

    /** An alias with simulated traffic. */
    record TrafficTarget(String functionName, String alias, double requestsPerMinute) {
    }
}

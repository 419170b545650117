package com.lambdarelease.sandbox.cloudtrail;

import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.http.CallObserver;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.identity.Callers;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The sandbox's CloudTrail: the trail of Lambda management events per account and region, the recorder
 * that writes every Lambda write call into it, and LookupEvents that reads it. In memory only.
 */
public final class CloudTrailBackend {

    private final Trail trail;
    private final CloudTrailService service;
    private final LambdaCallRecorder recorder;

    public CloudTrailBackend(SandboxOptions.CloudTrail options, Clock clock, Callers callers, LongSupplier nanos) {
        this.trail = new Trail(clock, options.delay(), options.maxEvents());
        this.service = new CloudTrailService(trail, options.rateLimited(), nanos);
        this.recorder = new LambdaCallRecorder(trail, callers, clock);
    }

    /** LookupEvents, for the front door. */
    public ProtocolHandler service() {
        return service;
    }

    /** What the front door tells of every Lambda call it answered. */
    public CallObserver lambdaRecorder() {
        return recorder;
    }

    /** The demo account's history before {@code start}: the deployments that left its aliases as they are. */
    public void seedDemo(Instant start) {
        TrailSeeds.seed(trail, start);
    }

    /** Events held now for one account and region, visible or not. */
    public int eventCount(String account, String region) {
        return trail.size(account, region);
    }
}

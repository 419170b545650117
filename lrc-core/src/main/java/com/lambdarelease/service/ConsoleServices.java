package com.lambdarelease.service;

import java.time.Clock;

/**
 * Everything the console needs to talk to one connection (sandbox, AWS profile and region, or a
 * custom endpoint). Built by the composition root; replaced whole when the operator switches
 * connection, and closed then.
 *
 * @param label    what the toolbar shows, e.g. "Sandbox (127.0.0.1:4599)" or "prod-admin · eu-west-1"
 * @param lambda   versions and aliases
 * @param metrics  CloudWatch metrics
 * @param logs     CloudWatch Logs, per executed version
 * @param activity request counts and throttling events of this connection's clients
 * @param clock    the time the console reasons with (the sandbox's clock when on the sandbox)
 * @param clockSpeed how many seconds of {@code clock} pass in a real second (above 1 on a sped-up sandbox)
 * @param resources closed when the connection is dropped
 * @param who      the profile or credentials the connection uses ("sandbox", "profile prod-admin"), for the journal
 * @param identity who those credentials are (STS), for the journal, confirmations and rollout leases
 * @param trail    CloudTrail's record of Lambda calls made from anywhere, for alias history
 */
public record ConsoleServices(String label, LambdaService lambda, MetricsService metrics, LogsService logs,
                              ClientActivity activity,
                              Clock clock, double clockSpeed, AutoCloseable resources, String who,
                              IdentityService identity, TrailService trail)
        implements AutoCloseable {

    /** A connection that has no STS or CloudTrail (tests on fakes). */
    public ConsoleServices(String label, LambdaService lambda, MetricsService metrics, LogsService logs,
                           ClientActivity activity, Clock clock, double clockSpeed, AutoCloseable resources, String who) {
        this(label, lambda, metrics, logs, activity, clock, clockSpeed, resources, who, IdentityService.NONE,
                TrailService.NONE);
    }

    /** A connection whose clock runs at real speed (AWS, or a sandbox on a manual clock). */
    public ConsoleServices(String label, LambdaService lambda, MetricsService metrics, LogsService logs,
                           ClientActivity activity, Clock clock, AutoCloseable resources, String who) {
        this(label, lambda, metrics, logs, activity, clock, 1, resources, who);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}

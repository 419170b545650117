package com.lambdarelease.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a sandbox behaves. {@link #defaults()} is what a newcomer gets: demo data, simulated
 * traffic, metrics readable at once, no faults. Tests usually start from {@link #forTests()}.
 * Other options are made with a {@link Builder}: {@link #builder()} starts from the defaults,
 * {@link #builderForTests()} from the tests' options, {@link #toBuilder()} from these.
 *
 * <p>The settings are grouped by the part of the sandbox that reads them: the front door and the
 * clock here, then one record each for Lambda, the simulated traffic, CloudWatch and CloudWatch Logs.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks a free one
 * @param requestLatency added to every request, of every service, before it is handled
 * @param limits         what the front door lets clients hold: workers, queue, body bytes, timeouts
 * @param speed          sandbox clock runs this many times faster than wall time (ignored with a manual clock)
 * @param randomSeed     seed for routing, traffic and faults, so a test run is repeatable
 * @param lambda         Lambda: the functions it starts with, where it keeps them, its states, faults and quotas
 * @param traffic        the simulated requests to the seeded aliases
 * @param cloudWatch     CloudWatch: its faults and whether datapoints are readable at once
 * @param logs           CloudWatch Logs: its faults, how many events it keeps, whether AWS's request rates apply
 * @param cloudTrail     CloudTrail: how late events become visible, whether LookupEvents' rate applies, how many it keeps
 */
public record SandboxOptions(int port, Duration requestLatency, FrontDoorLimits limits, double speed, long randomSeed,
                             Lambda lambda, Traffic traffic, CloudWatch cloudWatch, LogsOptions logs,
                             CloudTrail cloudTrail) {

    /**
     * How the sandbox's CloudTrail behaves.
     *
     * @param delay       how long after a call its event becomes visible to LookupEvents (sandbox time); AWS
     *                    delivers "within an average of about 5 minutes"; zero by default, so a test sees at once
     * @param rateLimited LookupEvents' rate of 2 requests a second per account and region, past which it answers
     *                    ThrottlingException (AWS's; on by default, off in {@link #forTests()})
     * @param maxEvents   events kept per account and region, the oldest dropped first (AWS keeps 90 days of all)
     */
    public record CloudTrail(Duration delay, boolean rateLimited, int maxEvents) {

        public static final int DEFAULT_MAX_EVENTS = 20_000;

        public CloudTrail {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("cloudTrailDelay must be >= 0, was " + delay);
            }
            if (maxEvents < 1) {
                throw new IllegalArgumentException("maxTrailEvents must be >= 1, was " + maxEvents);
            }
        }

        public static CloudTrail defaults() {
            return new CloudTrail(Duration.ZERO, true, DEFAULT_MAX_EVENTS);
        }

        public CloudTrail withRateLimited(boolean on) {
            return new CloudTrail(delay, on, maxEvents);
        }

        public CloudTrail withMaxEvents(int max) {
            return new CloudTrail(delay, rateLimited, max);
        }
    }

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
    }

    /**
     * How the sandbox's Lambda behaves.
     *
     * @param seedDemoData       create MyLambdaFunction and the other demo functions at start
     * @param syntheticFunctions extra bare functions (bench-fn-00001...) for paging and benchmarks
     * @param stateFile          where Lambda state is kept across restarts; empty keeps it in memory only
     * @param stateDelay         sandbox time a new function stays Pending and an update InProgress (AWS takes a
     *                           few seconds); zero makes both immediate
     * @param faults             faults injected into Lambda requests: throttle rate (429 TooManyRequestsException),
     *                           server error rate (500 ServiceException) and latency spikes
     * @param quotas             Lambda's control-plane request rates per account and region
     * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: GetFunction
     *                           100/s, every other control-plane call together 15/s; Invoke is not counted), answered
     *                           429 TooManyRequestsException past them; off by default, as tests call faster than that
     */
    public record Lambda(boolean seedDemoData, int syntheticFunctions, Optional<Path> stateFile, Duration stateDelay,
                         Faults faults, boolean quotas) {

        public Lambda {
            if (syntheticFunctions < 0) {
                throw new IllegalArgumentException("syntheticFunctions must be >= 0");
            }
            if (stateDelay == null || stateDelay.isNegative()) {
                throw new IllegalArgumentException("stateDelay must be >= 0, was " + stateDelay);
            }
        }
    }

    /**
     * The simulated requests to the seeded aliases.
     *
     * @param enabled  simulate steady requests at all
     * @param scale    multiplies every simulated request rate (1 = the seeded rates)
     * @param backfill simulated history generated at start, so charts have data at once (zero for none)
     */
    public record Traffic(boolean enabled, double scale, Duration backfill) {

        public Traffic {
            if (scale < 0) {
                throw new IllegalArgumentException("trafficScale must be >= 0, was " + scale);
            }
        }
    }

    /**
     * How the sandbox's CloudWatch behaves.
     *
     * @param faults       faults injected into CloudWatch requests, each switchable on its own
     * @param metricsDelay true adds AWS's 1-3 minute delay before a datapoint is readable
     * @param lateSeries   series that arrive later still, each by its own delay (a series of one
     *                     version systematically late, as AWS does not promise the series of a minute
     *                     arrive together); empty by default
     */
    public record CloudWatch(Faults faults, boolean metricsDelay, java.util.List<LateSeries> lateSeries) {
        public CloudWatch {
            lateSeries = java.util.List.copyOf(lateSeries);
        }
    }

    /**
     * One late series: {@code metricName} of AWS/Lambda with {@code ExecutedVersion} = {@code version}
     * becomes readable {@code by} later than it otherwise would.
     */
    public record LateSeries(String metricName, String version, Duration by) {
        public LateSeries {
            if (by.isNegative()) {
                throw new IllegalArgumentException("a series cannot be late by a negative time, was " + by);
            }
        }
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    /** Demo data, no simulated traffic, no backfill, fixed random seed. */
    public static SandboxOptions forTests() {
        return builderForTests().build();
    }

    /** A builder holding {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding {@link #forTests()}. */
    public static Builder builderForTests() {
        return builder().traffic(false).backfill(Duration.ZERO).randomSeed(42L).stateDelay(Duration.ZERO)
                .logs(LogsOptions.defaults().withQuotas(false))
                .cloudTrail(CloudTrail.defaults().withRateLimited(false));
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Sets the options one by one; {@link #build()} checks them. Starts from {@link #defaults()}
     * ({@link SandboxOptions#builder()}) or from options already made ({@link SandboxOptions#toBuilder()}).
     */
    public static final class Builder {

        private int port = 0;
        private Duration requestLatency = Duration.ZERO;
        private FrontDoorLimits limits = FrontDoorLimits.defaults();
        private double speed = 1;
        private long randomSeed = System.nanoTime();
        private boolean seedDemoData = true;
        private int syntheticFunctions = 0;
        private Optional<Path> stateFile = Optional.empty();
        private Duration stateDelay = Duration.ofSeconds(1);
        private double throttleRate = 0;
        private double serverErrorRate = 0;
        private double latencySpikeRate = 0;
        private Duration latencySpikeMean = Duration.ZERO;
        private boolean lambdaQuotas = false;
        private boolean traffic = true;
        private double trafficScale = 1;
        private Duration backfill = Duration.ofHours(3);
        private Faults cloudWatchFaults = Faults.NONE;
        private boolean metricsDelay = false;
        private java.util.List<LateSeries> lateSeries = java.util.List.of();
        private LogsOptions logs = LogsOptions.defaults();
        private CloudTrail cloudTrail = CloudTrail.defaults();

        private Builder() {
        }

        private Builder(SandboxOptions o) {
            port = o.port;
            requestLatency = o.requestLatency;
            limits = o.limits;
            speed = o.speed;
            randomSeed = o.randomSeed;
            seedDemoData = o.lambda.seedDemoData();
            syntheticFunctions = o.lambda.syntheticFunctions();
            stateFile = o.lambda.stateFile();
            stateDelay = o.lambda.stateDelay();
            throttleRate = o.lambda.faults().throttleRate();
            serverErrorRate = o.lambda.faults().serverErrorRate();
            latencySpikeRate = o.lambda.faults().latencySpikeRate();
            latencySpikeMean = o.lambda.faults().latencySpikeMean();
            lambdaQuotas = o.lambda.quotas();
            traffic = o.traffic.enabled();
            trafficScale = o.traffic.scale();
            backfill = o.traffic.backfill();
            cloudWatchFaults = o.cloudWatch.faults();
            metricsDelay = o.cloudWatch.metricsDelay();
            lateSeries = o.cloudWatch.lateSeries();
            logs = o.logs;
            cloudTrail = o.cloudTrail;
        }

        /** The options set so far; throws {@link IllegalArgumentException} naming the first one out of range. */
        public SandboxOptions build() {
            Faults lambdaFaults = new Faults(throttleRate, serverErrorRate, latencySpikeRate, latencySpikeMean);
            return new SandboxOptions(port, requestLatency, limits, speed, randomSeed,
                    new Lambda(seedDemoData, syntheticFunctions, stateFile, stateDelay, lambdaFaults, lambdaQuotas),
                    new Traffic(traffic, trafficScale, backfill), new CloudWatch(cloudWatchFaults, metricsDelay, lateSeries), logs,
                    cloudTrail);
        }

        /** CloudTrail's delay, rate and bound. */
        public Builder cloudTrail(CloudTrail c) {
            cloudTrail = c;
            return this;
        }

        /** How late CloudTrail events become visible (AWS averages about 5 minutes; zero by default). */
        public Builder cloudTrailDelay(Duration d) {
            cloudTrail = new CloudTrail(d, cloudTrail.rateLimited(), cloudTrail.maxEvents());
            return this;
        }

        public Builder port(int p) {
            port = p;
            return this;
        }

        public Builder requestLatency(Duration d) {
            requestLatency = d;
            return this;
        }

        public Builder limits(FrontDoorLimits l) {
            limits = l;
            return this;
        }

        public Builder speed(double s) {
            speed = s;
            return this;
        }

        public Builder randomSeed(long seed) {
            randomSeed = seed;
            return this;
        }

        public Builder seedDemoData(boolean b) {
            seedDemoData = b;
            return this;
        }

        public Builder syntheticFunctions(int n) {
            syntheticFunctions = n;
            return this;
        }

        /** Null keeps Lambda state in memory only. */
        public Builder stateFile(Path p) {
            stateFile = Optional.ofNullable(p);
            return this;
        }

        public Builder stateDelay(Duration d) {
            stateDelay = d;
            return this;
        }

        /** Share of Lambda control-plane requests answered 429 TooManyRequestsException. */
        public Builder throttleRate(double r) {
            throttleRate = r;
            return this;
        }

        /** Share of Lambda control-plane requests answered 500 ServiceException. */
        public Builder serverErrorRate(double r) {
            serverErrorRate = r;
            return this;
        }

        /** Share of Lambda requests that get a latency spike, and the spikes' mean extra delay (see {@link Faults}). */
        public Builder latencySpikes(double rate, Duration mean) {
            latencySpikeRate = rate;
            latencySpikeMean = mean;
            return this;
        }

        public Builder lambdaQuotas(boolean on) {
            lambdaQuotas = on;
            return this;
        }

        public Builder traffic(boolean on) {
            traffic = on;
            return this;
        }

        public Builder trafficScale(double s) {
            trafficScale = s;
            return this;
        }

        public Builder backfill(Duration d) {
            backfill = d;
            return this;
        }

        public Builder cloudWatchFaults(Faults f) {
            cloudWatchFaults = f;
            return this;
        }

        /** {@code metricName} of {@code version} arrives {@code by} later than the others. */
        public Builder lateSeries(String metricName, String version, Duration by) {
            java.util.List<LateSeries> l = new java.util.ArrayList<>(lateSeries);
            l.add(new LateSeries(metricName, version, by));
            lateSeries = l;
            return this;
        }

        public Builder metricsDelay(boolean b) {
            metricsDelay = b;
            return this;
        }

        public Builder logs(LogsOptions l) {
            logs = l;
            return this;
        }
    }
}

package com.lambdarelease.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a sandbox behaves. {@link #defaults()} is what a newcomer gets: demo data, simulated
 * traffic, metrics readable at once, no faults. Tests usually start from {@link #forTests()}.
 *
 * @param port             TCP port on 127.0.0.1; 0 picks a free one
 * @param speed            sandbox clock runs this many times faster than wall time (ignored with a manual clock)
 * @param seedDemoData     create MyLambdaFunction and the other demo functions at start
 * @param traffic          simulate steady requests to the seeded aliases
 * @param trafficScale     multiplies every simulated request rate (1 = the seeded rates)
 * @param backfill         simulated history generated at start, so charts have data at once (zero for none)
 * @param metricsDelay     true adds AWS's 1-3 minute delay before a datapoint is readable
 * @param throttleRate     share of Lambda control-plane requests answered 429 TooManyRequestsException
 * @param serverErrorRate  share of Lambda control-plane requests answered 500 ServiceException
 * @param requestLatency   added to every request before it is handled
 * @param stateFile        where Lambda state is kept across restarts; empty keeps it in memory only
 * @param syntheticFunctions extra bare functions (bench-fn-00001...) for paging and benchmarks
 * @param randomSeed       seed for routing, traffic and faults, so a test run is repeatable
 * @param stateDelay       sandbox time a new function stays Pending and an update InProgress (AWS takes a few
 *                         seconds); zero makes both immediate
 * @param latencySpikeRate share of Lambda requests that get a latency spike (see {@link Faults})
 * @param latencySpikeMean mean extra delay of a Lambda latency spike
 * @param cloudWatchFaults faults injected into CloudWatch requests, each switchable on its own
 * @param limits           what the front door lets clients hold: workers, queue, body bytes, timeouts
 * @param logs             CloudWatch Logs: its faults, how many events it keeps, whether AWS's request rates apply
 * @param lambdaQuotas     Lambda's control-plane request rates per account and region (AWS-FACTS: GetFunction
 *                         100/s, every other control-plane call together 15/s; Invoke is not counted), answered
 *                         429 TooManyRequestsException past them; off by default, as tests call faster than that
 */
public record SandboxOptions(int port, double speed, boolean seedDemoData, boolean traffic, double trafficScale,
                             Duration backfill, boolean metricsDelay, double throttleRate, double serverErrorRate,
                             Duration requestLatency, Optional<Path> stateFile, int syntheticFunctions,
                             long randomSeed, Duration stateDelay, double latencySpikeRate, Duration latencySpikeMean,
                             Faults cloudWatchFaults, FrontDoorLimits limits, LogsOptions logs, boolean lambdaQuotas) {

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        requireShare("throttleRate", throttleRate);
        requireShare("serverErrorRate", serverErrorRate);
        requireShare("latencySpikeRate", latencySpikeRate);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        if (trafficScale < 0) {
            throw new IllegalArgumentException("trafficScale must be >= 0, was " + trafficScale);
        }
        if (syntheticFunctions < 0) {
            throw new IllegalArgumentException("syntheticFunctions must be >= 0");
        }
        if (stateDelay == null || stateDelay.isNegative()) {
            throw new IllegalArgumentException("stateDelay must be >= 0, was " + stateDelay);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }

    /** Lambda's faults: the throttle and 5xx rates above, with the Lambda latency spikes. */
    public Faults lambdaFaults() {
        return new Faults(throttleRate, serverErrorRate, latencySpikeRate, latencySpikeMean);
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 1, true, true, 1, Duration.ofHours(3), false, 0, 0, Duration.ZERO,
                Optional.empty(), 0, System.nanoTime(), Duration.ofSeconds(1), 0, Duration.ZERO, Faults.NONE, FrontDoorLimits.defaults(),
                LogsOptions.defaults(), false);
    }

    /** Demo data, no simulated traffic, no backfill, fixed random seed. */
    public static SandboxOptions forTests() {
        return new SandboxOptions(0, 1, true, false, 1, Duration.ZERO, false, 0, 0, Duration.ZERO,
                Optional.empty(), 0, 42L, Duration.ZERO, 0, Duration.ZERO, Faults.NONE, FrontDoorLimits.defaults(),
                LogsOptions.defaults().withQuotas(false), false);
    }

    public SandboxOptions withPort(int p) {
        return new SandboxOptions(p, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withSpeed(double s) {
        return new SandboxOptions(port, s, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withSeedDemoData(boolean b) {
        return new SandboxOptions(port, speed, b, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withTraffic(boolean b) {
        return new SandboxOptions(port, speed, seedDemoData, b, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withTrafficScale(double s) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, s, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withBackfill(Duration d) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, d, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withMetricsDelay(boolean b) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, b, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withThrottleRate(double r) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, r,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withServerErrorRate(double r) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate, r,
                requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withRequestLatency(Duration d) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, d, stateFile, syntheticFunctions, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withStateFile(Path p) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, Optional.ofNullable(p), syntheticFunctions, randomSeed, stateDelay,
                latencySpikeRate, latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withSyntheticFunctions(int n) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, n, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withRandomSeed(long seed) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, seed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withLatencySpikes(double rate, Duration mean) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay, rate, mean,
                cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withCloudWatchFaults(Faults f) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, f, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withLimits(FrontDoorLimits l) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, l, logs, lambdaQuotas);
    }

    public SandboxOptions withStateDelay(Duration d) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, d, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, logs, lambdaQuotas);
    }

    public SandboxOptions withLogs(LogsOptions l) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, l, lambdaQuotas);
    }

    public SandboxOptions withLambdaQuotas(boolean on) {
        return new SandboxOptions(port, speed, seedDemoData, traffic, trafficScale, backfill, metricsDelay, throttleRate,
                serverErrorRate, requestLatency, stateFile, syntheticFunctions, randomSeed, stateDelay, latencySpikeRate,
                latencySpikeMean, cloudWatchFaults, limits, logs, on);
    }
}

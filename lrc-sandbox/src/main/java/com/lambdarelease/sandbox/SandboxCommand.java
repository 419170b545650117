package com.lambdarelease.sandbox;

import com.lambdarelease.sandbox.lambda.UnreadableStateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sandbox}: runs the local AWS stand-in alone, headless, until Ctrl-C or SIGTERM. The sandbox's own jar
 * starts here ({@code java -jar lrc-sandbox.jar --port 4599}); the console's command line mounts the same command.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the local Lambda + CloudWatch + CloudWatch Logs sandbox on 127.0.0.1 until stopped.")
public final class SandboxCommand implements Callable<Integer> {

    /** The sandbox alone: {@code java -jar lrc-sandbox/target/lrc-sandbox.jar [--port N] [options]}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxCommand()).execute(args));
    }

    @Option(names = "--port", defaultValue = "4599", description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--speed", defaultValue = "1", description = "Run the sandbox clock N times faster, for demos (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--no-traffic", description = "Do not simulate requests to the seeded aliases.")
    boolean noTraffic;

    @Option(names = "--traffic-scale", defaultValue = "1", description = "Multiply every simulated request rate (default: ${DEFAULT-VALUE}).")
    double trafficScale;

    @Option(names = "--backfill-minutes", defaultValue = "180", description = "Minutes of simulated history made at start (default: ${DEFAULT-VALUE}).")
    long backfillMinutes;

    @Option(names = "--empty", description = "Start with no functions instead of the demo account.")
    boolean empty;

    @Option(names = "--metrics-delay", description = "Make datapoints readable only after AWS's 1-3 minute delay.")
    boolean metricsDelay;

    @Option(names = "--throttle-rate", defaultValue = "0", description = "Share (0-1) of Lambda requests answered 429 TooManyRequestsException.")
    double throttleRate;

    @Option(names = "--server-error-rate", defaultValue = "0", description = "Share (0-1) of Lambda requests answered 500 ServiceException.")
    double serverErrorRate;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Least time every request takes to answer, processing included (a remote round trip), in ms.")
    long latencyMs;

    @Option(names = "--state-file", description = "Keep the Lambda state in this JSON file across restarts.")
    Path stateFile;

    @Option(names = "--synthetic-functions", defaultValue = "0", description = "Add N bare functions (for paging and benchmarks).")
    int syntheticFunctions;

    @Option(names = "--state-delay-ms", defaultValue = "1000", description = "Sandbox time a new function stays Pending and an update InProgress, in ms (default: ${DEFAULT-VALUE}).")
    long stateDelayMs;

    @Option(names = "--seed", description = "Random seed for routing, traffic and faults.")
    Long seed;

    @Option(names = "--latency-spike-rate", defaultValue = "0", description = "Share (0-1) of Lambda requests that get a latency spike.")
    double latencySpikeRate;

    @Option(names = "--latency-spike-ms", defaultValue = "0", description = "Mean extra delay of a Lambda latency spike (exponentially distributed, capped at 10x), in ms.")
    long latencySpikeMs;

    @Option(names = "--cloudwatch-throttle-rate", defaultValue = "0", description = "Share (0-1) of CloudWatch requests answered with a Throttling error.")
    double cloudWatchThrottleRate;

    @Option(names = "--cloudwatch-server-error-rate", defaultValue = "0", description = "Share (0-1) of CloudWatch requests answered 500 InternalServiceFault.")
    double cloudWatchServerErrorRate;

    @Option(names = "--cloudwatch-latency-spike-rate", defaultValue = "0", description = "Share (0-1) of CloudWatch requests that get a latency spike.")
    double cloudWatchSpikeRate;

    @Option(names = "--cloudwatch-latency-spike-ms", defaultValue = "0", description = "Mean extra delay of a CloudWatch latency spike, in ms.")
    long cloudWatchSpikeMs;

    @Option(names = "--logs-throttle-rate", defaultValue = "0", description = "Share (0-1) of CloudWatch Logs requests answered 400 ThrottlingException.")
    double logsThrottleRate;

    @Option(names = "--logs-server-error-rate", defaultValue = "0", description = "Share (0-1) of CloudWatch Logs requests answered 500 ServiceUnavailableException.")
    double logsServerErrorRate;

    @Option(names = "--logs-latency-spike-rate", defaultValue = "0", description = "Share (0-1) of CloudWatch Logs requests that get a latency spike.")
    double logsSpikeRate;

    @Option(names = "--logs-latency-spike-ms", defaultValue = "0", description = "Mean extra delay of a CloudWatch Logs latency spike, in ms.")
    long logsSpikeMs;

    @Option(names = "--max-log-events", defaultValue = "" + LogsOptions.DEFAULT_MAX_EVENTS,
            description = "Log events kept per account and region; the oldest go past it (default: ${DEFAULT-VALUE}).")
    int maxLogEvents;

    @Option(names = "--cloudtrail-delay", defaultValue = "0", description = "Seconds (sandbox time) before a "
            + "CloudTrail event is visible to LookupEvents; AWS averages about 300. Default 0.")
    long cloudTrailDelaySeconds;

    @Option(names = "--no-cloudtrail-rate-limit", description = "Do not answer LookupEvents past AWS's 2 requests a "
            + "second per account and region with ThrottlingException.")
    boolean noCloudTrailRateLimit;

    @Option(names = "--no-logs-quotas", description = "Do not throttle CloudWatch Logs calls above AWS's request rates.")
    boolean noLogsQuotas;

    @Option(names = "--lambda-quotas", description = "Throttle Lambda control-plane calls above AWS's rates per account "
            + "and region (GetFunction 100/s, all others together 15/s; Invoke not counted), with 429 TooManyRequestsException.")
    boolean lambdaQuotas;

    @Option(names = "--worker-threads", description = "Threads that run request handlers (default: 4 per core, at least 8).")
    Integer workerThreads;

    @Option(names = "--queued-requests", description = "Requests waiting for a worker before new ones get 429 (default: 1024).")
    Integer queuedRequests;

    @Option(names = "--max-body-bytes", description = "Largest request body; bigger gets a 413 (default: 96 MiB).")
    Integer maxBodyBytes;

    @Option(names = "--max-buffered-body-bytes", description = "Request-body bytes all connections together may hold in memory (default: 256 MiB).")
    Long maxBufferedBodyBytes;

    @Option(names = "--idle-timeout-ms", description = "Close a connection idle this long with nothing in flight (default: 60000).")
    Long idleTimeoutMs;

    @Option(names = "--request-read-timeout-ms", description = "Close a connection that takes longer than this to send one request's headers and body (default: 30000).")
    Long requestReadTimeoutMs;

    private FrontDoorLimits limits() {
        FrontDoorLimits l = FrontDoorLimits.defaults();
        if (workerThreads != null) {
            l = l.withWorkerThreads(workerThreads);
        }
        if (queuedRequests != null) {
            l = l.withQueuedRequests(queuedRequests);
        }
        if (maxBodyBytes != null) {
            l = l.withMaxRequestBodyBytes(maxBodyBytes);
        }
        if (maxBufferedBodyBytes != null) {
            l = l.withMaxBufferedBodyBytes(maxBufferedBodyBytes);
        }
        if (idleTimeoutMs != null) {
            l = l.withIdleTimeout(Duration.ofMillis(idleTimeoutMs));
        }
        if (requestReadTimeoutMs != null) {
            l = l.withRequestReadTimeout(Duration.ofMillis(requestReadTimeoutMs));
        }
        return l;
    }

    @Override
    public Integer call() throws Exception {
        SandboxOptions.Builder options = SandboxOptions.builder()
                .port(port).requestLatency(Duration.ofMillis(latencyMs)).limits(limits()).speed(speed)
                .seedDemoData(!empty).syntheticFunctions(syntheticFunctions).stateFile(stateFile)
                .stateDelay(Duration.ofMillis(stateDelayMs)).lambdaQuotas(lambdaQuotas)
                .throttleRate(throttleRate).serverErrorRate(serverErrorRate)
                .latencySpikes(latencySpikeRate, Duration.ofMillis(latencySpikeMs))
                .traffic(!noTraffic).trafficScale(trafficScale).backfill(Duration.ofMinutes(backfillMinutes))
                .cloudWatchFaults(new Faults(cloudWatchThrottleRate, cloudWatchServerErrorRate, cloudWatchSpikeRate,
                        Duration.ofMillis(cloudWatchSpikeMs)))
                .metricsDelay(metricsDelay)
                .logs(new LogsOptions(new Faults(logsThrottleRate, logsServerErrorRate, logsSpikeRate,
                        Duration.ofMillis(logsSpikeMs)), maxLogEvents, !noLogsQuotas,
                        LogsOptions.DEFAULT_BACKFILL_HISTORY))
                .cloudTrail(new SandboxOptions.CloudTrail(Duration.ofSeconds(cloudTrailDelaySeconds),
                        !noCloudTrailRateLimit, SandboxOptions.CloudTrail.DEFAULT_MAX_EVENTS));
        if (seed != null) {
            options.randomSeed(seed);
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options.build());
        } catch (UnreadableStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            System.out.println("Sandbox stopped");
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println("Sandbox listening on " + sandbox.endpoint());
        System.out.flush();
        stopped.await();
        return 0;
    }
}

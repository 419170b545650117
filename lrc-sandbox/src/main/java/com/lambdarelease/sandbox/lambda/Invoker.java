package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.ExecutionLog;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.metrics.Invocation;
import com.lambdarelease.sandbox.metrics.InvocationRecorder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Invoke, over HTTP and from the traffic simulator. Code never runs: each version behaves as its
 * environment says ({@code SANDBOX_ERROR_RATE}, {@code SANDBOX_LATENCY_MS}), an alias picks its
 * version by weight like AWS's probabilistic router, and every run is recorded as a metric and
 * reported to the execution log (what Lambda writes to CloudWatch Logs).
 */
final class Invoker {

    static final int MAX_PAYLOAD = 6_291_456;
    /** A real Invoke's answer is held for the simulated latency, but never longer than this. */
    static final long MAX_SLEEP_MS = 3_000;

    private final FunctionStore store;
    private final Arns arns;
    private final Clock clock;
    private final InvocationRecorder recorder;
    private final RandomGenerator random;
    private final ExecutionLog log;

    /** @param random shared with no one else; guarded here because HTTP threads and the simulator share it */
    /** Share of invocations failing for a shared cause, by function name (set through the sandbox's API). */
    private final Map<String, Double> outages;

    Invoker(FunctionStore store, Clock clock, InvocationRecorder recorder, RandomGenerator random, ExecutionLog log,
            Map<String, Double> outages) {
        this.outages = outages;
        this.store = store;
        this.arns = store.arns();
        this.clock = clock;
        this.recorder = recorder;
        this.random = random;
        this.log = log;
    }

    SandboxResponse invoke(FunctionRef ref, SandboxRequest request) {
        String type = request.header("X-Amz-Invocation-Type").orElse("RequestResponse");
        if (!type.equals("RequestResponse") && !type.equals("Event") && !type.equals("DryRun")) {
            new Violations().add(Violations.quote(type), "invocationType",
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]").throwIfAny();
        }
        if (request.body().length > MAX_PAYLOAD) {
            throw new LambdaError(413, "RequestTooLargeException",
                    "Request must be smaller than " + MAX_PAYLOAD + " bytes for the InvokeFunction operation");
        }
        checkPayload(request.body());
        Run run = store.withFunction(ref.name(), fn -> route(fn, ref));
        if (type.equals("DryRun")) {
            return new SandboxResponse(204, Map.of(), new byte[0]);
        }
        Instant arrived = clock.instant();
        Outcome outcome = outcome(run.config());
        long answerDelayMs = Math.min(run.config().latencyMs(), MAX_SLEEP_MS);
        // The answer is held for the configured latency only, not the simulated run time: a synchronous
        // run is placed to end as its answer leaves, so its END, REPORT and error lines are never stamped
        // later than the answer a caller reads before looking at the logs (as on AWS).
        Instant ranFrom = type.equals("Event") ? arrived
                : arrived.plusMillis(answerDelayMs).minusNanos((long) (outcome.durationMs() * 1_000_000));
        String requestId = UUID.randomUUID().toString();
        record(ref, run, arrived, ranFrom, outcome, requestId);
        if (type.equals("Event")) {
            return new SandboxResponse(202, Map.of(), new byte[0]);
        }
        SandboxResponse response = Json.respond(200, outcome.error()
                        ? errorBody(run.config(), requestId) : successBody(run.config(), request.body().length))
                .withHeader("X-Amz-Executed-Version", run.config().version());
        if (outcome.error()) {
            response = response.withHeader("X-Amz-Function-Error", "Unhandled");
        }
        if (request.header("X-Amz-Log-Type").filter("Tail"::equals).isPresent()) {
            response = response.withHeader("X-Amz-Log-Result", logTail(run.config(), requestId, outcome));
        }
        // The run time is held on the front door's timer, not by sleeping here: 2,000 slow
        // Invokes in flight are 2,000 scheduled answers, not 2,000 threads.
        return response.delayedBy(java.time.Duration.ofMillis(answerDelayMs));
    }

    /** One simulated run at sandbox time {@code at}; functions or qualifiers gone since are ignored. */
    void invokeSimulated(String functionName, String qualifier, Instant at) {
        FunctionRef ref = new FunctionRef(functionName, Optional.ofNullable(qualifier).filter(q -> !q.isEmpty()));
        Run run;
        try {
            run = store.withFunction(functionName, fn -> route(fn, ref));
        } catch (LambdaError gone) {
            return;
        }
        record(ref, run, at, at, outcome(run.config()), null);
    }

    private Run route(LambdaFunction fn, FunctionRef ref) {
        if (ref.qualifier().isEmpty() || ref.qualifier().get().equals(FunctionRef.LATEST)) {
            return new Run(fn.latestToRun(clock.instant()), false);
        }
        String q = ref.qualifier().get();
        Optional<FunctionConfig> version = fn.version(q);
        if (version.isPresent()) {
            return new Run(version.get(), false);
        }
        Alias alias = fn.alias(q).orElseThrow(() -> LambdaError.functionNotFound(arns.function(fn.name(), q)));
        String chosen = alias.functionVersion();
        Optional<String> extra = alias.additionalVersion();
        if (extra.isPresent() && draw() < alias.weights().get(extra.get())) {
            chosen = extra.get();
        }
        String executed = chosen;
        return new Run(fn.version(executed).orElseThrow(
                () -> LambdaError.functionNotFound(arns.function(fn.name(), executed))), true);
    }

    private Outcome outcome(FunctionConfig config) {
        double u;
        double gaussian;
        synchronized (random) {
            u = random.nextDouble();
            gaussian = random.nextGaussian();
        }
        // A dependency outage fails every version of the function alike, on top of its own error rate.
        double outage = outages.getOrDefault(config.functionName(), 0.0);
        boolean error = u < config.errorRate() + (1 - config.errorRate()) * outage;
        double duration = DurationModel.baseMs(config) * Math.exp(0.25 * gaussian) + config.latencyMs();
        return new Outcome(error, Math.max(1, Math.min(duration, config.timeout() * 1000.0)));
    }

    private double draw() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    /**
     * @param at        when the request arrived: the invocation's time in the metrics
     * @param ranFrom   when the run's log lines start (START; END and REPORT follow after its duration)
     * @param requestId the id the caller saw, or null for a simulated run (the log makes one up)
     */
    private void record(FunctionRef ref, Run run, Instant at, Instant ranFrom, Outcome outcome, String requestId) {
        FunctionConfig c = run.config();
        recorder.record(new Invocation(ref.name(), ref.qualifier(), run.viaAlias(), c.version(), at,
                outcome.durationMs(), outcome.error(), false));
        log.ran(new ExecutionLog.Run(arns.account(), arns.region(), c.functionName(), c.version(), c.runtime(),
                c.handler(), c.memorySize(), c.environment(), ranFrom, outcome.durationMs(), outcome.error(), requestId));
    }

    private static void checkPayload(byte[] body) {
        if (body.length == 0) {
            return;
        }
        try {
            Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw LambdaError.badContent("Could not parse payload into json: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw LambdaError.badContent("Could not parse payload into json: unreadable payload");
        }
    }

    private static ObjectNode successBody(FunctionConfig config, int payloadBytes) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("statusCode", 200);
        n.put("functionName", config.functionName());
        n.put("version", config.version());
        n.put("payloadBytes", payloadBytes);
        return n;
    }

    private static ObjectNode errorBody(FunctionConfig config, String requestId) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("errorMessage", "Simulated failure in " + config.functionName() + ":" + config.version()
                + " (" + FunctionConfig.ERROR_RATE + "=" + config.environment().get(FunctionConfig.ERROR_RATE) + ")");
        n.put("errorType", "SandboxSimulatedError");
        n.put("requestId", requestId);
        n.putArray("stackTrace");
        return n;
    }

    private static String logTail(FunctionConfig config, String requestId, Outcome outcome) {
        String log = "START RequestId: " + requestId + " Version: " + config.version() + "\n"
                + (outcome.error() ? "ERROR Simulated failure\n" : "")
                + "END RequestId: " + requestId + "\n"
                + String.format(java.util.Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tMemory Size: %d MB%n",
                requestId, outcome.durationMs(), config.memorySize());
        return Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));
    }

    /** The version that runs, and whether an alias chose it. */
    private record Run(FunctionConfig config, boolean viaAlias) {
    }

    private record Outcome(boolean error, double durationMs) {
    }
}

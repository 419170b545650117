package com.lambdarelease.sandbox.logs;

import com.lambdarelease.sandbox.ExecutionLog;
import com.lambdarelease.sandbox.http.SandboxRouter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes what Lambda writes to {@code /aws/lambda/<function>} for each run
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html):
 * {@code START}, the runtime's error lines when it failed, {@code END} and {@code REPORT}, into the
 * stream of the execution environment that ran it, named {@code YYYY/MM/DD/[<version>]<32 hex>}
 * with the date the environment started. A run takes a free warm environment of its version if one
 * is there, else starts a new one (a cold start: REPORT carries Init Duration). An environment is
 * retired after {@link #IDLE} without work or at the end of its lifetime (30-120 minutes), as
 * Lambda recycles its own; at most {@link #MAX_ENVIRONMENTS} live per version.
 */
final class LambdaLogWriter {

    static final long IDLE = 10 * 60_000L;
    static final int MAX_ENVIRONMENTS = 32;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final LogStore store;
    private final SplittableRandom random;
    private final Map<String, List<Environment>> environments = new HashMap<>();

    LambdaLogWriter(LogStore store, SplittableRandom random) {
        this.store = store;
        this.random = random;
    }

    synchronized void ran(ExecutionLog.Run run) {
        long start = run.at().toEpochMilli();
        long duration = Math.max(1, (long) Math.ceil(run.durationMs()));
        Environment env = environment(run, start);
        boolean cold = env.runs == 0;
        env.runs++;
        env.lastUsed = start + duration;
        env.busyUntil = start + duration;
        String id = run.requestId() != null ? run.requestId() : requestId();
        String group = "/aws/lambda/" + run.functionName();
        List<String> lines = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        lines.add("START RequestId: " + id + " Version: " + run.version());
        times.add(start);
        if (run.error()) {
            long failedAt = start + Math.max(0, duration - 1);
            for (String line : errorLines(run, id, failedAt)) {
                lines.add(line);
                times.add(failedAt);
            }
        }
        lines.add("END RequestId: " + id);
        times.add(start + duration);
        lines.add(report(run, id, env, cold));
        times.add(start + duration);
        for (int i = 0; i < lines.size(); i++) {
            long t = times.get(i);
            store.append(group, env.stream, t, t + 40 + random.nextInt(360), lines.get(i));
        }
    }

    private Environment environment(ExecutionLog.Run run, long at) {
        List<Environment> live = environments.computeIfAbsent(run.functionName() + "\u0000" + run.version(),
                k -> new ArrayList<>());
        Environment best = null;
        for (Iterator<Environment> it = live.iterator(); it.hasNext(); ) {
            Environment e = it.next();
            if (e.lastUsed + IDLE < at || at >= e.retireAt) {
                it.remove();
            } else if (e.busyUntil <= at && (best == null || e.lastUsed > best.lastUsed)) {
                best = e;
            }
        }
        if (best != null) {
            return best;
        }
        if (live.size() >= MAX_ENVIRONMENTS) {
            Environment soonest = live.get(0);
            for (Environment e : live) {
                soonest = e.busyUntil < soonest.busyUntil ? e : soonest;
            }
            return soonest;
        }
        String stream = DAY.format(Instant.ofEpochMilli(at)) + "/[" + run.version() + "]"
                + hex16(random.nextLong()) + hex16(random.nextLong());
        Environment e = new Environment(stream, at + (30 + random.nextInt(91)) * 60_000L, baseMemory(run));
        live.add(e);
        return e;
    }

    private List<String> errorLines(ExecutionLog.Run run, String id, long at) {
        ErrorCatalog.Failure f = ErrorCatalog.pick(run.functionName(), run.runtime(), run.environment(), random);
        String handler = run.handler() == null ? "handler" : run.handler();
        return switch (ErrorCatalog.family(run.runtime())) {
            case "python" -> {
                int dot = handler.lastIndexOf('.');
                String module = dot < 0 ? "lambda_function" : handler.substring(0, dot).replace('.', '/');
                String function = dot < 0 ? handler : handler.substring(dot + 1);
                yield List.of("LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function "
                                + "code. However, in rare cases, a Lambda runtime update can cause unexpected function "
                                + "behavior. For functions using managed runtimes, runtime updates can be triggered by a "
                                + "function change, or can be applied automatically. To determine if the runtime has "
                                + "been updated, check the runtime version in the INIT_START log entry. If this error "
                                + "correlates with a change in the runtime version, you may be able to mitigate this "
                                + "error by temporarily rolling back to the previous runtime version. For more "
                                + "information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html",
                        "[ERROR] " + f.type() + ": " + f.message() + "\nTraceback (most recent call last):\n"
                                + "  File \"/var/task/" + module + ".py\", line " + (20 + Math.floorMod(f.type().hashCode(), 60))
                                + ", in " + function + "\n    return process(event)\n");
            }
            case "nodejs" -> List.of(ISO_MS.format(Instant.ofEpochMilli(at)) + "\t" + id + "\tERROR\tInvoke Error \t"
                    + "{\"errorType\":" + SandboxRouter.quote(f.type()) + ",\"errorMessage\":" + SandboxRouter.quote(f.message()) + ",\"stack\":["
                    + SandboxRouter.quote(f.type() + ": " + f.message()) + "," + SandboxRouter.quote("    at Runtime.handler (file:///var/task/index.mjs:"
                    + (12 + Math.floorMod(f.type().hashCode(), 80)) + ":15)") + ","
                    + SandboxRouter.quote("    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)") + "]}");
            case "java" -> {
                int sep = handler.indexOf("::");
                String cls = sep < 0 ? handler : handler.substring(0, sep);
                String method = sep < 0 ? "handleRequest" : handler.substring(sep + 2);
                String simple = cls.substring(cls.lastIndexOf('.') + 1);
                yield List.of("{\"errorMessage\":" + SandboxRouter.quote(f.message()) + ",\"errorType\":" + SandboxRouter.quote(f.type())
                        + ",\"stackTrace\":[" + SandboxRouter.quote(cls + "." + method + "(" + simple + ".java:"
                        + (40 + Math.floorMod(f.type().hashCode(), 60)) + ")") + "]}");
            }
            default -> List.of("{\"errorMessage\":" + SandboxRouter.quote(f.message()) + ",\"errorType\":" + SandboxRouter.quote(f.type()) + "}");
        };
    }

    private String report(ExecutionLog.Run run, String id, Environment env, boolean cold) {
        double memory = Math.min(run.memorySize(), env.baseMemory * (cold ? 0.92 : 1) + Math.min(12, env.runs / 50.0)
                + random.nextInt(4));
        // Built by hand, not with String.format: the sandbox's start writes the REPORT lines of three
        // hours of backfilled traffic, and String.format (a new DecimalFormatSymbols per call) was a
        // third of that start, seconds before the console's first listing.
        StringBuilder r = new StringBuilder(160).append("REPORT RequestId: ").append(id).append("\tDuration: ");
        twoDecimals(r, run.durationMs()).append(" ms\tBilled Duration: ").append((long) Math.ceil(run.durationMs()))
                .append(" ms\tMemory Size: ").append(run.memorySize()).append(" MB\tMax Memory Used: ")
                .append((long) memory).append(" MB\t");
        if (cold) {
            twoDecimals(r.append("Init Duration: "), initMs(run.runtime())).append(" ms\t");
        }
        return r.toString();
    }

    private double initMs(String runtime) {
        double base = switch (ErrorCatalog.family(runtime)) {
            case "python" -> 160;
            case "nodejs" -> 170;
            case "java" -> 620;
            default -> 28;
        };
        return base * Math.exp(0.25 * (random.nextDouble() * 2 - 1));
    }

    /** What a version's runtime holds after its first runs: runtime, a share of the memory size, a per-version touch. */
    private static double baseMemory(ExecutionLog.Run run) {
        double runtime = switch (ErrorCatalog.family(run.runtime())) {
            case "python" -> 58;
            case "nodejs" -> 68;
            case "java" -> 135;
            default -> 26;
        };
        double personality = 1 + Math.floorMod((run.functionName() + run.version()).hashCode(), 17) / 100.0;
        return (runtime + 0.06 * run.memorySize()) * personality;
    }

    private String requestId() {
        long a = random.nextLong();
        long b = random.nextLong();
        String hex = hex16(a) + hex16(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    /** {@code value} to two decimals, as {@code %.2f} writes it (half up), for a non-negative value. */
    static StringBuilder twoDecimals(StringBuilder to, double value) {
        long hundredths = Math.round(value * 100);
        long cents = hundredths % 100;
        return to.append(hundredths / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
    }

    /** {@code value} as 16 lower-case hex digits, as {@code %016x} writes it. */
    static String hex16(long value) {
        String hex = Long.toHexString(value);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    private static final class Environment {
        final String stream;
        final long retireAt;
        final double baseMemory;
        long busyUntil;
        long lastUsed;
        int runs;

        Environment(String stream, long retireAt, double baseMemory) {
            this.stream = stream;
            this.retireAt = retireAt;
            this.baseMemory = baseMemory;
        }
    }
}

package com.lambdarelease.sandbox.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lambdarelease.sandbox.ExecutionLog;
import com.lambdarelease.sandbox.LogsOptions;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.Refusal;
import com.lambdarelease.sandbox.http.RequestScope;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.http.SandboxRouter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.SplittableRandom;

/**
 * CloudWatch Logs over awsJson1_1 ({@code X-Amz-Target: Logs_20140328.{Op}}, the Logs API reference,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/Welcome.html):
 * DescribeLogGroups, DescribeLogStreams, GetLogEvents and FilterLogEvents, per account and region,
 * over what {@link LambdaLogWriter} writes for every run. Also the {@link ExecutionLog} the Lambda
 * side reports its runs to.
 */
public final class LogsBackend implements ProtocolHandler, ExecutionLog {

    private static final Logger LOG = Logger.getLogger(LogsBackend.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TARGET_PREFIX = "Logs_20140328.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final LogsOptions options;
    private final Map<RequestScope, Place> places = new ConcurrentHashMap<>();
    private final SplittableRandom random;
    /** Runs before this (epoch ms) write no lines: the older part of a backfill ({@link #writeFrom}). */
    private volatile long writeFromMillis = Long.MIN_VALUE;

    public LogsBackend(LogsOptions options, SplittableRandom random) {
        this.options = options;
        this.random = random;
    }

    /**
     * Runs that started before {@code from} write no log lines. The sandbox sets it before it backfills
     * history, to the last {@link LogsOptions#backfillHistory()} of it; live runs are all later.
     */
    public void writeFrom(java.time.Instant from) {
        writeFromMillis = from.toEpochMilli();
    }

    @Override
    public void ran(Run run) {
        if (run.at().toEpochMilli() < writeFromMillis) {
            return;
        }
        place(new RequestScope(run.account(), run.region())).writer().ran(run);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String operation = request.header("x-amz-target").filter(t -> t.startsWith(TARGET_PREFIX))
                .map(t -> t.substring(TARGET_PREFIX.length())).orElse("");
        try {
            if (!"POST".equalsIgnoreCase(request.method())) {
                throw LogsError.unknownOperation(request.method() + " " + operation);
            }
            RequestScope scope = RequestScope.of(request);
            Place place = place(scope);
            Params params = new Params(parse(request.body()));
            Map<String, Object> out = switch (operation) {
                case "DescribeLogGroups" -> limited(place, operation, () -> Describe.logGroups(place.store(), scope, params));
                case "DescribeLogStreams" -> limited(place, operation, () -> Describe.logStreams(place.store(), scope, params));
                case "GetLogEvents" -> limited(place, operation, () -> Events.get(place.store(), scope, params));
                case "FilterLogEvents" -> limited(place, operation, () -> Events.filter(place.store(), scope, params));
                default -> throw LogsError.unknownOperation(operation);
            };
            return answer(200, out);
        } catch (LogsError e) {
            return error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Logs " + operation + " failed", e);
            return error(LogsError.unavailable("Internal error in the sandbox's CloudWatch Logs: " + e));
        }
    }

    /** The operation's answer, unless the account's rate for it is used up (checked before any reading). */
    private Map<String, Object> limited(Place place, String operation, java.util.function.Supplier<Map<String, Object>> op) {
        if (options.quotas() && !place.quotas().tryAcquire(operation)) {
            throw LogsError.throttling();
        }
        return op.get();
    }

    @Override
    public SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        return error(switch (refusal) {
            case THROTTLED, OVERLOADED -> LogsError.throttling();
            case SERVER_ERROR -> LogsError.unavailable("The sandbox injected a service error");
            case TOO_LARGE -> new LogsError(413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + bodyLimit + " bytes");
        });
    }

    /** How many events the default account and region hold now (for tests of the memory bound). */
    public int eventCount(String account, String region) {
        return place(new RequestScope(account, region)).store().eventCount();
    }

    private Place place(RequestScope scope) {
        return places.computeIfAbsent(scope, s -> {
            LogStore store = new LogStore(options.maxEvents());
            SplittableRandom own;
            synchronized (random) {
                own = random.split();
            }
            return new Place(store, new LambdaLogWriter(store, own), new Quotas(System::nanoTime));
        });
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw LogsError.serialization("The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw LogsError.serialization("The request body could not be read: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw LogsError.serialization("The request body could not be read");
        }
    }

    private static SandboxResponse answer(int status, Map<String, Object> document) {
        try {
            return new SandboxResponse(status, Map.of("Content-Type", CONTENT_TYPE), MAPPER.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SandboxResponse error(LogsError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.type);
        body.put("message", SandboxRouter.bounded(e.getMessage()));
        return answer(e.status, body).withHeader("x-amzn-ErrorType", e.type);
    }

    private record Place(LogStore store, LambdaLogWriter writer, Quotas quotas) {
    }
}

package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.Faults;
import com.lambdarelease.sandbox.SandboxOptions;
import com.lambdarelease.sandbox.sso.IdentityCenter;
import com.lambdarelease.sandbox.sts.StsService;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides which protocol answers a request: {@code /2015-03-31/...} and Lambda's other API
 * versions are Lambda (restJson1); {@code /service/GraniteServiceVersion20100801/...}
 * (smithy-rpc-v2-cbor) and {@code X-Amz-Target: GraniteServiceVersion20100801.*} (awsJson1_0) are
 * CloudWatch; {@code X-Amz-Target: Logs_20140328.*} (awsJson1_1) is CloudWatch Logs; a form posted to
 * {@code /} for STS ({@link StsService#serves}) is STS; {@code X-Amz-Target:
 * com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*} is CloudTrail; the OIDC, portal
 * and sign-in page paths ({@link IdentityCenter#serves}) are IAM Identity Center; another
 * {@code X-Amz-Target} is an awsJson UnknownOperationException; anything else
 * is a restJson 404. Injects each service's configured faults (throttle, 5xx, latency spikes) into
 * its requests. Knows nothing of the transport.
 */
public final class SandboxRouter {

    static final String CLOUDWATCH_PREFIX = "GraniteServiceVersion20100801";
    static final String LOGS_PREFIX = "Logs_20140328";
    /** CloudTrail's awsJson1_1 target prefix, from its service model's {@code targetPrefix}. */
    static final String CLOUDTRAIL_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

    private final SandboxOptions options;
    private final ProtocolHandler lambda;
    private final ProtocolHandler cloudWatch;
    private final ProtocolHandler logs;
    private final ProtocolHandler identityCenter;
    private final RandomGenerator random;
    private final AuditServices audit;

    public SandboxRouter(SandboxOptions options, ProtocolHandler lambda, ProtocolHandler cloudWatch,
                         ProtocolHandler logs, ProtocolHandler identityCenter, RandomGenerator random) {
        this(options, lambda, cloudWatch, logs, identityCenter, random, AuditServices.NONE);
    }

    /** A router that also serves STS and CloudTrail and tells {@code audit} of every Lambda call. */
    public SandboxRouter(SandboxOptions options, ProtocolHandler lambda, ProtocolHandler cloudWatch,
                         ProtocolHandler logs, ProtocolHandler identityCenter, RandomGenerator random,
                         AuditServices audit) {
        this.audit = audit;
        this.options = options;
        this.lambda = lambda;
        this.cloudWatch = cloudWatch;
        this.logs = logs;
        this.identityCenter = identityCenter;
        this.random = random;
    }

    /** What answers sign-in requests on a front door started without Identity Center. */
    static final ProtocolHandler NO_IDENTITY_CENTER = r -> restJsonError(404, "UnknownOperationException",
            "This sandbox serves no IAM Identity Center");

    public SandboxResponse route(SandboxRequest request) {
        String path = request.rawPath();
        if (IdentityCenter.serves(request)) {
            return identityCenter.handle(request);
        }
        if (isLambda(path)) {
            // The one place every Lambda call passes, so CloudTrail forgets no operation.
            SandboxResponse response = withFaults(options.lambda().faults(), lambda, request)
                    .withHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            audit.lambdaCalls().served(request, response);
            return response;
        }
        if (StsService.serves(request)) {
            return audit.sts().handle(request);
        }
        if (isCloudTrail(request)) {
            return audit.cloudTrail().handle(request);
        }
        if (isCloudWatch(request)) {
            return withFaults(options.cloudWatch().faults(), cloudWatch, request);
        }
        if (isLogs(request)) {
            return withFaults(options.logs().faults(), logs, request);
        }
        Optional<String> target = request.header("x-amz-target");
        if (target.isPresent()) {
            // An awsJson client (it sent X-Amz-Target) reads errors from __type, not from a restJson 404.
            return awsJsonError(request, "UnknownOperationException", "The sandbox does not serve "
                    + target.get() + "; it speaks Lambda, CloudWatch (" + CLOUDWATCH_PREFIX + ") and CloudWatch Logs ("
                    + LOGS_PREFIX + ") only.");
        }
        return restJsonError(404, "UnknownOperationException", "Unknown operation " + request.method() + " " + path);
    }

    /** The service's answer, unless a fault is drawn first; a latency spike rides on the answer as a delay. */
    private SandboxResponse withFaults(Faults faults, ProtocolHandler handler, SandboxRequest request) {
        double throttle;
        double serverError;
        double spike;
        double spikeLength;
        synchronized (this) {
            // Requests arrive on several threads; the random source is not thread-safe.
            throttle = random.nextDouble();
            serverError = random.nextDouble();
            spike = random.nextDouble();
            spikeLength = random.nextDouble();
        }
        SandboxResponse response;
        if (throttle < faults.throttleRate()) {
            response = handler.refuse(request, Refusal.THROTTLED, 0);
        } else if (serverError < faults.serverErrorRate()) {
            response = handler.refuse(request, Refusal.SERVER_ERROR, 0);
        } else {
            response = handler.handle(request);
        }
        long spikeNanos = faults.spikeNanos(spike, spikeLength);
        return spikeNanos == 0 ? response : response.delayedBy(response.delay().plusNanos(spikeNanos));
    }

    /** awsJson's error shape: the fully qualified type in {@code __type}, 400, the request's JSON version. */
    static SandboxResponse awsJsonError(SandboxRequest request, String type, String message) {
        String contentType = request.header("content-type").filter(t -> t.startsWith("application/x-amz-json-"))
                .orElse("application/x-amz-json-1.0");
        String json = "{\"__type\":" + quote("com.amazon.coral.service#" + type) + ",\"message\":"
                + quote(bounded(message)) + "}";
        return new SandboxResponse(400, Map.of("Content-Type", contentType, "x-amzn-ErrorType", type),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** The front door's refusal of {@code request}, in the shape of the protocol it was meant for. */
    public SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        ProtocolHandler handler = IdentityCenter.serves(request) ? identityCenter
                : StsService.serves(request) ? audit.sts() : isCloudTrail(request) ? audit.cloudTrail()
                : isCloudWatch(request) ? cloudWatch
                : isLogs(request) ? logs : lambda;
        return handler.refuse(request, refusal, bodyLimit);
    }

    private static boolean isCloudTrail(SandboxRequest request) {
        return request.header("x-amz-target").map(t -> t.startsWith(CLOUDTRAIL_PREFIX + ".")).orElse(false);
    }

    private static boolean isLogs(SandboxRequest request) {
        return request.header("x-amz-target").map(t -> t.startsWith(LOGS_PREFIX + ".")).orElse(false);
    }

    private static boolean isLambda(String path) {
        return path.startsWith("/2015-03-31/") || path.startsWith("/2017-03-31/") || path.startsWith("/2019-09-25/")
                || path.startsWith("/2019-09-30/");
    }

    /** CloudWatch in any of its three protocols: smithy-rpc-v2-cbor, awsJson1_0, or awsQuery (form posted to /). */
    private static boolean isCloudWatch(SandboxRequest request) {
        String path = request.rawPath();
        return path.startsWith("/service/" + CLOUDWATCH_PREFIX + "/")
                || request.header("x-amz-target").map(t -> t.startsWith(CLOUDWATCH_PREFIX + ".")).orElse(false)
                || ((path.equals("/") || path.isEmpty())
                && com.lambdarelease.sandbox.cloudwatch.CloudWatchBackend.isQuery(request));
    }

    /** Lambda's restJson1 error shape: the type in a header and the body, the message in the body. */
    public static SandboxResponse restJsonError(int status, String type, String message) {
        message = bounded(message);
        String json = "{\"Type\":\"" + (status < 500 ? "User" : "Service") + "\",\"Message\":" + quote(message)
                + ",\"message\":" + quote(message) + ",\"__type\":" + quote(type) + "}";
        return new SandboxResponse(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Longest error message sent; values echoed in it are cut where they are rendered, this is the backstop. */
    static final int MAX_MESSAGE_CHARS = 4096;

    /** {@code message}, cut to {@link #MAX_MESSAGE_CHARS} so no error answer grows with a client's value. */
    public static String bounded(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    /** {@code s} as a JSON string literal, quotes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

}

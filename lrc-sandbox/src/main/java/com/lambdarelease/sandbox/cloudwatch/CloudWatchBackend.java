package com.lambdarelease.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.Refusal;
import com.lambdarelease.sandbox.http.SandboxRouter;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.metrics.MetricStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch (GetMetricData, ListMetrics, PutMetricData), spoken both as smithy-rpc-v2-cbor
 * ({@code POST /service/GraniteServiceVersion20100801/operation/{Op}}, what the Java SDK v2
 * sends), awsJson1_0 ({@code X-Amz-Target: GraniteServiceVersion20100801.{Op}}, what the AWS
 * CLI v1 sends) and awsQuery (form-encoded, XML answers; older SDKs and CLI v2 before 2.32.14). Every answer, errors included, comes back in the protocol the request used.
 */
public final class CloudWatchBackend implements ProtocolHandler {

    private static final Logger LOG = Logger.getLogger(CloudWatchBackend.class.getName());
    private static final String SERVICE = "GraniteServiceVersion20100801";
    private static final String CBOR_PATH = "/service/" + SERVICE + "/operation/";

    private final Map<String, Function<JsonNode, Map<String, Object>>> operations;

    public CloudWatchBackend(MetricStore store, SandboxClock clock) {
        GetMetricData getMetricData = new GetMetricData(store);
        ListMetrics listMetrics = new ListMetrics(store);
        PutMetricData putMetricData = new PutMetricData(store, clock);
        this.operations = Map.of(
                "GetMetricData", getMetricData::handle,
                "ListMetrics", listMetrics::handle,
                "PutMetricData", putMetricData::handle);
    }

    /** True for CloudWatch over awsQuery: a form-encoded POST (or GET) to / with an Action. */
    public static boolean isQuery(SandboxRequest request) {
        return request.header("content-type").map(t -> t.toLowerCase(Locale.ROOT).startsWith(QueryProtocol.CONTENT_TYPE))
                .orElse(false) || request.queryParam("Action").isPresent();
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        if (isQuery(request)) {
            return handleQuery(request);
        }
        boolean cbor = request.rawPath().startsWith(CBOR_PATH);
        WireProtocol protocol = cbor ? WireProtocol.CBOR : WireProtocol.JSON;
        String operation = cbor ? request.rawPath().substring(CBOR_PATH.length())
                : request.header("x-amz-target").map(t -> t.substring(t.indexOf('.') + 1)).orElse("");
        try {
            Function<JsonNode, Map<String, Object>> op = operations.get(operation);
            if (op == null || !"POST".equalsIgnoreCase(request.method())) {
                throw CloudWatchError.unknownOperation(request.method() + " " + operation);
            }
            Map<String, Object> output = op.apply(protocol.parse(body(request)));
            return answer(protocol, 200, output);
        } catch (CloudWatchError e) {
            return error(protocol, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CloudWatch " + operation + " failed", e);
            return error(protocol, CloudWatchError.internal("Internal error in the sandbox's CloudWatch: " + e));
        }
    }

    private SandboxResponse handleQuery(SandboxRequest request) {
        Map<String, String> form = new LinkedHashMap<>(request.query());
        form.putAll(SandboxRequest.parseQuery(new String(body(request), java.nio.charset.StandardCharsets.UTF_8)));
        String operation = QueryProtocol.action(form);
        try {
            Function<JsonNode, Map<String, Object>> op = operations.get(operation);
            if (op == null) {
                throw CloudWatchError.unknownOperation(request.method() + " " + operation);
            }
            return new SandboxResponse(200, Map.of("Content-Type", "text/xml"),
                    QueryProtocol.answer(operation, op.apply(QueryProtocol.document(form))));
        } catch (CloudWatchError e) {
            return new SandboxResponse(e.status, Map.of("Content-Type", "text/xml"), QueryProtocol.error(e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CloudWatch " + operation + " failed", e);
            return new SandboxResponse(500, Map.of("Content-Type", "text/xml"), QueryProtocol.error(
                    CloudWatchError.internal("Internal error in the sandbox's CloudWatch: " + e)));
        }
    }

    /** The body, unzipped when the client compressed it (PutMetricData requests over 10 KB are). */
    private static byte[] body(SandboxRequest request) {
        String encoding = request.header("content-encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        if (!encoding.equals("gzip")) {
            return request.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw CloudWatchError.malformed("Content-Encoding is gzip but the body is not valid gzip");
        }
    }

    /** The front door's refusals in CloudWatch's shape, in the protocol the request used. */
    @Override
    public SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        WireProtocol protocol = request.rawPath().startsWith(CBOR_PATH) ? WireProtocol.CBOR : WireProtocol.JSON;
        CloudWatchError e = switch (refusal) {
            case THROTTLED, OVERLOADED -> CloudWatchError.throttling();
            case SERVER_ERROR -> CloudWatchError.internal("The sandbox injected a service error");
            case TOO_LARGE -> CloudWatchError.tooLarge(bodyLimit);
        };
        return error(protocol, e);
    }

    private static SandboxResponse answer(WireProtocol protocol, int status, Map<String, Object> document) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", protocol.contentType());
        if (protocol == WireProtocol.CBOR) {
            headers.put("smithy-protocol", "rpc-v2-cbor");
        }
        return new SandboxResponse(status, headers, protocol.write(document));
    }

    private static SandboxResponse error(WireProtocol protocol, CloudWatchError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.type);
        body.put("message", SandboxRouter.bounded(e.getMessage()));
        return answer(protocol, e.status, body)
                .withHeader("x-amzn-query-error", e.queryErrorHeader());
    }
}

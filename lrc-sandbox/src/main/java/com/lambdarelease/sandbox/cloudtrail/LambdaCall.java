package com.lambdarelease.sandbox.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxRequest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda write call as CloudTrail names it: the event name, the function it was on and its request
 * parameters. Event names carry the API version as CloudTrail writes them: CreateFunction20150331,
 * DeleteFunction20150331, UpdateFunctionCode20150331v2, UpdateFunctionConfiguration20150331v2,
 * PublishVersion20150331, CreateAlias20150331, UpdateAlias20150331, DeleteAlias20150331,
 * TagResource20170331v2 and UntagResource20170331v2 are in the CloudTrail user guide's list of Lambda
 * events in event history ("CloudTrail supported services", AWS Lambda APIs) and in public EventBridge
 * rules that match them; https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html lists
 * the operations. PutProvisionedConcurrencyConfig20190930 and DeleteProvisionedConcurrencyConfig20190930
 * are guesses after the API version those operations live under (no source names them). Reads and Invoke
 * (a data event) are not write calls.
 */
record LambdaCall(String eventName, String functionName, ObjectNode requestParameters) {

    private static final Pattern FUNCTIONS = Pattern.compile("/2015-03-31/functions/?([^/]*)(?:/([^/]+))?(?:/([^/]+))?/?");
    private static final Pattern PROVISIONED = Pattern.compile("/2019-09-30/functions/([^/]+)/provisioned-concurrency/?");
    private static final Pattern TAGS = Pattern.compile("/2017-03-31/tags/(.+)");
    private static final Pattern ARN_NAME = Pattern.compile("(?:arn:[^:]+:lambda:[^:]+:)?(?:\\d{12}:)?(?:function:)?([^:]+)(?::.*)?");

    /** The write call {@code request} is; empty for a read, an Invoke or a path Lambda does not have. */
    static Optional<LambdaCall> of(SandboxRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        String path = request.rawPath();
        Matcher m;
        if ((m = TAGS.matcher(path)).matches()) {
            String resource = decode(m.group(1));
            ObjectNode params = Json.MAPPER.createObjectNode().put("resource", resource);
            return switch (method) {
                case "POST" -> Optional.of(new LambdaCall("TagResource20170331v2", nameOf(resource),
                        withBody(params, request)));
                case "DELETE" -> {
                    params.set("tagKeys", Json.MAPPER.valueToTree(request.queryValues("tagKeys")));
                    yield Optional.of(new LambdaCall("UntagResource20170331v2", nameOf(resource), params));
                }
                default -> Optional.empty();
            };
        }
        if ((m = PROVISIONED.matcher(path)).matches()) {
            String fn = decode(m.group(1));
            ObjectNode params = functionParams(fn, request);
            return switch (method) {
                case "PUT" -> Optional.of(new LambdaCall("PutProvisionedConcurrencyConfig20190930", nameOf(fn),
                        withBody(params, request)));
                case "DELETE" -> Optional.of(new LambdaCall("DeleteProvisionedConcurrencyConfig20190930", nameOf(fn), params));
                default -> Optional.empty();
            };
        }
        if (!(m = FUNCTIONS.matcher(path)).matches()) {
            return Optional.empty();
        }
        String fn = decode(m.group(1));
        String resource = m.group(2) == null ? "" : m.group(2);
        String alias = m.group(3) == null ? null : decode(m.group(3));
        if (fn.isEmpty()) {
            if (!method.equals("POST")) {
                return Optional.empty();
            }
            ObjectNode params = withBody(Json.MAPPER.createObjectNode(), request);
            return Optional.of(new LambdaCall("CreateFunction20150331", nameOf(params.path("functionName").asText("")), params));
        }
        ObjectNode params = functionParams(fn, request);
        String name = switch (method + " " + resource + (alias == null ? "" : "/{alias}")) {
            case "DELETE " -> "DeleteFunction20150331";
            case "PUT code" -> "UpdateFunctionCode20150331v2";
            case "PUT configuration" -> "UpdateFunctionConfiguration20150331v2";
            case "POST versions" -> "PublishVersion20150331";
            case "POST aliases" -> "CreateAlias20150331";
            case "PUT aliases/{alias}" -> "UpdateAlias20150331";
            case "DELETE aliases/{alias}" -> "DeleteAlias20150331";
            default -> null;
        };
        if (name == null) {
            return Optional.empty();
        }
        if (alias != null) {
            params.put("name", alias);
        }
        return Optional.of(new LambdaCall(name, nameOf(fn), withBody(params, request)));
    }

    /** {@code functionName} as the caller sent it, and the Qualifier query parameter when there is one. */
    private static ObjectNode functionParams(String fn, SandboxRequest request) {
        ObjectNode params = Json.MAPPER.createObjectNode().put("functionName", fn);
        request.queryParam("Qualifier").ifPresent(q -> params.put("qualifier", q));
        return params;
    }

    /** The body's members (camelCased) after the path's; an unreadable body adds none. */
    private static ObjectNode withBody(ObjectNode params, SandboxRequest request) {
        if (request.body().length == 0) {
            return params;
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (body != null && body.isObject()) {
                CamelCase.of(body).fields().forEachRemaining(e -> {
                    if (!params.has(e.getKey())) {
                        params.set(e.getKey(), e.getValue());
                    }
                });
            }
        } catch (IOException unreadable) {
            // the call failed as malformed; its event says so in errorCode
        }
        return params;
    }

    /** The bare function name in a name, partial ARN or ARN (with or without a qualifier). */
    static String nameOf(String raw) {
        Matcher m = ARN_NAME.matcher(raw);
        return m.matches() ? m.group(1) : raw;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    static List<TrailEvent.Resource> resources(String functionName) {
        return functionName.isEmpty() ? List.of() : List.of(new TrailEvent.Resource("AWS::Lambda::Function", functionName));
    }
}

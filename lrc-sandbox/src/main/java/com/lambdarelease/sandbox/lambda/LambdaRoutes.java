package com.lambdarelease.sandbox.lambda;

import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Maps restJson1 paths and methods under {@code /2015-03-31/functions} to operations, and
 * {@code /2019-09-30/functions/{name}/provisioned-concurrency}, the API version provisioned
 * concurrency was added under.
 */
final class LambdaRoutes {

    private static final String PREFIX = "/2015-03-31/functions";
    private static final String PROVISIONED_PREFIX = "/2019-09-30/functions";
    private static final String TAGS_PREFIX = "/2017-03-31/tags/";

    private final FunctionOperations functions;
    private final VersionOperations versions;
    private final AliasOperations aliases;
    private final Invoker invoker;
    private final ProvisionedConcurrencyOperations provisioned;
    private final Arns arns;
    private final TagOperations tags;

    LambdaRoutes(FunctionOperations functions, VersionOperations versions, AliasOperations aliases, Invoker invoker,
                 ProvisionedConcurrencyOperations provisioned, TagOperations tags, Arns arns) {
        this.tags = tags;
        this.arns = arns;
        this.functions = functions;
        this.versions = versions;
        this.aliases = aliases;
        this.invoker = invoker;
        this.provisioned = provisioned;
    }

    SandboxResponse handle(SandboxRequest request) {
        String raw = request.rawPath();
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        if (raw.startsWith(PROVISIONED_PREFIX + "/")) {
            return provisionedConcurrency(method, raw, request);
        }
        if (raw.startsWith(TAGS_PREFIX) && raw.length() > TAGS_PREFIX.length()) {
            String resource = decode(raw.substring(TAGS_PREFIX.length()));
            return switch (method) {
                case "POST" -> tags.tag(resource, body(request));
                case "GET" -> tags.list(resource);
                case "DELETE" -> tags.untag(resource, request.queryValues("tagKeys"));
                default -> throw LambdaError.unknownOperation(method, raw);
            };
        }
        if (!raw.equals(PREFIX) && !raw.startsWith(PREFIX + "/")) {
            throw LambdaError.unknownOperation(method, raw);
        }
        List<String> parts = segments(raw.substring(PREFIX.length()));
        if (parts.isEmpty()) {
            return switch (method) {
                case "GET" -> functions.list(request);
                case "POST" -> functions.create(RequestBody.parse(request.body()));
                default -> throw LambdaError.unknownOperation(method, raw);
            };
        }
        String name = parts.get(0);
        String resource = parts.size() > 1 ? parts.get(1) : "";
        String key = method + " " + resource + (parts.size() > 2 ? "/{alias}" : "");
        if (parts.size() > 3 || (parts.size() == 3 && !resource.equals("aliases"))) {
            throw LambdaError.unknownOperation(method, raw);
        }
        return switch (key) {
            case "GET " -> functions.get(qualified(name, request));
            case "DELETE " -> functions.delete(qualified(name, request));
            case "GET configuration" -> functions.getConfiguration(qualified(name, request));
            case "PUT configuration" -> functions.updateConfiguration(FunctionRef.parse(name, arns), body(request));
            case "PUT code" -> functions.updateCode(FunctionRef.parse(name, arns), body(request));
            case "GET versions" -> versions.list(FunctionRef.parse(name, arns), request);
            case "POST versions" -> versions.publish(FunctionRef.parse(name, arns), body(request));
            case "GET aliases" -> aliases.list(FunctionRef.parse(name, arns), request);
            case "POST aliases" -> aliases.create(FunctionRef.parse(name, arns), body(request));
            case "GET aliases/{alias}" -> aliases.get(FunctionRef.parse(name, arns), parts.get(2));
            case "PUT aliases/{alias}" -> aliases.update(FunctionRef.parse(name, arns), parts.get(2), body(request));
            case "DELETE aliases/{alias}" -> aliases.delete(FunctionRef.parse(name, arns), parts.get(2));
            case "POST invocations" -> invoker.invoke(qualified(name, request), request);
            default -> throw LambdaError.unknownOperation(method, raw);
        };
    }

    /** Get and List share one path; botocore and the SDKs send {@code List=ALL} for List. */
    private SandboxResponse provisionedConcurrency(String method, String raw, SandboxRequest request) {
        List<String> parts = segments(raw.substring(PROVISIONED_PREFIX.length()));
        if (parts.size() != 2 || !parts.get(1).equals("provisioned-concurrency")) {
            throw LambdaError.unknownOperation(method, raw);
        }
        String name = parts.get(0);
        boolean list = request.queryParam("List").filter("ALL"::equals).isPresent();
        return switch (method) {
            case "GET" -> list ? provisioned.list(FunctionRef.parse(name, arns), request) : provisioned.get(qualified(name, request));
            case "PUT" -> provisioned.put(qualified(name, request), body(request));
            case "DELETE" -> provisioned.delete(qualified(name, request));
            default -> throw LambdaError.unknownOperation(method, raw);
        };
    }

    private FunctionRef qualified(String name, SandboxRequest request) {
        return FunctionRef.parse(name, request.queryParam("Qualifier"), arns);
    }

    /** The body is parsed before anything else so malformed JSON never reaches state. */
    private static RequestBody body(SandboxRequest request) {
        return RequestBody.parse(request.body());
    }

    /** Decoded path segments; a trailing slash (ListFunctions is {@code /functions/}) adds nothing. */
    private static List<String> segments(String rest) {
        if (rest.isEmpty() || rest.equals("/")) {
            return List.of();
        }
        String trimmed = rest.substring(1);
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.split("/", -1))
                .map(LambdaRoutes::decode)
                .toList();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // a broken %-escape is then refused by name validation
        }
    }
}

package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource and ListTags on {@code /2017-03-31/tags/{ARN}}
 * (https://docs.aws.amazon.com/lambda/latest/api/API_TagResource.html). Only a function's unqualified
 * ARN can be tagged: "Lambda does not support adding tags to function aliases or versions" (ListTags'
 * reference). Tagging changes nothing else: not the code, the configuration or the RevisionId.
 */
final class TagOperations {

    /** TaggableResource's pattern from the service model, narrowed to functions (the sandbox has no other kind). */
    private static final String RESOURCE_PATTERN = "arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}"
            + ":\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}"
            + "|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|capacity-provider:[a-zA-Z0-9-_]+)";
    private static final Pattern RESOURCE = Pattern.compile(RESOURCE_PATTERN);
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:[^:]+:lambda:([^:]+):(\\d{12}):function:([a-zA-Z0-9-_]+)(:(.+))?");

    private final FunctionStore store;
    private final Arns arns;

    TagOperations(FunctionStore store) {
        this.store = store;
        this.arns = store.arns();
    }

    SandboxResponse tag(String resource, RequestBody body) {
        String name = functionName(resource);
        Map<String, String> added = body.stringMap("Tags").orElse(null);
        new Violations().required(added, "tags").throwIfAny();
        store.write(name, fn -> {
            Tags.checkAdded(added, fn.tags());
            fn.tag(added);
            return null;
        });
        return new SandboxResponse(204, Map.of(), new byte[0]);
    }

    SandboxResponse untag(String resource, List<String> keys) {
        String name = functionName(resource);
        new Violations().required(keys.isEmpty() ? null : keys, "tagKeys").throwIfAny();
        Tags.checkRemoved(keys);
        store.write(name, fn -> {
            fn.untag(keys);
            return null;
        });
        return new SandboxResponse(204, Map.of(), new byte[0]);
    }

    SandboxResponse list(String resource) {
        String name = functionName(resource);
        Map<String, String> tags = store.withFunction(name, LambdaFunction::tags);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode t = out.putObject("Tags");
        tags.forEach(t::put);
        return Json.respond(200, out);
    }

    /**
     * The function an ARN names in this account and region. A qualified ARN is refused with the text AWS
     * answers it with (seen in the field); an ARN of another account or region is a function not found.
     */
    private String functionName(String resource) {
        new Violations().pattern(resource, "resource", RESOURCE, RESOURCE_PATTERN).length(resource, "resource", 1, 256)
                .throwIfAny();
        Matcher m = FUNCTION_ARN.matcher(resource);
        if (!m.matches()) {
            throw LambdaError.invalidParameter("The sandbox tags functions only: " + Violations.quote(resource));
        }
        if (m.group(5) != null) {
            throw LambdaError.invalidParameter("Tags on function aliases and versions are not supported. "
                    + "Please specify a function ARN.");
        }
        if (!m.group(1).equals(arns.region()) || !m.group(2).equals(arns.account())) {
            throw LambdaError.functionNotFound(resource);
        }
        return m.group(3);
    }
}

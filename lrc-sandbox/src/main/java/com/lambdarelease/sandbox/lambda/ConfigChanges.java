package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configuration members of CreateFunction and UpdateFunctionConfiguration, parsed and
 * validated; absent members leave the current value alone.
 *
 * @param deadLetterTarget present and empty to remove the dead-letter queue
 * @param settings         the {@link ExtraSettings} members sent, each replacing the current one
 */
record ConfigChanges(Optional<String> runtime, Optional<String> role, Optional<String> handler,
                     Optional<String> description, Optional<Integer> timeout, Optional<Integer> memorySize,
                     Optional<Map<String, String>> environment, Optional<List<String>> layers,
                     Optional<String> deadLetterTarget, Map<String, JsonNode> settings) {

    /** The SDK model's runtimes, so new ones (python3.14, nodejs24.x, java25, ...) follow the BOM. */
    static final List<String> RUNTIMES = ExtraSettings.values(software.amazon.awssdk.services.lambda.model.Runtime.knownValues());
    static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    static final String HANDLER_PATTERN = "[^\\s]+";
    static final String LAYER_PATTERN = "arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+";
    static final String TARGET_PATTERN = "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()";

    private static final Pattern ROLE = Pattern.compile(ROLE_PATTERN);
    private static final Pattern HANDLER = Pattern.compile(HANDLER_PATTERN);
    private static final Pattern LAYER = Pattern.compile(LAYER_PATTERN);
    private static final Pattern TARGET = Pattern.compile(TARGET_PATTERN);

    /** Reads the members; type errors throw at once, constraint violations go to {@code violations}. */
    static ConfigChanges parse(RequestBody body, Violations violations) {
        ConfigChanges c = new ConfigChanges(body.string("Runtime"), body.string("Role"), body.string("Handler"),
                body.string("Description"), body.integer("Timeout"), body.integer("MemorySize"),
                body.object("Environment").map(e -> e.stringMap("Variables").orElse(Map.of())),
                body.stringList("Layers"),
                body.object("DeadLetterConfig").map(d -> d.string("TargetArn").orElse("")),
                ExtraSettings.parse(body, violations));
        c.runtime.filter(r -> !RUNTIMES.contains(r)).ifPresent(r -> violations.add(Violations.quote(r), "runtime",
                "Member must satisfy enum value set: [" + String.join(", ", RUNTIMES) + "]"));
        c.role.ifPresent(r -> violations.pattern(r, "role", ROLE, ROLE_PATTERN));
        c.handler.ifPresent(h -> violations.length(h, "handler", 0, 128).pattern(h, "handler", HANDLER, HANDLER_PATTERN));
        c.description.ifPresent(d -> violations.length(d, "description", 0, 256));
        c.timeout.ifPresent(t -> violations.range(t, "timeout", 1, 900));
        c.memorySize.ifPresent(m -> violations.range(m, "memorySize", 128, 10240));
        c.layers.filter(ls -> ls.stream().anyMatch(l -> !LAYER.matcher(l).matches()))
                .ifPresent(ls -> violations.add(Violations.quote(ls.toString()), "layers",
                        "Member must satisfy constraint: [Member must have length less than or equal to 140, "
                                + "Member must have length greater than or equal to 1, Member must satisfy regular "
                                + "expression pattern: " + LAYER_PATTERN + ", Member must not be null]"));
        c.deadLetterTarget.ifPresent(t -> violations.pattern(t, "deadLetterConfig.targetArn", TARGET, TARGET_PATTERN));
        return c;
    }

    /** Rules beyond single members, checked once the syntax is valid. */
    void checkRules() {
        if (layers.map(List::size).orElse(0) > 5) {
            throw LambdaError.invalidParameter("Cannot reference more than 5 layers.");
        }
    }

    /** {@code base} with these changes, stamped as modified {@code now} under a new revision. */
    FunctionConfig applyTo(FunctionConfig base, Instant now, String revisionId) {
        return new FunctionConfig(base.functionName(), runtime.orElse(base.runtime()), role.orElse(base.role()),
                handler.orElse(base.handler()), base.codeSize(), base.codeSha256(),
                description.orElse(base.description()), timeout.orElse(base.timeout()),
                memorySize.orElse(base.memorySize()), now, base.version(), environment.orElse(base.environment()),
                layers.orElse(base.layers()), deadLetterTarget.map(t -> t.isEmpty() ? null : t)
                .orElse(base.deadLetterTarget()), revisionId, base.sourceRevision(),
                ExtraSettings.merge(base.settings(), settings));
    }
}

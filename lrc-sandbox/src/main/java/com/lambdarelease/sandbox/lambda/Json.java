package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Lambda's JSON shapes as AWS writes them (PascalCase members, AWS's date format). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** Provisioned concurrency configs carry whole seconds ({@code 2019-12-31T20:28:49+0000}). */
    private static final DateTimeFormatter PROVISIONED_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private Json() {
    }

    static String lastModified(Instant at) {
        return LAST_MODIFIED.format(at);
    }

    /**
     * FunctionConfiguration. {@code arnQualifier} is what the FunctionArn ends in: empty for an
     * unqualified request, else the version or alias the caller named.
     */
    static ObjectNode configuration(Arns arns, FunctionConfig c, Optional<String> arnQualifier) {
        return configuration(arns, c, arnQualifier, FunctionStatus.READY);
    }

    /** FunctionConfiguration with the State and LastUpdateStatus members {@code status} says. */
    static ObjectNode configuration(Arns arns, FunctionConfig c, Optional<String> arnQualifier, FunctionStatus status) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("FunctionName", c.functionName());
        n.put("FunctionArn", arnQualifier.map(q -> arns.function(c.functionName(), q))
                .orElseGet(() -> arns.function(c.functionName())));
        if (!c.runtime().isEmpty()) { // container images have neither
            n.put("Runtime", c.runtime());
        }
        n.put("Role", c.role());
        if (!c.handler().isEmpty()) {
            n.put("Handler", c.handler());
        }
        n.put("CodeSize", c.codeSize());
        n.put("Description", c.description());
        n.put("Timeout", c.timeout());
        n.put("MemorySize", c.memorySize());
        n.put("LastModified", lastModified(c.lastModified()));
        n.put("CodeSha256", c.codeSha256());
        n.put("Version", c.version());
        if (!c.environment().isEmpty()) {
            ObjectNode vars = n.putObject("Environment").putObject("Variables");
            c.environment().forEach(vars::put);
        }
        n.put("RevisionId", c.revisionId());
        if (!c.layers().isEmpty()) {
            ArrayNode layers = n.putArray("Layers");
            c.layers().forEach(arn -> layers.addObject().put("Arn", arn).put("CodeSize", layerSize(arn)));
        }
        c.deadLetter().ifPresent(t -> n.putObject("DeadLetterConfig").put("TargetArn", t));
        n.put("State", status.state());
        status.stateReason().ifPresent(r -> n.put("StateReason", r));
        status.stateReasonCode().ifPresent(r -> n.put("StateReasonCode", r));
        status.lastUpdateStatus().ifPresent(r -> n.put("LastUpdateStatus", r));
        status.lastUpdateReason().ifPresent(r -> n.put("LastUpdateStatusReason", r));
        status.lastUpdateReasonCode().ifPresent(r -> n.put("LastUpdateStatusReasonCode", r));
        ExtraSettings.write(n, c);
        return n;
    }

    static ObjectNode alias(Arns arns, String functionName, Alias a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("AliasArn", arns.function(functionName, a.name()));
        n.put("Name", a.name());
        n.put("FunctionVersion", a.functionVersion());
        n.put("Description", a.description());
        if (!a.weights().isEmpty()) {
            ObjectNode weights = n.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            a.weights().forEach(weights::put);
        }
        n.put("RevisionId", a.revisionId());
        return n;
    }

    /**
     * A provisioned concurrency config: Put/GetProvisionedConcurrencyConfig's answer, or with
     * {@code functionArn} present, an item of ListProvisionedConcurrencyConfigs.
     */
    static ObjectNode provisioned(ProvisionedConcurrency p, Optional<String> functionArn) {
        ObjectNode n = MAPPER.createObjectNode();
        functionArn.ifPresent(arn -> n.put("FunctionArn", arn));
        n.put("RequestedProvisionedConcurrentExecutions", p.requested());
        n.put("AvailableProvisionedConcurrentExecutions", p.requested());
        n.put("AllocatedProvisionedConcurrentExecutions", p.requested());
        n.put("Status", "READY");
        n.put("LastModified", PROVISIONED_MODIFIED.format(p.lastModified()));
        return n;
    }

    static SandboxResponse respond(int status, JsonNode body) {
        try {
            return SandboxResponse.json(status, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** A layer's size is not known to the sandbox; a stable made-up one keeps answers plausible. */
    private static long layerSize(String arn) {
        return 100_000 + Math.floorMod(arn.hashCode(), 5_000_000);
    }
}

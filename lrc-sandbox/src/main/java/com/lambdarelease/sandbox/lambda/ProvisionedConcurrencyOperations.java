package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Put/Get/DeleteProvisionedConcurrencyConfig and ListProvisionedConcurrencyConfigs (API version
 * 2019-09-30). The capacity is bookkeeping only: nothing warms up and Invoke ignores it. What
 * matters to the console is that an alias has it, because weighted routing on such an alias
 * spills over to the version without warm capacity.
 */
final class ProvisionedConcurrencyOperations {

    static final String LATEST_ON_PUT =
            "Provisioned Concurrency Configs cannot be applied to unpublished function versions.";
    static final String LATEST_ON_READ = "The function resource provided must be an alias or a published version.";
    static final String ALIAS_OVER_PROVISIONED_VERSION =
            "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version";
    static final String VERSION_UNDER_PROVISIONED_ALIAS = "Version is pointed by a Provisioned Concurrency alias";

    private final FunctionStore store;
    private final Arns arns;
    private final Clock clock;

    ProvisionedConcurrencyOperations(FunctionStore store, Clock clock) {
        this.store = store;
        this.arns = store.arns();
        this.clock = clock;
    }

    SandboxResponse put(FunctionRef ref, RequestBody body) {
        Optional<Integer> executions = body.integer("ProvisionedConcurrentExecutions");
        new Violations().required(ref.qualifier().orElse(null), "qualifier")
                .required(executions.orElse(null), "provisionedConcurrentExecutions")
                .range(executions.orElse(null), "provisionedConcurrentExecutions", 1, Integer.MAX_VALUE)
                .throwIfAny();
        String qualifier = publishedQualifier(ref, LATEST_ON_PUT);
        ProvisionedConcurrency config = store.write(ref.name(), fn -> {
            requireTarget(fn, qualifier);
            requirePuttable(fn, qualifier);
            ProvisionedConcurrency put = new ProvisionedConcurrency(qualifier, executions.get(), clock.instant());
            fn.putProvisioned(put);
            return put;
        });
        return Json.respond(202, Json.provisioned(config, Optional.empty()));
    }

    SandboxResponse get(FunctionRef ref) {
        new Violations().required(ref.qualifier().orElse(null), "qualifier").throwIfAny();
        String qualifier = publishedQualifier(ref, LATEST_ON_READ);
        ProvisionedConcurrency config = store.withFunction(ref.name(), fn -> {
            requireTarget(fn, qualifier);
            return fn.provisioned(qualifier).orElseThrow(LambdaError::provisionedConcurrencyNotFound);
        });
        return Json.respond(200, Json.provisioned(config, Optional.empty()));
    }

    /** Like AWS, deleting a config that is not there succeeds, as long as the alias or version exists. */
    SandboxResponse delete(FunctionRef ref) {
        new Violations().required(ref.qualifier().orElse(null), "qualifier").throwIfAny();
        String qualifier = publishedQualifier(ref, LATEST_ON_READ);
        store.write(ref.name(), fn -> {
            requireTarget(fn, qualifier);
            fn.removeProvisioned(qualifier);
            return null;
        });
        return new SandboxResponse(204, Map.of(), new byte[0]);
    }

    /** Sorted by qualifier; the marker is the last qualifier handed out. MaxItems is 1-50 here. */
    SandboxResponse list(FunctionRef ref, SandboxRequest request) {
        Page page = Page.from(request, Page.MAX_PAGE);
        List<ProvisionedConcurrency> matching = store.withFunction(ref.name(), fn -> fn.provisionedConfigs().stream()
                .filter(p -> page.marker().map(m -> p.qualifier().compareTo(m) > 0).orElse(true))
                .toList());
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode configs = out.putArray("ProvisionedConcurrencyConfigs");
        matching.stream().limit(page.size()).forEach(p ->
                configs.add(Json.provisioned(p, Optional.of(arns.function(ref.name(), p.qualifier())))));
        if (matching.size() > page.size()) {
            out.put("NextMarker", matching.get(page.size() - 1).qualifier());
        }
        return Json.respond(200, out);
    }

    private static String publishedQualifier(FunctionRef ref, String refusal) {
        String qualifier = ref.qualifier().orElseThrow();
        if (FunctionRef.LATEST.equals(qualifier)) {
            throw LambdaError.invalidParameter(refusal);
        }
        return qualifier;
    }

    /** The alias or published version must exist. */
    private static void requireTarget(LambdaFunction fn, String qualifier) {
        if (isVersion(qualifier)) {
            if (fn.version(qualifier).isEmpty()) {
                throw LambdaError.functionNotFound(fn.arns().function(fn.name(), qualifier));
            }
        } else if (fn.alias(qualifier).isEmpty()) {
            throw LambdaError.aliasNotFound(fn.arns().function(fn.name(), qualifier));
        }
    }

    /**
     * An alias on $LATEST has no published version to warm; and one version gets one set of warm
     * environments, so not both an alias and the version it points at.
     */
    private static void requirePuttable(LambdaFunction fn, String qualifier) {
        if (isVersion(qualifier)) {
            boolean underAlias = fn.aliases().values().stream()
                    .anyMatch(a -> a.functionVersion().equals(qualifier) && fn.provisioned(a.name()).isPresent());
            if (underAlias) {
                throw LambdaError.conflict(VERSION_UNDER_PROVISIONED_ALIAS);
            }
            return;
        }
        String version = fn.alias(qualifier).orElseThrow().functionVersion();
        if (FunctionRef.LATEST.equals(version)) {
            throw LambdaError.invalidParameter(LATEST_ON_PUT);
        }
        if (fn.provisioned(version).isPresent()) {
            throw LambdaError.conflict(ALIAS_OVER_PROVISIONED_VERSION);
        }
    }

    /** Alias names cannot be all digits, so a numeric qualifier is a version. */
    private static boolean isVersion(String qualifier) {
        return qualifier.chars().allMatch(Character::isDigit);
    }
}

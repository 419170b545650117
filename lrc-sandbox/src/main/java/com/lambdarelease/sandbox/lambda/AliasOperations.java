package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases. */
final class AliasOperations {

    private final FunctionStore store;
    private final Arns arns;

    AliasOperations(FunctionStore store) {
        this.store = store;
        this.arns = store.arns();
    }

    SandboxResponse create(FunctionRef ref, RequestBody body) {
        Optional<String> name = body.string("Name");
        Optional<String> version = body.string("FunctionVersion");
        Optional<String> description = body.string("Description");
        Violations violations = new Violations().required(name.orElse(null), "name")
                .required(version.orElse(null), "functionVersion");
        name.ifPresent(n -> violations.aliasName(n, "name"));
        version.ifPresent(v -> violations.version(v, "functionVersion"));
        violations.length(description.orElse(null), "description", 0, 256);
        Map<String, Double> weights = RoutingRules.parse(body, violations).orElse(Map.of());
        violations.throwIfAny();
        RoutingRules.checkShape(version.get(), weights);
        Alias created = store.write(ref.name(), fn -> {
            if (fn.alias(name.get()).isPresent()) {
                throw LambdaError.conflict("Alias already exists: " + arns.function(fn.name(), name.get()));
            }
            RoutingRules.checkVersions(fn, version.get(), weights);
            Alias alias = new Alias(name.get(), version.get(), description.orElse(""), weights, RevisionIds.next());
            fn.putAlias(alias);
            return alias;
        });
        return Json.respond(201, Json.alias(arns, ref.name(), created));
    }

    SandboxResponse get(FunctionRef ref, String aliasName) {
        new Violations().aliasName(aliasName, "name").throwIfAny();
        Alias alias = store.withFunction(ref.name(), fn -> existing(fn, aliasName));
        return Json.respond(200, Json.alias(arns, ref.name(), alias));
    }

    SandboxResponse update(FunctionRef ref, String aliasName, RequestBody body) {
        Optional<String> version = body.string("FunctionVersion");
        Optional<String> description = body.string("Description");
        Optional<String> revision = body.string("RevisionId");
        Violations violations = new Violations().aliasName(aliasName, "name");
        version.ifPresent(v -> violations.version(v, "functionVersion"));
        violations.length(description.orElse(null), "description", 0, 256);
        Optional<Map<String, Double>> newWeights = RoutingRules.parse(body, violations);
        violations.throwIfAny();
        Alias updated = store.write(ref.name(), fn -> {
            Alias current = existing(fn, aliasName);
            RevisionIds.check(revision, current.revisionId());
            // Like AWS, a request without RoutingConfig keeps the current split, so "promote" must clear it.
            String primary = version.orElse(current.functionVersion());
            Map<String, Double> weights = newWeights.orElse(current.weights());
            RoutingRules.checkShape(primary, weights);
            RoutingRules.checkVersions(fn, primary, weights);
            Alias alias = new Alias(aliasName, primary, description.orElse(current.description()), weights,
                    RevisionIds.next());
            fn.putAlias(alias);
            return alias;
        });
        return Json.respond(200, Json.alias(arns, ref.name(), updated));
    }

    SandboxResponse delete(FunctionRef ref, String aliasName) {
        new Violations().aliasName(aliasName, "name").throwIfAny();
        store.write(ref.name(), fn -> {
            existing(fn, aliasName);
            fn.removeAlias(aliasName);
            return null;
        });
        return new SandboxResponse(204, Map.of(), new byte[0]);
    }

    /** Sorted by name; FunctionVersion keeps the aliases that send that version any traffic. */
    SandboxResponse list(FunctionRef ref, SandboxRequest request) {
        Page page = Page.from(request);
        Optional<String> version = request.queryParam("FunctionVersion").filter(v -> !v.isEmpty());
        Violations violations = new Violations();
        version.ifPresent(v -> violations.version(v, "functionVersion"));
        violations.throwIfAny();
        List<Alias> matching = store.withFunction(ref.name(), fn -> fn.aliases().values().stream()
                .filter(a -> version.map(a::routesTo).orElse(true))
                .filter(a -> page.marker().map(m -> a.name().compareTo(m) > 0).orElse(true))
                .toList());
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode aliases = out.putArray("Aliases");
        matching.stream().limit(page.size()).forEach(a -> aliases.add(Json.alias(arns, ref.name(), a)));
        if (matching.size() > page.size()) {
            out.put("NextMarker", matching.get(page.size() - 1).name());
        }
        return Json.respond(200, out);
    }

    private static Alias existing(LambdaFunction fn, String aliasName) {
        return fn.alias(aliasName).orElseThrow(() -> LambdaError.aliasNotFound(fn.arns().function(fn.name(), aliasName)));
    }
}

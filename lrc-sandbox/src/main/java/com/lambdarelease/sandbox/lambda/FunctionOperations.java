package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * ListFunctions, GetFunction, GetFunctionConfiguration, CreateFunction, UpdateFunctionCode,
 * UpdateFunctionConfiguration and DeleteFunction. Every request is fully parsed and validated
 * before the function is locked, so a refused request changes nothing.
 */
final class FunctionOperations {

    private final FunctionStore store;
    private final Arns arns;
    private final Clock clock;
    private final java.time.Duration stateDelay;

    /** @param stateDelay how long a new function stays Pending and an update InProgress */
    FunctionOperations(FunctionStore store, Clock clock, java.time.Duration stateDelay) {
        this.store = store;
        this.arns = store.arns();
        this.clock = clock;
        this.stateDelay = stateDelay;
    }

    /** A configuration and the status it has now, read under the function's lock. */
    private record Answer(FunctionConfig config, FunctionStatus status) {
    }

    private Answer answer(LambdaFunction fn, FunctionConfig config) {
        return new Answer(config, fn.status(config, clock.instant()));
    }

    SandboxResponse list(SandboxRequest request) {
        Page page = Page.from(request);
        Optional<String> which = request.queryParam("FunctionVersion");
        which.filter(v -> !v.equals("ALL")).ifPresent(v -> new Violations().add(Violations.quote(v), "functionVersion",
                "Member must satisfy enum value set: [ALL]").throwIfAny());
        if (which.isPresent()) {
            return listEveryVersion(page);
        }
        List<FunctionConfig> configs = store.page(page.marker().orElse(null), page.size());
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode functions = out.putArray("Functions");
        configs.forEach(c -> functions.add(Json.configuration(arns, c, Optional.empty(), statusOf(c))));
        if (configs.size() == page.size() && store.hasAfter(configs.get(configs.size() - 1).functionName())) {
            out.put("NextMarker", configs.get(configs.size() - 1).functionName());
        }
        return Json.respond(200, out);
    }

    /** FunctionVersion=ALL: every version of every function, each under its qualified ARN ($LATEST included). */
    private SandboxResponse listEveryVersion(Page page) {
        List<FunctionConfig> configs = store.everyVersion(page.marker().orElse(null), page.size());
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode functions = out.putArray("Functions");
        configs.stream().limit(page.size()).forEach(c -> functions.add(Json.configuration(arns, c,
                Optional.of(c.version()), statusOf(c))));
        if (configs.size() > page.size()) {
            FunctionConfig last = configs.get(page.size() - 1);
            out.put("NextMarker", last.functionName() + ":" + last.version());
        }
        return Json.respond(200, out);
    }

    SandboxResponse get(FunctionRef ref) {
        java.util.Map<String, String> tags = new java.util.TreeMap<>();
        Answer answer = store.withFunction(ref.name(), fn -> {
            tags.putAll(fn.tags());
            return answer(fn, resolve(fn, ref));
        });
        FunctionConfig config = answer.config();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("Configuration", Json.configuration(arns, config, ref.qualifier(), answer.status()));
        if (!tags.isEmpty()) { // the function's tags, whichever version was asked for
            ObjectNode t = out.putObject("Tags");
            tags.forEach(t::put);
        }
        if (ExtraSettings.isImage(config.settings())) {
            String uri = ExtraSettings.imageUri(config.settings()).orElse("");
            out.putObject("Code").put("RepositoryType", "ECR").put("ImageUri", uri)
                    .put("ResolvedImageUri", uri.replaceFirst(":[^:/@]+$", "") + "@sha256:"
                            + java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(config.codeSha256())));
        } else {
            out.putObject("Code").put("RepositoryType", "S3").put("Location", arns.codeLocation(ref.name(), config.codeSha256()));
        }
        return Json.respond(200, out);
    }

    SandboxResponse getConfiguration(FunctionRef ref) {
        Answer answer = store.withFunction(ref.name(), fn -> answer(fn, resolve(fn, ref)));
        return Json.respond(200, Json.configuration(arns, answer.config(), ref.qualifier(), answer.status()));
    }

    /** The status of a listed function's $LATEST; a function deleted meanwhile reads as settled. */
    private FunctionStatus statusOf(FunctionConfig latest) {
        try {
            return store.withFunction(latest.functionName(), fn -> fn.status(latest, clock.instant()));
        } catch (LambdaError gone) {
            return FunctionStatus.READY;
        }
    }

    SandboxResponse create(RequestBody body) {
        Optional<String> rawName = body.string("FunctionName");
        Optional<RequestBody> code = body.object("Code");
        boolean publish = body.bool("Publish").orElse(false);
        Violations violations = new Violations().required(rawName.orElse(null), "functionName")
                .required(body.string("Role").orElse(null), "role").required(code.orElse(null), "code");
        ConfigChanges changes = ConfigChanges.parse(body, violations);
        violations.throwIfAny();
        java.util.Map<String, String> tags = body.stringMap("Tags").orElse(java.util.Map.of());
        Tags.checkAdded(tags, java.util.Map.of());
        String name = FunctionRef.parse(rawName.get(), arns).name();
        boolean image = ExtraSettings.isImage(changes.settings());
        if (!image && (changes.runtime().isEmpty() || changes.handler().isEmpty())) {
            throw LambdaError.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        changes.checkRules();
        // A container image is kept by its URI (never pulled, never run)
        Optional<String> imageUri = code.get().string("ImageUri");
        CodePackage pkg = (image ? imageUri.map(u -> CodePackage.of(u.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                : CodePackage.from(code.get())).orElseThrow(FunctionOperations::noCode);
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> settings = new java.util.LinkedHashMap<>();
        imageUri.filter(u -> image).ifPresent(u -> settings.put("ImageUri", Json.MAPPER.getNodeFactory().textNode(u)));
        FunctionConfig base = new FunctionConfig(name, "", "", "", pkg.size(), pkg.sha256(), "", 3, 128,
                clock.instant(), FunctionRef.LATEST, null, null, null, "", 0, settings);
        LambdaFunction fn = new LambdaFunction(changes.applyTo(base, clock.instant(), RevisionIds.next()), arns);
        fn.created(clock.instant(), stateDelay);
        fn.tag(tags);
        FunctionConfig answer = fn.latest();
        if (publish) {
            answer = fn.publish(Optional.empty(), clock.instant());
            fn.versionPublished(answer.version(), clock.instant(), stateDelay);
        }
        FunctionStatus status = fn.status(fn.latest(), clock.instant());
        if (!store.add(fn)) {
            throw LambdaError.conflict("Function already exist: " + name);
        }
        // AWS answers CreateFunction with Publish=true with version 1's configuration under the unqualified ARN.
        return Json.respond(201, Json.configuration(arns, answer, Optional.empty(), status));
    }

    SandboxResponse updateCode(FunctionRef ref, RequestBody body) {
        Optional<String> revision = body.string("RevisionId");
        boolean publish = body.bool("Publish").orElse(false);
        boolean dryRun = body.bool("DryRun").orElse(false);
        Violations violations = new Violations();
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> settings = ExtraSettings.parse(body, violations);
        violations.throwIfAny();
        CodePackage pkg = body.string("ImageUri").map(u -> CodePackage.of(u.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .or(() -> CodePackage.from(body)).orElseThrow(FunctionOperations::noCode);
        Answer answer = store.write(ref.name(), fn -> {
            RevisionIds.check(revision, fn.latest().revisionId());
            fn.requireSettled(clock.instant());
            if (dryRun) {
                return answer(fn, fn.latest());
            }
            FunctionConfig previous = fn.latest();
            fn.update(previous.withCode(pkg.sha256(), pkg.size(), clock.instant(), RevisionIds.next())
                    .withSettings(ExtraSettings.merge(previous.settings(), settings)));
            fn.updating(previous, clock.instant(), stateDelay);
            if (!publish) {
                return answer(fn, fn.latest());
            }
            // $LATEST goes InProgress and the new version Pending, as on AWS
            FunctionConfig version = fn.publish(Optional.empty(), clock.instant());
            fn.versionPublished(version.version(), clock.instant(), stateDelay);
            return answer(fn, version);
        });
        return Json.respond(200, Json.configuration(arns, answer.config(),
                publish ? Optional.of(answer.config().version()) : Optional.empty(), answer.status()));
    }

    SandboxResponse updateConfiguration(FunctionRef ref, RequestBody body) {
        Optional<String> revision = body.string("RevisionId");
        Violations violations = new Violations();
        ConfigChanges changes = ConfigChanges.parse(body, violations);
        violations.throwIfAny();
        changes.checkRules();
        Answer answer = store.write(ref.name(), fn -> {
            RevisionIds.check(revision, fn.latest().revisionId());
            fn.requireSettled(clock.instant());
            FunctionConfig previous = fn.latest();
            fn.update(changes.applyTo(previous, clock.instant(), RevisionIds.next()));
            fn.updating(previous, clock.instant(), stateDelay);
            return answer(fn, fn.latest());
        });
        return Json.respond(200, Json.configuration(arns, answer.config(), Optional.empty(), answer.status()));
    }

    SandboxResponse delete(FunctionRef ref) {
        if (ref.qualifier().isEmpty()) {
            store.remove(ref.name());
            return new SandboxResponse(204, java.util.Map.of(), new byte[0]);
        }
        String qualifier = ref.qualifier().get();
        if (FunctionRef.LATEST.equals(qualifier)) {
            throw LambdaError.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        if (!qualifier.chars().allMatch(Character::isDigit)) {
            throw LambdaError.invalidParameter("Deletion of aliases is not supported.");
        }
        store.write(ref.name(), fn -> {
            List<String> users = fn.aliases().values().stream().filter(a -> a.routesTo(qualifier)).map(Alias::name).toList();
            if (!users.isEmpty()) {
                throw LambdaError.conflict("Unable to delete version because the following aliases reference it: "
                        + "[" + String.join(", ", users) + "]");
            }
            fn.removeVersion(qualifier);
            return null;
        });
        return new SandboxResponse(204, java.util.Map.of(), new byte[0]);
    }

    /** The configuration a qualifier names; an alias names its primary version's. */
    static FunctionConfig resolve(LambdaFunction fn, FunctionRef ref) {
        Arns arns = fn.arns();
        if (ref.qualifier().isEmpty()) {
            return fn.latest();
        }
        String q = ref.qualifier().get();
        Optional<FunctionConfig> config = fn.version(q)
                .or(() -> fn.alias(q).flatMap(a -> fn.version(a.functionVersion())));
        return config.orElseThrow(() -> LambdaError.functionNotFound(arns.function(fn.name(), q)));
    }

    private static LambdaError noCode() {
        return LambdaError.invalidParameter("Please provide a source for function code.");
    }
}

package com.lambdarelease.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** PublishVersion and ListVersionsByFunction. */
final class VersionOperations {

    private final FunctionStore store;
    private final Arns arns;
    private final Clock clock;
    private final java.time.Duration stateDelay;

    /** @param stateDelay how long a new version stays Pending */
    VersionOperations(FunctionStore store, Clock clock, java.time.Duration stateDelay) {
        this.store = store;
        this.arns = store.arns();
        this.clock = clock;
        this.stateDelay = stateDelay;
    }

    SandboxResponse publish(FunctionRef ref, RequestBody body) {
        Optional<String> description = body.string("Description");
        Optional<String> codeSha = body.string("CodeSha256");
        Optional<String> revision = body.string("RevisionId");
        new Violations().length(description.orElse(null), "description", 0, 256).throwIfAny();
        ObjectNode answer = store.write(ref.name(), fn -> {
            RevisionIds.check(revision, fn.latest().revisionId());
            fn.requireSettled(clock.instant());
            String current = fn.latest().codeSha256();
            if (codeSha.isPresent() && !codeSha.get().equals(current)) {
                throw LambdaError.invalidParameter("CodeSHA256 (" + codeSha.get() + ") is different from current "
                        + "CodeSHA256 in $LATEST (" + current + "). Please try again with the CodeSHA256 in $LATEST.");
            }
            boolean isNew = fn.updatedSincePublish();
            FunctionConfig version = fn.publish(description, clock.instant());
            if (isNew) {
                fn.versionPublished(version.version(), clock.instant(), stateDelay);
            }
            return Json.configuration(arns, version, Optional.of(version.version()), fn.status(version, clock.instant()));
        });
        return Json.respond(201, answer);
    }

    /** {@code $LATEST} first, then versions oldest first; the marker is the last version handed out. */
    SandboxResponse list(FunctionRef ref, SandboxRequest request) {
        Page page = Page.from(request);
        java.time.Instant now = clock.instant();
        record Listed(FunctionConfig config, FunctionStatus status) {
        }
        List<Listed> all = store.withFunction(ref.name(), fn -> fn.allVersions().stream()
                .map(c -> new Listed(c, fn.status(c, now))).toList());
        int start = page.marker().map(m -> firstAfter(all.stream().map(Listed::config).toList(), m)).orElse(0);
        int end = Math.min(all.size(), start + page.size());
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode versions = out.putArray("Versions");
        all.subList(start, end).forEach(l -> versions.add(Json.configuration(arns, l.config(), Optional.of(l.config().version()),
                l.status())));
        if (end < all.size()) {
            out.put("NextMarker", all.get(end - 1).config().version());
        }
        return Json.respond(200, out);
    }

    /** Index of the first entry after the marker; versions deleted meanwhile do not break paging. */
    private static int firstAfter(List<FunctionConfig> all, String marker) {
        if (FunctionRef.LATEST.equals(marker)) {
            return 1;
        }
        if (marker.isEmpty() || marker.length() > 9 || !marker.chars().allMatch(Character::isDigit)) {
            throw LambdaError.invalidParameter("Invalid Marker: " + marker);
        }
        int after = Integer.parseInt(marker);
        for (int i = 1; i < all.size(); i++) {
            if (Integer.parseInt(all.get(i).version()) > after) {
                return i;
            }
        }
        return all.size();
    }
}

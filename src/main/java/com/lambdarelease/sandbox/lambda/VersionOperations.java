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
    private final Clock clock;

    VersionOperations(FunctionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    SandboxResponse publish(FunctionRef ref, RequestBody body) {
        Optional<String> description = body.string("Description");
        Optional<String> codeSha = body.string("CodeSha256");
        Optional<String> revision = body.string("RevisionId");
        new Violations().length(description.orElse(null), "description", 0, 256).throwIfAny();
        FunctionConfig version = store.write(ref.name(), fn -> {
            RevisionIds.check(revision, fn.latest().revisionId());
            String current = fn.latest().codeSha256();
            if (codeSha.isPresent() && !codeSha.get().equals(current)) {
                throw LambdaError.invalidParameter("CodeSHA256 (" + codeSha.get() + ") is different from current "
                        + "CodeSHA256 in $LATEST (" + current + "). Please try again with the CodeSHA256 in $LATEST.");
            }
            return fn.publish(description, clock.instant());
        });
        return Json.respond(201, Json.configuration(version, Optional.of(version.version())));
    }

    /** {@code $LATEST} first, then versions oldest first; the marker is the last version handed out. */
    SandboxResponse list(FunctionRef ref, SandboxRequest request) {
        Page page = Page.from(request);
        List<FunctionConfig> all = store.withFunction(ref.name(), LambdaFunction::allVersions);
        int start = page.marker().map(m -> firstAfter(all, m)).orElse(0);
        int end = Math.min(all.size(), start + page.size());
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode versions = out.putArray("Versions");
        all.subList(start, end).forEach(c -> versions.add(Json.configuration(c, Optional.of(c.version()))));
        if (end < all.size()) {
            out.put("NextMarker", all.get(end - 1).version());
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

package com.lambdarelease.logs;

import com.lambdarelease.domain.FunctionLogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups a function's error events by {@link ErrorSignature} and counts them per version, so the
 * canary's errors can be read beside the primary's, and a signature only the canary reports is
 * marked. Events can be added and removed (a bounded buffer dropping its oldest), each costing a
 * map update. Not thread-safe: one owner (the CLI's thread, the console's model) feeds it.
 */
public final class ErrorGrouper {

    private final Map<ErrorSignature, Tally> tallies = new HashMap<>();

    /** Counts {@code event} if it is a runtime error; returns its signature when it was one. */
    public Optional<ErrorSignature> add(FunctionLogEvent event) {
        Optional<ErrorSignature> signature = ErrorSignature.of(event.message());
        signature.ifPresent(s -> tallies.computeIfAbsent(s, k -> new Tally()).add(event.version(), event.timestamp()));
        return signature;
    }

    /** Counts {@code event} under a signature read before (off the UI thread). */
    public void add(FunctionLogEvent event, ErrorSignature signature) {
        tallies.computeIfAbsent(signature, k -> new Tally()).add(event.version(), event.timestamp());
    }

    /** Uncounts an event counted under {@code signature} before. */
    public void remove(FunctionLogEvent event, ErrorSignature signature) {
        Tally t = tallies.get(signature);
        if (t != null && t.remove(event.version())) {
            tallies.remove(signature);
        }
    }

    /** Uncounts an event {@link #add} counted before (it left the buffer or the time range). */
    public void remove(FunctionLogEvent event) {
        ErrorSignature.of(event.message()).ifPresent(s -> {
            Tally t = tallies.get(s);
            if (t != null && t.remove(event.version())) {
                tallies.remove(s);
            }
        });
    }

    public void clear() {
        tallies.clear();
    }

    /**
     * The signatures seen, most frequent first, each with its count per version of {@code versions}
     * (primary first) and, when more than one version is compared, the one version other than the
     * primary it was only seen in (what only the canary says).
     */
    public List<ErrorGroup> groups(List<String> versions) {
        List<ErrorGroup> out = new ArrayList<>();
        tallies.forEach((signature, tally) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String v : versions) {
                counts.put(v, tally.byVersion.getOrDefault(v, 0));
            }
            List<String> seenIn = versions.stream().filter(v -> counts.get(v) > 0).toList();
            // New in a canary: one version other than the primary says it, and nothing else does.
            Optional<String> onlyIn = versions.size() > 1 && seenIn.size() == 1 && !seenIn.get(0).equals(versions.get(0))
                    && tally.total == counts.get(seenIn.get(0)) ? Optional.of(seenIn.get(0)) : Optional.empty();
            out.add(new ErrorGroup(signature, counts, tally.total, onlyIn, tally.lastSeen));
        });
        out.sort(Comparator.comparingInt(ErrorGroup::total).reversed()
                .thenComparing(g -> g.signature().text()));
        return List.copyOf(out);
    }

    /** Groups {@code events} in one go (the command line's table). */
    public static List<ErrorGroup> group(List<FunctionLogEvent> events, List<String> versions) {
        ErrorGrouper g = new ErrorGrouper();
        events.forEach(g::add);
        return g.groups(versions);
    }

    private static final class Tally {
        private final Map<String, Integer> byVersion = new HashMap<>();
        private int total;
        private Instant lastSeen = Instant.EPOCH;

        void add(String version, Instant at) {
            byVersion.merge(version, 1, Integer::sum);
            total++;
            lastSeen = at.isAfter(lastSeen) ? at : lastSeen;
        }

        /** True when nothing is left. */
        boolean remove(String version) {
            Integer n = byVersion.get(version);
            if (n != null) {
                if (n == 1) {
                    byVersion.remove(version);
                } else {
                    byVersion.put(version, n - 1);
                }
                total--;
            }
            return total <= 0;
        }
    }
}

package com.lambdarelease.release;

import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.domain.TrailEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An alias's history from every machine: this machine's journal merged with CloudTrail's record of
 * Lambda's alias calls (CreateAlias, UpdateAlias, DeleteAlias, with their API suffix as CloudTrail
 * writes them). A journal line and a CloudTrail event of one write become one entry, matched by the
 * RevisionId the write produced; "before" is derived from the entry before it where CloudTrail does
 * not say it. Changes not made with this tool are marked.
 */
public final class AliasHistory {

    /** Lambda's alias calls as CloudTrail names them (Lambda developer guide, "Logging Lambda API calls using CloudTrail"). */
    public static final List<String> ALIAS_EVENTS = List.of("UpdateAlias20150331", "CreateAlias20150331",
            "DeleteAlias20150331");

    /** One change of the alias, or one attempt. */
    public record Entry(Instant at, String alias, String who, String whoName, TrailEvent.Source source, String action,
                        Optional<TrafficSplit> before, Optional<TrafficSplit> after, String revision, boolean inJournal,
                        boolean inTrail, String outcome, String message) {

        /** This entry with {@code earlier} as what the alias was before it. */
        Entry withBefore(Optional<TrafficSplit> earlier) {
            return new Entry(at, alias, who, whoName, source, action, earlier, after, revision, inJournal, inTrail, outcome,
                    message);
        }

        /** True when the change was not made with this tool, from any machine. */
        public boolean notByThisTool() {
            return source != TrailEvent.Source.THIS_TOOL;
        }

        /** "100% v3 → 90% v3 · 10% v4", "(unknown) → …" where nothing says what it was before. */
        public String describe() {
            return before.map(TrafficSplit::describe).orElse(action.equals("create") ? "(none)" : "(unknown)") + " → "
                    + after.map(TrafficSplit::describe).orElse(action.equals("delete") ? "(none)" : "(unknown)");
        }

        /** "this tool", "AWS CLI", "CodeDeploy", … with "(this machine)" for this machine's own writes. */
        public String from() {
            return source.words() + (inJournal ? " (this machine)" : source == TrailEvent.Source.THIS_TOOL
                    ? " (another machine)" : "");
        }
    }

    /**
     * The history, newest first.
     *
     * @param trailComplete   false when CloudTrail could not be read whole: {@code trailProblem} says why
     *                        (the journal's own entries are there still)
     * @param trailReadBackTo how far back CloudTrail's events are complete
     * @param trailUnavailable true when the connection has no CloudTrail at all (tests on fakes), not a failure
     */
    public record History(List<Entry> entries, boolean trailComplete, Instant trailReadBackTo, String trailProblem,
                          boolean trailUnavailable) {

        /** True when CloudTrail was there to read and could not be read (permissions, throttling, the network). */
        public boolean trailFailed() {
            return !trailProblem.isEmpty() && !trailUnavailable;
        }

        /** The latest successful change made through CodeDeploy, if the newest successful change is one. */
        public Optional<Entry> codeDeployShift() {
            return entries.stream().filter(e -> e.outcome().equals(JournalEntry.APPLIED)).findFirst()
                    .filter(e -> e.source() == TrailEvent.Source.CODEDEPLOY);
        }
    }

    private final ReleaseJournal journal;
    private final TrailCache trail;

    public AliasHistory(ReleaseJournal journal, TrailCache trail) {
        this.journal = journal;
        this.trail = trail;
    }

    /** {@code function:alias}'s history since {@code since}; CloudTrail failing leaves the journal's part, saying why. */
    public CompletableFuture<History> of(String function, String alias, Instant since) {
        return of(function, Optional.of(alias), since);
    }

    /**
     * The history of {@code function}'s aliases ({@code alias}, or all of them) since {@code since}, newest first;
     * CloudTrail failing leaves the journal's part, saying why. The journal is read on the calling thread's
     * continuation: call from a background thread.
     */
    public CompletableFuture<History> of(String function, Optional<String> alias, Instant since) {
        return trail.events(ALIAS_EVENTS, since).handle((found, e) -> {
            List<JournalEntry> mine = journal.read(Optional.of(function), alias).stream()
                    .filter(j -> !j.at().isBefore(since)).toList();
            if (e != null) {
                return new History(mergeByAlias(mine, List.of()), false, since, Problems.describe(e),
                        com.lambdarelease.service.errors.AwsErrors.translate(e) instanceof UnsupportedOperationException);
            }
            List<TrailEvent> events = found.events().stream()
                    .filter(t -> t.function().equals(function) && alias.map(t.alias()::equals).orElse(!t.alias().isEmpty()))
                    .toList();
            return new History(mergeByAlias(mine, events), found.complete(), found.readBackTo(), "", false);
        });
    }

    /** {@link #merge} alias by alias ("before" follows each alias's own chain), newest first. */
    static List<Entry> mergeByAlias(List<JournalEntry> journal, List<TrailEvent> trail) {
        java.util.Set<String> aliases = new java.util.TreeSet<>();
        journal.forEach(j -> aliases.add(j.alias()));
        trail.forEach(t -> aliases.add(t.alias()));
        List<Entry> all = new ArrayList<>();
        for (String a : aliases) {
            all.addAll(merge(journal.stream().filter(j -> j.alias().equals(a)).toList(),
                    trail.stream().filter(t -> t.alias().equals(a)).toList()));
        }
        all.sort(Comparator.comparing(Entry::at).reversed());
        return List.copyOf(all);
    }

    /** One alias's journal lines and CloudTrail events as one list, newest first. */
    static List<Entry> merge(List<JournalEntry> journal, List<TrailEvent> trail) {
        Map<String, TrailEvent> byRevision = new HashMap<>();
        trail.stream().filter(t -> !t.newRevision().isEmpty()).forEach(t -> byRevision.put(t.newRevision(), t));
        Set<String> matched = new HashSet<>();
        List<Entry> out = new ArrayList<>();
        Map<Entry, String> basedOn = new java.util.IdentityHashMap<>();
        for (JournalEntry j : journal) {
            Optional<TrailEvent> t = j.newRevision().isEmpty() || !j.applied() ? Optional.empty()
                    : Optional.ofNullable(byRevision.get(j.newRevision()));
            if (t.isEmpty() && j.action().equals("delete") && j.applied()) {
                t = trail.stream().filter(e -> e.operation().equals("DeleteAlias") && e.succeeded() && !matched.contains(e.eventId())
                        && Duration.between(e.at(), j.at()).abs().compareTo(Duration.ofMinutes(2)) <= 0).findFirst();
            }
            t.ifPresent(e -> matched.add(e.eventId()));
            Entry mine = (new Entry(j.at(), j.alias(), t.map(TrailEvent::who).filter(w -> !w.isEmpty()).orElse(j.who()),
                    t.map(TrailEvent::whoName).orElse(shortName(j.who())), TrailEvent.Source.THIS_TOOL, j.action(),
                    j.before(), j.after(), j.newRevision(), true, t.isPresent(), j.outcome(), j.message()));
            out.add(mine);
            basedOn.put(mine, j.basedOnRevision());
        }
        // CloudTrail answers newest first, to the second: events of one second keep its order, oldest first here.
        List<TrailEvent> oldestFirst = new ArrayList<>(trail);
        java.util.Collections.reverse(oldestFirst);
        for (TrailEvent t : oldestFirst) {
            if (matched.contains(t.eventId())) {
                continue;
            }
            String action = switch (t.operation()) {
                case "CreateAlias" -> "create";
                case "DeleteAlias" -> "delete";
                default -> "update";
            };
            Entry theirs = (new Entry(t.at(), t.alias(), t.who(), t.whoName(), t.source(), action, Optional.empty(),
                    action.equals("delete") ? Optional.empty() : t.after(), t.newRevision(), false, true,
                    t.succeeded() ? JournalEntry.APPLIED : JournalEntry.FAILED,
                    t.succeeded() ? "" : t.errorCode() + (t.errorMessage().isEmpty() ? "" : ": " + t.errorMessage())));
            out.add(theirs);
            basedOn.put(theirs, t.basedOnRevision());
        }
        out.sort(Comparator.comparing(Entry::at)); // stable: ties keep the order above
        orderTies(out, basedOn);
        // "before": what the previous applied change left, where the entry does not know it itself.
        List<Entry> derived = new ArrayList<>();
        Optional<TrafficSplit> last = Optional.empty();
        boolean known = false;
        for (Entry e : out) {
            Entry d = e;
            if (e.before().isEmpty() && !e.action().equals("create") && known) {
                d = e.withBefore(last);
            }
            derived.add(d);
            if (d.outcome().equals(JournalEntry.APPLIED)) {
                last = d.after();
                known = d.after().isPresent() || d.action().equals("delete");
            }
        }
        java.util.Collections.reverse(derived); // newest first, ties too
        return List.copyOf(derived);
    }

    /**
     * Changes of one second (CloudTrail's times are whole seconds) in the order they happened: a create first, then
     * each change after the one whose RevisionId it was based on; the rest keep their order.
     */
    static void orderTies(List<Entry> chronological, Map<Entry, String> basedOn) {
        int i = 0;
        while (i < chronological.size()) {
            Instant at = chronological.get(i).at();
            int j = i;
            while (j < chronological.size() && chronological.get(j).at().equals(at)) {
                j++;
            }
            if (j - i > 1) {
                List<Entry> left = new ArrayList<>(chronological.subList(i, j));
                List<Entry> ordered = new ArrayList<>();
                left.stream().filter(e -> e.action().equals("create")).forEach(ordered::add);
                left.removeIf(e -> e.action().equals("create"));
                while (!left.isEmpty()) {
                    String last = ordered.isEmpty() ? "" : ordered.get(ordered.size() - 1).revision();
                    Entry next = left.stream().filter(e -> !last.isEmpty() && last.equals(basedOn.get(e))).findFirst()
                            .orElse(left.get(0));
                    ordered.add(next);
                    left.removeIf(e -> e == next);
                }
                for (int k = 0; k < ordered.size(); k++) {
                    chronological.set(i + k, ordered.get(k));
                }
            }
            i = j;
        }
    }

    /** "alice" from "arn:aws:sts::1:assumed-role/R/alice"; a profile label stays as it is. */
    static String shortName(String who) {
        return who.startsWith("arn:") && who.contains("/") ? who.substring(who.lastIndexOf('/') + 1) : who;
    }
}

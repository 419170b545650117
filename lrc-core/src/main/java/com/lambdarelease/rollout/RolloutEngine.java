package com.lambdarelease.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.release.ReleaseSession;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Starts and recovers progressive rollouts on one connection, every write through the session's
 * alias writer, every transition in its journal, time from {@code clock} (the sandbox's clock on
 * the sandbox, so a test or a demo moves time itself). A lock file per alias makes this engine the
 * only driver of its rollouts across processes. Who calls {@link Rollout#evaluate()} and how often
 * is the caller's choice: the console on a timer, the command line in its foreground loop, a test
 * after each move of a manual clock.
 */
public final class RolloutEngine implements AutoCloseable {

    /**
     * What to roll out: the version behind the alias today stays the primary; {@code version} is the
     * canary. {@code replaceCanary}: the alias may already send a share to another version, which
     * the rollout then replaces (a roll back restores it); without it such a start is refused.
     */
    public record Request(String function, String alias, String version, RolloutPlan plan, RolloutSettings settings,
                          boolean replaceCanary) {
        public Request {
            AwsNames.requireFunctionName(function);
            AwsNames.requireAliasName(alias);
            if (!AwsNames.isPublishedVersion(version)) {
                throw new InvalidInputException("Roll out a published version, not '" + version + "'.");
            }
        }

        /** A request that replaces no other version's share. */
        public Request(String function, String alias, String version, RolloutPlan plan, RolloutSettings settings) {
            this(function, alias, version, plan, settings, false);
        }
    }

    private final ReleaseSession session;
    private final RolloutJournal journal;
    private final Clock clock;
    private final Executor listenerExecutor;
    private final Path lockFolder;
    private final Map<String, RolloutLock> locks = new ConcurrentHashMap<>();
    private final RolloutLeases leases;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final java.util.Set<CompletableFuture<Void>> releasing = ConcurrentHashMap.newKeySet();

    /** This engine's lease on one alias: when it last renewed it, and who took it, once someone else did. */
    private static final class Held {
        final String rolloutId;
        volatile Instant renewedAt;
        volatile String leasedRevision = "";
        volatile Optional<String> lost = Optional.empty();

        Held(String rolloutId, Instant renewedAt) {
            this.rolloutId = rolloutId;
            this.renewedAt = renewedAt;
        }
    }

    /**
     * @param listenerExecutor where rollout listeners are told (the FX thread in the console, {@code Runnable::run} in tests)
     * @param lockFolder       where the per-alias lock files live (beside the journal)
     */
    public RolloutEngine(ReleaseSession session, Clock clock, Executor listenerExecutor, Path lockFolder) {
        this.session = session;
        this.journal = new RolloutJournal(session.journal());
        this.clock = clock;
        this.listenerExecutor = listenerExecutor;
        this.lockFolder = lockFolder;
        this.leases = new RolloutLeases(session.services().lambda(), session.services().identity(), clock,
                RolloutLeases.localHost(), UUID.randomUUID().toString().substring(0, 8));
    }

    /** The leases every console and command line on this account sees (tags on the functions). */
    public RolloutLeases leases() {
        return leases;
    }

    /** {@code rollout-locks/} beside the journal file. */
    public static Path lockFolderBeside(Path journalFile) {
        return journalFile.toAbsolutePath().resolveSibling("rollout-locks");
    }

    public RolloutJournal journal() {
        return journal;
    }

    /**
     * Takes the alias's lock, reads the alias and its provisioned concurrency (the exact baseline a
     * roll back restores), journals the start and returns the rollout, {@code PENDING}: its first
     * {@link Rollout#evaluate()} makes the first shift. Fails through the future when the alias
     * cannot be read, when another process drives a rollout of it, when the version is the one
     * it already sends everything to, or ({@link CanaryInTheWayException}) when it already sends a
     * share to another version and the request does not say to replace it. A version the alias
     * already sends a share to goes on from that weight.
     */
    public CompletableFuture<Rollout> start(Request request) {
        Optional<RolloutLock> lock = lock(request.function(), request.alias());
        if (lock.isEmpty()) {
            return CompletableFuture.failedFuture(drivenElsewhere(request.function(), request.alias()));
        }
        CompletableFuture<AliasRoute> alias = session.services().lambda().getAlias(request.function(), request.alias());
        CompletableFuture<Optional<Map<String, Integer>>> pc = session.services().lambda()
                .provisionedConcurrency(request.function()).thenApply(Optional::of).exceptionally(e -> Optional.empty());
        return alias.thenCombine(pc, (baseline, provisioned) -> {
            if (baseline.split().primaryVersion().equals(request.version())) {
                throw new InvalidInputException(request.function() + ":" + request.alias() + " already sends its primary "
                        + "traffic to v" + request.version() + "; nothing to roll out.");
            }
            if (!request.replaceCanary()) {
                CanaryReplacement.of(baseline, request.version()).ifPresent(r -> {
                    throw new CanaryInTheWayException(r);
                });
            }
            String id = UUID.randomUUID().toString();
            return new Rollout(id, baseline, provisioned, request.version(), request.plan(),
                    request.settings(), session, journal, clock, listenerExecutor,
                    () -> release(request.function(), request.alias()), () -> beat(request.function(), request.alias()),
                    revision -> leaseCheck(request.function(), request.alias(), revision), RolloutState.PENDING);
        }).thenCompose(rollout -> {
            ObjectNode started = rollout.startedRecord(session.label());
            return leases.acquire(request.function(), request.alias(), rollout.id(), "0/" + request.plan().steps().size(),
                    0, terms(started, started), Optional.empty()).thenApply(leased -> {
                        held(request.function(), request.alias(), rollout.id(), leased);
                        journal.append(started);
                        return rollout;
                    });
        }).whenComplete((r, e) -> {
            if (e != null) {
                release(request.function(), request.alias());
            }
        });
    }

    /**
     * Picks up the unfinished rollout of {@code function:alias} from the journal (after a restart,
     * or one another process left): takes the lock, re-reads the alias, and goes on only if the alias
     * still holds the RevisionId the journal last wrote; otherwise it comes back paused, saying what
     * changed. Empty when there is no unfinished rollout of that alias.
     */
    public CompletableFuture<Optional<Rollout>> recover(String function, String alias) {
        Optional<ObjectNode> last = journal.latestOf(function, alias).filter(r -> !RolloutJournal.state(r).finished());
        if (last.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String id = last.get().path("id").asText();
        List<ObjectNode> records = journal.of(id);
        Optional<ObjectNode> started = records.stream().filter(r -> "started".equals(r.path("event").asText())).findFirst();
        if (started.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ObjectNode lastState = records.stream().filter(r -> !"request".equals(r.path("event").asText())
                && r.has("revision")).reduce((a, b) -> b).orElse(started.get());
        if (lock(function, alias).isEmpty()) {
            return CompletableFuture.failedFuture(drivenElsewhere(function, alias));
        }
        ObjectNode s = started.get();
        AliasRoute baseline = RolloutJournal.aliasFrom(s.path("baseline"), function, alias);
        Optional<Map<String, Integer>> pc = Optional.empty();
        if (s.has("provisionedConcurrency")) {
            Map<String, Integer> m = new java.util.LinkedHashMap<>();
            s.get("provisionedConcurrency").fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asInt()));
            pc = Optional.of(m);
        }
        Rollout rollout = new Rollout(id, baseline, pc, s.path("target").asText(), PlanStore.fromJson(s.path("plan")),
                RolloutJournal.settingsFrom(s.path("settings")), session, journal, clock, listenerExecutor,
                () -> release(function, alias), () -> beat(function, alias), revision -> leaseCheck(function, alias, revision),
                RolloutState.PENDING);
        Optional<Instant> lastBeat = RolloutLock.lastBeat(RolloutLock.file(lockFolder, function, alias));
        Optional<String> stoppedHere = RolloutLock.lastDriver(RolloutLock.file(lockFolder, function, alias));
        String expected = lastState.path("revision").asText(baseline.revisionId());
        RolloutState recorded = RolloutJournal.state(lastState);
        // Recovering is taking the lease again: refused while another console's driver is alive.
        return leases.acquire(function, alias, id, stepOf(s, lastState), lastState.path("canaryPercent").asDouble(0),
                terms(s, lastState), Optional.of(id), stoppedHere).thenCompose(leased -> {
            held(function, alias, id, leased);
            return session.services().lambda().getAlias(function, alias);
        }).thenApply(now -> {
            if (now.revisionId().equals(expected)) {
                RolloutState as = switch (recorded) {
                    case SHIFTING -> RolloutState.PAUSED; // the write's answer is unknown: the operator decides
                    case PROMOTING, ROLLING_BACK -> RolloutState.PAUSED;
                    default -> recorded;
                };
                rollout.restore(lastState, as, "Recovered from the journal" + undriven(lastBeat) + ": " + function + ":"
                        + alias + " still holds revision " + expected + "." + (as == RolloutState.PAUSED && recorded != as
                        ? " It was interrupted while " + recorded.words() + "." : ""),
                        as == RolloutState.PAUSED && recorded != as ? Optional.of(Awaiting.INTERRUPTED) : Optional.empty());
            } else {
                rollout.restore(lastState, RolloutState.PAUSED, "Recovered from the journal" + undriven(lastBeat)
                        + ", but " + function + ":" + alias
                        + " changed since the rollout's last write: it now sends " + now.split().arrows() + " (revision "
                        + now.revisionId() + ", the journal last wrote " + expected + "). Paused; nothing was overwritten.",
                        Optional.of(Awaiting.CHANGED_WHILE_UNDRIVEN));
                rollout.foreignChangeShown(now.revisionId());
            }
            rollout.publishState("recovered");
            return Optional.of(rollout);
        }).whenComplete((r, e) -> {
            if (e != null) {
                release(function, alias);
            }
        });
    }

    /** True when some process (this one included) drives a rollout of {@code function:alias} now. */
    public boolean driven(String function, String alias) {
        return locks.containsKey(key(function, alias)) || RolloutLock.held(RolloutLock.file(lockFolder, function, alias));
    }

    private synchronized Optional<RolloutLock> lock(String function, String alias) {
        String key = key(function, alias);
        if (locks.containsKey(key)) {
            return Optional.empty();
        }
        Optional<RolloutLock> lock = RolloutLock.tryAcquire(RolloutLock.file(lockFolder, function, alias));
        lock.ifPresent(l -> locks.put(key, l));
        return lock;
    }

    /**
     * The driver is alive: its lock file says when it last evaluated (what status shows as "no driver since") and
     * which lease token it drives with ({@link #leaseCheck} renews the lease itself).
     */
    private void beat(String function, String alias) {
        RolloutLock lock = locks.get(key(function, alias));
        if (lock != null) {
            try {
                lock.beat(clock.instant(), leases.driver());
            } catch (java.io.UncheckedIOException e) {
                // The rollout goes on; status then shows "no driver since" the last beat, which is the state to see.
            }
        }
    }

    /**
     * Whether this engine still holds {@code function:alias}'s lease: at most once a {@link RolloutLease#RENEW_EVERY},
     * and as soon as the rollout wrote the alias, the lease gets a new heartbeat and the rollout's latest state (one
     * GetFunction, one TagResource); an evaluation waits for it, so a driver whose lease another console took writes
     * nothing more. A renewal that fails is tried again at the next evaluation (other consoles see the old heartbeat).
     */
    private CompletableFuture<Optional<String>> leaseCheck(String function, String alias, String revision) {
        Held h = held.get(key(function, alias));
        Instant now = clock.instant();
        if (h == null || h.lost.isPresent()) {
            return CompletableFuture.completedFuture(h == null ? Optional.empty() : h.lost);
        }
        if (revision.equals(h.leasedRevision) && now.isBefore(h.renewedAt.plus(RolloutLease.RENEW_EVERY))) {
            return CompletableFuture.completedFuture(Optional.empty()); // not due: no request, no journal read
        }
        List<ObjectNode> records = journal.of(h.rolloutId);
        Optional<ObjectNode> started = records.stream().filter(r -> "started".equals(r.path("event").asText())).findFirst();
        if (started.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ObjectNode last = records.stream().filter(r -> !"request".equals(r.path("event").asText()) && r.has("revision"))
                .reduce((x, y) -> y).orElse(started.get());
        return leases.renew(function, alias, h.rolloutId, stepOf(started.get(), last), last.path("canaryPercent").asDouble(0),
                terms(started.get(), last)).handle((other, e) -> {
                    if (e != null) {
                        return Optional.<String>empty();
                    }
                    h.renewedAt = now;
                    h.leasedRevision = revision;
                    other.ifPresent(l -> h.lost = Optional.of(l.owner() + " took this rollout over (its lease since "
                            + Gates.seconds(l.beat()) + "): this console no longer drives it and writes nothing to "
                            + function + ":" + alias + "."));
                    return h.lost;
                });
    }

    private void held(String function, String alias, String rolloutId, boolean leased) {
        if (leased) {
            held.put(key(function, alias), new Held(rolloutId, clock.instant()));
            beat(function, alias); // the lock file names the lease token: a driver after this one here may take it at once
        }
    }

    /** What another console needs to drive the rollout on: its start line and its latest state line. */
    private static ObjectNode terms(ObjectNode started, ObjectNode state) {
        ObjectNode t = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        t.set("started", started);
        t.set("state", state);
        return t;
    }

    /** "2/4": the step a state line is at (counted from 1), of the plan's steps. */
    private static String stepOf(ObjectNode started, ObjectNode state) {
        int steps = started.path("plan").path("steps").size();
        return (state.path("step").asInt(-1) + 1) + "/" + steps;
    }


    /**
     * Takes over a rollout another console drove, whose lease went stale ({@code seen}, as the operator was shown it):
     * journals its start and latest state from the lease (unless this journal has them), then a {@code takeover} line
     * saying whose it was, and recovers it like any unfinished rollout: paused when the alias moved since. Refused while
     * the lease is live, or when it changed since it was shown.
     */
    public CompletableFuture<Optional<Rollout>> takeOver(RolloutLease seen, String reason) {
        return leases.of(seen.function(), seen.alias()).thenCompose(now -> {
            Instant t = clock.instant();
            if (now.isEmpty() || !now.get().rolloutId().equals(seen.rolloutId()) || !now.get().beat().equals(seen.beat())) {
                throw new IllegalStateException("The lease on " + seen.function() + ":" + seen.alias() + " changed since it "
                        + "was shown" + now.map(l -> ": it is now " + l.describe(t)).orElse(": it is gone (the rollout ended)")
                        + ". Nothing was taken over.");
            }
            if (!now.get().stale(t)) {
                throw new IllegalStateException("The rollout of " + seen.function() + ":" + seen.alias() + " is "
                        + now.get().describe(t) + "; a live driver's rollout is not taken over.");
            }
            com.fasterxml.jackson.databind.JsonNode terms = now.get().terms().orElseThrow(() -> new IllegalStateException(
                    "The lease on " + seen.function() + ":" + seen.alias() + " does not say enough to drive the rollout on "
                            + "(its terms tags are missing or cut). Roll the alias back by hand, or remove its lrc:rollout tags."));
            if (journal.of(seen.rolloutId()).isEmpty()) {
                journal.append(((ObjectNode) terms.path("started")).deepCopy());
                ObjectNode state = ((ObjectNode) terms.path("state")).deepCopy();
                if (!"started".equals(state.path("event").asText())) {
                    journal.append(state);
                }
            }
            ObjectNode line = journal.record(seen.rolloutId(), seen.function(), seen.alias(), "takeover", t);
            line.put("from", seen.owner());
            line.put("fromArn", seen.ownerArn());
            line.put("lastBeat", seen.beat().toString());
            line.put("who", session.who());
            line.put("reason", reason);
            journal.append(line);
            return recover(seen.function(), seen.alias());
        });
    }

    /** " (no driver since 2026-12-01T12:07:00Z)", from the lock file's last heartbeat. */
    private static String undriven(Optional<Instant> lastBeat) {
        return lastBeat.map(t -> " (no driver since " + Gates.seconds(t) + ")").orElse("");
    }

    /**
     * When the driver of {@code function:alias}'s rollout last evaluated it, from its lock file
     * (the connection's clock); empty when no driver ever did. Blocking I/O.
     */
    public Optional<Instant> lastHeartbeat(String function, String alias) {
        return RolloutLock.lastBeat(RolloutLock.file(lockFolder, function, alias));
    }

    private synchronized void release(String function, String alias) {
        RolloutLock lock = locks.remove(key(function, alias));
        if (lock != null) {
            lock.close();
        }
        Held h = held.remove(key(function, alias));
        if (h != null && h.lost.isEmpty()) {
            // The rollout ended (or could not start): other consoles stop showing it. A failure leaves a lease that goes stale.
            CompletableFuture<Void> r = leases.release(function, alias);
            releasing.add(r);
            r.whenComplete((v, e) -> releasing.remove(r));
        }
    }

    private static String key(String function, String alias) {
        return function + ":" + alias;
    }

    private static IllegalStateException drivenElsewhere(String function, String alias) {
        return new IllegalStateException("A rollout of " + function + ":" + alias + " is driven by another process "
                + "(or another window); act on it with `rollout pause|resume|approve|abort`, which it reads from the journal.");
    }

    /**
     * Waits, at most {@code max}, for the leases of rollouts that ended to be removed from their functions (a command
     * line about to exit). Never call it on the FX thread.
     */
    public void awaitLeasesReleased(java.time.Duration max) {
        try {
            CompletableFuture.allOf(releasing.toArray(CompletableFuture[]::new)).get(max.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // left to go stale: other consoles then show "no driver since" for a rollout that ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases every lock this engine holds; its rollouts stay in the journal, to be recovered. */
    @Override
    public synchronized void close() {
        locks.values().forEach(RolloutLock::close);
        locks.clear();
    }
}

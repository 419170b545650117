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
            Rollout rollout = new Rollout(id, baseline, provisioned, request.version(), request.plan(),
                    request.settings(), session, journal, clock, listenerExecutor,
                    () -> release(request.function(), request.alias()), () -> beat(request.function(), request.alias()),
                    RolloutState.PENDING);
            journal.append(rollout.startedRecord(session.label()));
            return rollout;
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
                () -> release(function, alias), () -> beat(function, alias), RolloutState.PENDING);
        Optional<Instant> lastBeat = RolloutLock.lastBeat(RolloutLock.file(lockFolder, function, alias));
        String expected = lastState.path("revision").asText(baseline.revisionId());
        RolloutState recorded = RolloutJournal.state(lastState);
        return session.services().lambda().getAlias(function, alias).thenApply(now -> {
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

    /** The driver is alive: its lock file says when it last evaluated (what status shows as "no driver since"). */
    private void beat(String function, String alias) {
        RolloutLock lock = locks.get(key(function, alias));
        if (lock != null) {
            try {
                lock.beat(clock.instant());
            } catch (java.io.UncheckedIOException e) {
                // The rollout goes on; status then shows "no driver since" the last beat, which is the state to see.
            }
        }
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
    }

    private static String key(String function, String alias) {
        return function + ":" + alias;
    }

    private static IllegalStateException drivenElsewhere(String function, String alias) {
        return new IllegalStateException("A rollout of " + function + ":" + alias + " is driven by another process "
                + "(or another window); act on it with `rollout pause|resume|approve|abort`, which it reads from the journal.");
    }

    /** Releases every lock this engine holds; its rollouts stay in the journal, to be recovered. */
    @Override
    public synchronized void close() {
        locks.values().forEach(RolloutLock::close);
        locks.clear();
    }
}

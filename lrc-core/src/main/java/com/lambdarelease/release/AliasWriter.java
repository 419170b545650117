package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.RoutingPreflight;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.errors.AwsErrors;
import com.lambdarelease.service.errors.ConflictException;
import com.lambdarelease.service.errors.NotFoundException;
import com.lambdarelease.service.errors.PreconditionFailedException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The one path for every alias write: the console's dialogs, its canary editor, the command line
 * and the rollout engine all go through here. {@link #plan} checks a change against AWS's rules
 * (reading what it needs) and says what will happen; {@link #apply} sends it with the RevisionId it
 * was based on and ends in a {@link WriteOutcome}. A stale RevisionId is a {@code Conflict}, never
 * an overwrite; a write whose answer was lost is re-read to tell whether it landed, never retried.
 * Every write is journalled and reaches the function's {@link FunctionState}.
 */
public final class AliasWriter {

    /**
     * Who writes, for the journal: the connection's label, the profile or role it uses, and the caller STS says
     * those credentials are (the journal's WHO once known).
     */
    public record Identity(String connection, String who, com.lambdarelease.service.IdentityService caller) {

        public Identity(String connection, String who) {
            this(connection, who, com.lambdarelease.service.IdentityService.NONE);
        }
    }

    private final LambdaService lambda;
    private final FunctionStates states;
    private final ReleaseJournal journal;
    private final Clock clock;
    private final Identity identity;
    private final Executor io;
    private final Optional<Ownership> ownership;

    /**
     * @param io where the journal is written (blocking disk I/O): never the FX thread
     */
    public AliasWriter(LambdaService lambda, FunctionStates states, ReleaseJournal journal, Clock clock,
                       Identity identity, Executor io) {
        this(lambda, states, journal, clock, identity, io, Optional.empty());
    }

    /** @param ownership reads who else owns an alias (a stack, CodeDeploy), for the plan's warnings */
    public AliasWriter(LambdaService lambda, FunctionStates states, ReleaseJournal journal, Clock clock,
                       Identity identity, Executor io, Optional<Ownership> ownership) {
        this.lambda = lambda;
        this.states = states;
        this.journal = journal;
        this.clock = clock;
        this.identity = identity;
        this.io = io;
        this.ownership = ownership;
    }

    /**
     * Works out the split a change leads to and checks it, says who it will be sent as and warns of the alias's other
     * owners; sends nothing. Fails only through the future.
     */
    public CompletableFuture<WritePlan> plan(AliasChange change) {
        CompletableFuture<WritePlan> checked;
        try {
            checked = planChecked(change);
        } catch (InvalidInputException e) {
            return CompletableFuture.completedFuture(refused(change, Optional.empty(), e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return checked.thenCombine(caller(), (p, c) -> p.with(c, p.owners()))
                .thenCombine(ownerWarnings(change.functionName(), change.aliasName(), change.basedOn()),
                        (p, o) -> p.refused() ? p : p.with(p.as(), o));
    }

    /** Who writes go as (STS), once known; empty when STS did not say. Never fails. */
    public CompletableFuture<Optional<com.lambdarelease.domain.Caller>> caller() {
        return identity.caller().caller().handle((c, e) -> Optional.ofNullable(c));
    }

    /**
     * The warnings a write on {@code alias} (as it is: {@code basedOn}; none for a new alias) is confirmed with: its
     * function's stack, a CodeDeploy shift under way, and what of that could not be read. Never fails.
     */
    public CompletableFuture<List<String>> ownerWarnings(String function, String alias, Optional<AliasRoute> basedOn) {
        return ownership.isEmpty() || basedOn.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : ownership.get().of(function, basedOn.get()).thenApply(o -> o.warnings(function, alias));
    }

    private CompletableFuture<WritePlan> planChecked(AliasChange change) {
        AwsNames.requireFunctionName(change.functionName());
        AwsNames.requireAliasName(change.aliasName());
        Optional<AliasRoute> basedOn = change.basedOn();
        return switch (change.action()) {
            case DELETE -> done(new WritePlan(change, Optional.empty(), RoutingPreflight.Verdict.clear()));
            case PROMOTE -> {
                AliasRoute a = basedOn.orElseThrow();
                yield a.split().isSplit()
                        ? done(new WritePlan(change, Optional.of(a.split().promote()), RoutingPreflight.Verdict.clear()))
                        : done(refused(change, Optional.empty(), change.qualifiedName() + " sends all traffic to v"
                                + a.split().primaryVersion() + "; there is no additional version to promote."));
            }
            case ROLL_BACK -> {
                AliasRoute a = basedOn.orElseThrow();
                if (a.split().isSplit() && change.rollBackTo().isEmpty()) {
                    yield done(new WritePlan(change, Optional.of(a.split().rollBack()), RoutingPreflight.Verdict.clear()));
                }
                if (change.rollBackTo().isEmpty()) {
                    yield done(refused(change, Optional.empty(), change.qualifiedName() + " sends all traffic to v"
                            + a.split().primaryVersion() + " with no split; say which earlier version to point it at."));
                }
                String to = change.rollBackTo().get();
                if (!AwsNames.isPublishedVersion(to)) {
                    yield done(refused(change, Optional.empty(), "Roll back to a published version, not '" + to + "'."));
                }
                if (a.split().equals(TrafficSplit.allTo(to))) {
                    yield done(refused(change, Optional.empty(), "Nothing to change: " + change.qualifiedName()
                            + " already sends all traffic to v" + to + "."));
                }
                yield checked(change, TrafficSplit.allTo(to));
            }
            case CREATE, UPDATE -> {
                TrafficSplit target = change.target().orElseThrow();
                if (basedOn.isPresent() && basedOn.get().split().equals(target)
                        && basedOn.get().description().equals(change.description())) {
                    yield done(refused(change, Optional.of(target), "Nothing to change: " + change.qualifiedName()
                            + " already sends " + target.arrows() + "."));
                }
                yield checked(change, target);
            }
        };
    }

    /**
     * Reads the configurations of the versions the target routes to (and, for a split, the
     * function's provisioned concurrency) and runs the pre-flight. One GetFunctionConfiguration per
     * version, not a listing of every version: a function with thousands of versions would cost a
     * page per 50 of them on every write, at the control plane's 15 requests a second.
     */
    private CompletableFuture<WritePlan> checked(AliasChange change, TrafficSplit target) {
        List<String> routed = target.canaryVersion().map(c -> List.of(target.primaryVersion(), c))
                .orElse(List.of(target.primaryVersion()));
        List<CompletableFuture<Optional<FunctionConfig>>> reads = routed.stream()
                .map(v -> configuration(change.functionName(), v)).toList();
        CompletableFuture<Optional<Map<String, Integer>>> pc = target.isSplit()
                ? lambda.provisionedConcurrency(change.functionName()).thenApply(Optional::of)
                        .exceptionally(e -> Optional.empty())
                : CompletableFuture.completedFuture(Optional.of(Map.of()));
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenCombine(pc, (ignored, p) -> {
            Map<String, FunctionConfig> byNumber = new java.util.HashMap<>();
            for (int i = 0; i < routed.size(); i++) {
                reads.get(i).join().ifPresent(c -> byNumber.put(c.version(), c));
            }
            return new WritePlan(change, Optional.of(target),
                    RoutingPreflight.check(change.aliasName(), target, byNumber, p));
        });
    }

    /** The version's configuration; empty when the function has no such version (the pre-flight refuses it). */
    private CompletableFuture<Optional<FunctionConfig>> configuration(String function, String version) {
        return lambda.getConfiguration(function, version).thenApply(Optional::of)
                .exceptionallyCompose(e -> AwsErrors.translate(e) instanceof NotFoundException
                        ? CompletableFuture.completedFuture(Optional.empty()) : CompletableFuture.failedFuture(e));
    }

    /** Sends a plan (nothing, when it is refused) and reports how it ended. Never fails the future for AWS's answers. */
    public CompletableFuture<WriteOutcome> apply(WritePlan plan) {
        AliasChange change = plan.change();
        if (plan.refused()) {
            return done(new WriteOutcome.Refused(change, plan.verdict().refusals()));
        }
        CompletableFuture<WriteOutcome> outcome = switch (change.action()) {
            case CREATE -> create(change, plan.after().orElseThrow());
            case DELETE -> delete(change, change.basedOn().orElseThrow());
            case UPDATE, PROMOTE, ROLL_BACK -> update(change, change.basedOn().orElseThrow(), plan.after().orElseThrow());
        };
        return outcome.exceptionally(e -> new WriteOutcome.Failed(change, AwsErrors.translate(e), Problems.describe(e)))
                .thenApplyAsync(this::recorded, io);
    }

    /** {@link #plan} then {@link #apply}, for callers that confirmed beforehand (the rollout engine, --yes). */
    public CompletableFuture<WriteOutcome> planAndApply(AliasChange change) {
        // Confirmed beforehand: the rules are checked again, but who sends it and who else owns the alias were said then.
        CompletableFuture<WritePlan> checked;
        try {
            checked = planChecked(change);
        } catch (InvalidInputException e) {
            checked = CompletableFuture.completedFuture(refused(change, Optional.empty(), e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return checked.thenCompose(this::apply);
    }

    private CompletableFuture<WriteOutcome> create(AliasChange change, TrafficSplit target) {
        return attempt(() -> lambda.createAlias(change.functionName(), change.aliasName(), target, change.description()))
                .thenCompose(r -> {
                    if (r.error == null) {
                        return done(applied(change, Optional.empty(), Optional.of(r.value)));
                    }
                    Throwable e = AwsErrors.translate(r.error);
                    if (e instanceof ConflictException || Problems.outcomeUnknown(e)) {
                        return reread(change).thenApply(now -> {
                            if (now.isPresent() && matches(now.get(), target, change.description())
                                    && Problems.outcomeUnknown(e)) {
                                return applied(change, Optional.empty(), now);
                            }
                            if (now.isEmpty()) {
                                return lost(change, e, "no alias was created");
                            }
                            return conflict(change, Optional.empty(), now, target, e.getMessage() + ". It sends "
                                    + describe(now.get()) + "; nothing was overwritten.");
                        });
                    }
                    return done(failed(change, e));
                });
    }

    private CompletableFuture<WriteOutcome> update(AliasChange change, AliasRoute basedOn, TrafficSplit target) {
        return attempt(() -> lambda.updateAlias(basedOn, target, change.description())).thenCompose(r -> {
            if (r.error == null) {
                return done(applied(change, Optional.of(basedOn), Optional.of(r.value)));
            }
            Throwable e = AwsErrors.translate(r.error);
            boolean stale = e instanceof PreconditionFailedException;
            if (!stale && !Problems.outcomeUnknown(e)) {
                return done(failed(change, e));
            }
            return reread(change).thenApply(now -> {
                if (now.isPresent() && !now.get().revisionId().equals(basedOn.revisionId())
                        && matches(now.get(), target, change.description())) {
                    // Our write landed (its answer was lost, or the SDK's retry met our own new revision).
                    return applied(change, Optional.of(basedOn), now);
                }
                if (now.isPresent() && now.get().revisionId().equals(basedOn.revisionId()) && !stale) {
                    return lost(change, e, change.qualifiedName() + " is unchanged");
                }
                return conflict(change, Optional.of(basedOn), now, target, changedBySomeoneElse(change, now));
            });
        });
    }

    /** DeleteAlias takes no RevisionId: read first, so an alias changed since it was shown is never deleted. */
    private CompletableFuture<WriteOutcome> delete(AliasChange change, AliasRoute basedOn) {
        return reread(change).thenCompose(now -> {
            if (now.isEmpty() || !now.get().revisionId().equals(basedOn.revisionId())) {
                return done(conflict(change, Optional.of(basedOn), now, null, changedBySomeoneElse(change, now)));
            }
            return attempt(() -> lambda.deleteAlias(change.functionName(), change.aliasName()).thenApply(v -> basedOn))
                    .thenCompose(r -> {
                        if (r.error == null) {
                            return done(applied(change, Optional.of(basedOn), Optional.empty()));
                        }
                        Throwable e = AwsErrors.translate(r.error);
                        if (!Problems.outcomeUnknown(e)) {
                            return done(failed(change, e));
                        }
                        return reread(change).thenApply(after -> after.isEmpty()
                                ? applied(change, Optional.of(basedOn), Optional.empty())
                                : lost(change, e, change.qualifiedName() + " still exists"));
                    });
        });
    }

    /** The alias as it is now; empty when it does not exist. Other read failures fail the future. */
    private CompletableFuture<Optional<AliasRoute>> reread(AliasChange change) {
        return lambda.getAlias(change.functionName(), change.aliasName()).thenApply(Optional::of)
                .exceptionallyCompose(e -> AwsErrors.translate(e) instanceof NotFoundException
                        ? CompletableFuture.completedFuture(Optional.empty())
                        : CompletableFuture.failedFuture(AwsErrors.translate(e)));
    }

    private WriteOutcome applied(AliasChange change, Optional<AliasRoute> before, Optional<AliasRoute> after) {
        FunctionState state = states.of(change.functionName());
        after.ifPresentOrElse(state::aliasChanged, () -> state.aliasDeleted(change.aliasName()));
        String message = switch (change.action()) {
            case CREATE -> "Created alias " + change.qualifiedName() + ": " + describe(after.orElseThrow());
            case DELETE -> "Deleted alias " + change.qualifiedName() + " (was " + describe(before.orElseThrow()) + ")";
            default -> change.qualifiedName() + " now sends " + describe(after.orElseThrow())
                    + before.map(b -> " (was " + b.split().arrows() + ")").orElse("");
        };
        return new WriteOutcome.Applied(change, before, after, message);
    }

    private WriteOutcome conflict(AliasChange change, Optional<AliasRoute> basedOn, Optional<AliasRoute> now,
                                  TrafficSplit yours, String message) {
        now.ifPresentOrElse(states.of(change.functionName())::aliasChanged,
                () -> states.of(change.functionName()).aliasDeleted(change.aliasName()));
        return new WriteOutcome.Conflict(change, basedOn, now, Optional.ofNullable(yours), message);
    }

    private static String changedBySomeoneElse(AliasChange change, Optional<AliasRoute> now) {
        return change.qualifiedName() + " was changed by someone else since it was read: "
                + now.map(a -> "it now sends " + describe(a) + " (revision " + a.revisionId() + ")")
                        .orElse("it no longer exists")
                + ". Nothing was overwritten.";
    }

    private static WriteOutcome failed(AliasChange change, Throwable e) {
        return new WriteOutcome.Failed(change, e, "Could not " + change.action().title().toLowerCase(java.util.Locale.ROOT)
                + " " + change.qualifiedName() + ": " + Problems.describe(e));
    }

    /** The answer was lost and a re-read shows the change did not land: said, not retried. */
    private static WriteOutcome lost(AliasChange change, Throwable e, String state) {
        return new WriteOutcome.Failed(change, e, "The answer to " + change.title() + " was lost ("
                + Problems.describe(e) + "); read again: " + state + ". Nothing was retried.");
    }

    private static boolean matches(AliasRoute a, TrafficSplit split, String description) {
        return a.split().equals(split) && a.description().equals(description);
    }

    private static String describe(AliasRoute a) {
        return WritePlan.describe(a.split(), a.description());
    }

    private static WritePlan refused(AliasChange change, Optional<TrafficSplit> after, String reason) {
        return new WritePlan(change, after, RoutingPreflight.Verdict.refused(reason));
    }

    /** Appends the outcome to the journal (a refusal sent nothing and is not journalled). */
    private WriteOutcome recorded(WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.Refused) {
            return outcome;
        }
        AliasChange change = outcome.change();
        Optional<AliasRoute> before = change.basedOn();
        Optional<AliasRoute> after = change.basedOn(); // a failed write left the alias as it was read
        String result = JournalEntry.FAILED;
        if (outcome instanceof WriteOutcome.Applied a) {
            before = a.before();
            after = a.after();
            result = JournalEntry.APPLIED;
        } else if (outcome instanceof WriteOutcome.Conflict c) {
            before = c.basedOn();
            after = c.current();
            result = JournalEntry.CONFLICT;
        }
        String arn = (after.isPresent() ? after : before).map(AliasRoute::arn).orElse("");
        String[] parts = arn.split(":");
        journal.append(new JournalEntry(clock.instant(), identity.connection(), parts.length > 4 ? parts[4] : "",
                parts.length > 3 ? parts[3] : "", who(), change.functionName(), change.aliasName(),
                change.action().word(), before.map(AliasRoute::split), after.map(AliasRoute::split),
                before.map(AliasRoute::revisionId).orElse(""), after.map(AliasRoute::revisionId).orElse(""), result,
                result.equals(JournalEntry.APPLIED) ? "" : outcome.message()));
        return outcome;
    }

    /** The caller's ARN once STS said it, else the profile or credentials (a journal line never waits on STS). */
    public String who() {
        return identity.caller().caller().thenApply(com.lambdarelease.domain.Caller::arn)
                .exceptionally(e -> identity.who()).getNow(identity.who());
    }

    private record Attempt<T>(T value, Throwable error) {
    }

    /** Runs a request, turning a throw on this thread into a failure, and never failing the returned future. */
    private static <T> CompletableFuture<Attempt<T>> attempt(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> f;
        try {
            f = request.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handle(Attempt::new);
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}

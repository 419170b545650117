package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionTags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who else owns an alias: the CloudFormation (SAM) stack that created its function, which puts the
 * alias back as its template says at its next deployment, and CodeDeploy while it shifts the alias's
 * weights (a SAM {@code DeploymentPreference}: CloudTrail shows its UpdateAlias calls, and the routing
 * is still set). A write on such an alias is confirmed with a warning saying which.
 */
public final class Ownership {

    /** What is known of an alias's other owners. */
    public record Owners(Optional<String> stack, Optional<AliasHistory.Entry> codeDeploy, String unknown) {

        public static final Owners NONE = new Owners(Optional.empty(), Optional.empty(), "");

        /** The warnings a write on the alias is confirmed with; what could not be read is one of them. */
        public List<String> warnings(String function, String alias) {
            List<String> out = lines(function, alias, true);
            if (!unknown.isEmpty()) {
                out.add(unknown);
            }
            return out;
        }

        /** What is known of the alias's other owners, as a view of it says it (no change at hand). */
        public List<String> describe(String function, String alias) {
            return lines(function, alias, false);
        }

        private List<String> lines(String function, String alias, boolean change) {
            List<String> out = new ArrayList<>();
            stack.ifPresent(s -> out.add(function + " belongs to CloudFormation stack " + s + ": the stack's next "
                    + "deployment may put " + alias + " back as its template says" + (change ? ", undoing this change." : ".")));
            codeDeploy.ifPresent(c -> out.add("CodeDeploy is shifting " + function + ":" + alias + " (its last change, "
                    + c.describe() + " at " + c.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + ", was CodeDeploy's, and the routing is still set): " + (change
                    ? "it will fight this change. Stop or finish the deployment in CodeDeploy first."
                    : "a change made here would fight it.")));
            return out;
        }
    }

    /** How long a function's tags are taken as read. */
    static final Duration TAGS_FRESH = Duration.ofMinutes(1);
    /** How far back CodeDeploy's calls are looked for. */
    static final Duration CODEDEPLOY_WINDOW = Duration.ofDays(1);

    private final com.lambdarelease.service.LambdaService lambda;
    private final AliasHistory history;
    private final Clock clock;
    private final Map<String, Read> tags = new ConcurrentHashMap<>();

    private record Read(Instant at, CompletableFuture<Optional<FunctionTags>> tags) {
    }

    public Ownership(com.lambdarelease.service.LambdaService lambda, AliasHistory history, Clock clock) {
        this.lambda = lambda;
        this.history = history;
        this.clock = clock;
    }

    /** The function's tags, read at most once a minute; empty where the connection reads none. */
    public CompletableFuture<Optional<FunctionTags>> tags(String function) {
        Instant now = clock.instant();
        Read r = tags.compute(function, (f, old) -> old != null && !old.tags().isCompletedExceptionally()
                && Duration.between(old.at(), now).compareTo(TAGS_FRESH) < 0 ? old
                : new Read(now, lambda.tags(f).thenApply(Optional::of)));
        return r.tags();
    }

    /**
     * The other owners of {@code alias} as it is now ({@code current}: the routing tells whether a CodeDeploy shift is
     * still under way). Never fails: what could not be read is said in {@link Owners#unknown()}.
     */
    /** True when the connection reads no tags at all (a fake), not a failure of AWS's. */
    private static boolean unsupported(Throwable e) {
        return com.lambdarelease.service.errors.AwsErrors.translate(e) instanceof UnsupportedOperationException;
    }

    public CompletableFuture<Owners> of(String function, AliasRoute current) {
        CompletableFuture<Optional<String>> stack = tags(function).thenApply(t -> t.flatMap(FunctionTags::stack));
        CompletableFuture<Optional<AliasHistory.History>> recent = current.split().isSplit()
                ? history.of(function, current.name(), clock.instant().minus(CODEDEPLOY_WINDOW)).thenApply(Optional::of)
                : CompletableFuture.completedFuture(Optional.empty());
        return stack.handle((s, e) -> new Owners(s == null ? Optional.empty() : s, Optional.empty(),
                        e == null || unsupported(e) ? "" : "Whether a stack owns " + function + " could not be read: "
                                + Problems.describe(e)))
                .thenCombine(recent.handle((h, e) -> h == null ? Optional.<AliasHistory.History>empty() : h), (o, h) -> {
                    String unknown = o.unknown();
                    if (h.filter(AliasHistory.History::trailFailed).isPresent()) {
                        unknown = (unknown.isEmpty() ? "" : unknown + " ") + "Whether CodeDeploy is shifting "
                                + current.name() + " could not be read from CloudTrail: " + h.get().trailProblem();
                    }
                    return new Owners(o.stack(), h.flatMap(AliasHistory.History::codeDeployShift), unknown);
                });
    }
}

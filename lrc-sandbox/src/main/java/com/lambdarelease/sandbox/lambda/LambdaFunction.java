package com.lambdarelease.sandbox.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One function's whole state: {@code $LATEST}, its published versions, its aliases and the
 * provisioned concurrency configured on them. Mutable,
 * and guarded by its own monitor: callers go through {@link FunctionStore#withFunction}, which
 * locks it, so writes to one function are serialised while different functions proceed in parallel.
 */
final class LambdaFunction {

    private final String name;
    private FunctionConfig latest;
    private final TreeMap<Integer, FunctionConfig> versions = new TreeMap<>();
    private final TreeMap<String, Alias> aliases = new TreeMap<>();
    /** By qualifier; an entry lives only as long as its alias or version. */
    private final TreeMap<String, ProvisionedConcurrency> provisioned = new TreeMap<>();
    /** The function's tags (on the function, never on a version or alias), sorted by key. */
    private final TreeMap<String, String> tags = new TreeMap<>();
    /** Version numbers are never reused, even after a version is deleted. */
    private int lastVersion;
    private boolean deleted;
    /*
     * States live in memory only: after a restart everything is Active and Successful, as it would be
     * on AWS by then. Instant.MIN means settled.
     */
    private Instant pendingUntil = Instant.MIN;
    private Instant updatingUntil = Instant.MIN;
    private boolean lastUpdateFailed;
    /** What Invoke runs while an update is in progress: the code from before it. */
    private FunctionConfig beforeUpdate;
    private final Map<Integer, Instant> versionPendingUntil = new java.util.HashMap<>();

    private final Arns arns;

    LambdaFunction(FunctionConfig latest, Arns arns) {
        this.name = latest.functionName();
        this.latest = latest;
        this.arns = arns;
    }

    static LambdaFunction restore(FunctionSnapshot snapshot, Arns arns) {
        LambdaFunction fn = new LambdaFunction(snapshot.latest(), arns);
        snapshot.versions().forEach(v -> fn.versions.put(Integer.parseInt(v.version()), v));
        snapshot.aliases().forEach(a -> fn.aliases.put(a.name(), a));
        snapshot.provisioned().forEach(p -> fn.provisioned.put(p.qualifier(), p));
        fn.tags.putAll(snapshot.tags());
        fn.lastVersion = Math.max(snapshot.lastVersion(), fn.versions.isEmpty() ? 0 : fn.versions.lastKey());
        // Files written before source revisions existed hold 0 everywhere: a $LATEST whose content differs
        // from the newest version must have been updated since it was published.
        fn.latestPublished().filter(v -> v.sourceRevision() == fn.latest.sourceRevision()
                        && !fn.latest.sameCodeAndSettings(v))
                .ifPresent(v -> fn.latest = fn.latest.withSourceRevision(v.sourceRevision() + 1));
        return fn;
    }

    FunctionSnapshot snapshot() {
        return new FunctionSnapshot(latest, List.copyOf(versions.values()), List.copyOf(aliases.values()), lastVersion,
                List.copyOf(provisioned.values()), Map.copyOf(tags));
    }

    String name() {
        return name;
    }

    /** The account and region this function lives in. */
    Arns arns() {
        return arns;
    }

    boolean isDeleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    FunctionConfig latest() {
        return latest;
    }

    void setLatest(FunctionConfig config) {
        latest = config;
    }

    /**
     * Replaces {@code $LATEST} as UpdateFunctionCode or UpdateFunctionConfiguration does. Counts as an
     * update even when nothing differs (the same zip again), as it does on AWS.
     */
    void update(FunctionConfig changed) {
        latest = changed.withSourceRevision(latest.sourceRevision() + 1);
    }

    /** A new function: Pending for {@code delay}, then Active. */
    void created(Instant now, Duration delay) {
        pendingUntil = now.plus(delay);
    }

    /**
     * An update was just applied ({@code previous} is what $LATEST was): InProgress for {@code delay},
     * then Successful, or Failed when the new environment sets {@code SANDBOX_UPDATE_FAILS=true}.
     */
    void updating(FunctionConfig previous, Instant now, Duration delay) {
        beforeUpdate = previous;
        updatingUntil = now.plus(delay);
        lastUpdateFailed = latest.updateFails();
    }

    /** A version just published: Pending for {@code delay}, as AWS provisions it. */
    void versionPublished(String version, Instant now, Duration delay) {
        versionPendingUntil.put(Integer.parseInt(version), now.plus(delay));
    }

    /** The state AWS would report for {@code config} (this function's $LATEST or one of its versions) at {@code now}. */
    FunctionStatus status(FunctionConfig config, Instant now) {
        if (!FunctionRef.LATEST.equals(config.version())) {
            Instant until = versionPendingUntil.get(Integer.parseInt(config.version()));
            return until != null && now.isBefore(until) ? FunctionStatus.PENDING : FunctionStatus.READY;
        }
        if (now.isBefore(pendingUntil)) {
            return FunctionStatus.PENDING;
        }
        if (now.isBefore(updatingUntil)) {
            return FunctionStatus.UPDATING;
        }
        return lastUpdateFailed ? FunctionStatus.updateFailed(FunctionConfig.UPDATE_FAILS + "=true in the function's "
                + "environment: the sandbox fails this update on purpose, for demos.") : FunctionStatus.READY;
    }

    /**
     * Refuses another update or a publish while one is in progress (or the function is still being
     * created), with AWS's 409 and text.
     */
    void requireSettled(Instant now) {
        if (now.isBefore(pendingUntil) || now.isBefore(updatingUntil)) {
            throw LambdaError.conflict("The operation cannot be performed at this time. An update is in progress "
                    + "for resource: " + arns.function(name));
        }
    }

    /**
     * What an invocation of $LATEST runs now: the code from before an update in progress; refused while
     * the function is Pending, as AWS does.
     */
    FunctionConfig latestToRun(Instant now) {
        if (now.isBefore(pendingUntil)) {
            throw LambdaError.conflict("The operation cannot be performed at this time. "
                    + "The function is currently in the following state: Pending");
        }
        return now.isBefore(updatingUntil) && beforeUpdate != null ? beforeUpdate : latest;
    }

    /** True when an update happened since the newest version was published (or none is). */
    boolean updatedSincePublish() {
        return latestPublished().map(v -> v.sourceRevision() != latest.sourceRevision()).orElse(true);
    }

    /** {@code $LATEST} or a published version by number. */
    Optional<FunctionConfig> version(String version) {
        if (FunctionRef.LATEST.equals(version)) {
            return Optional.of(latest);
        }
        Integer number = parseVersion(version);
        return number == null ? Optional.empty() : Optional.ofNullable(versions.get(number));
    }

    Optional<FunctionConfig> latestPublished() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** Publishes {@code config} under the next version number and returns that number. */
    String addVersion(java.util.function.Function<String, FunctionConfig> publishedAs) {
        lastVersion++;
        FunctionConfig config = publishedAs.apply(String.valueOf(lastVersion));
        versions.put(lastVersion, config);
        return config.version();
    }

    /**
     * Publishes {@code $LATEST}, or hands back the newest version (its own description, whatever was
     * asked) when no update happened since it was published, as AWS does: content is never compared.
     * A new version also renews {@code $LATEST}'s RevisionId.
     */
    FunctionConfig publish(Optional<String> description, java.time.Instant now) {
        if (!updatedSincePublish()) {
            return latestPublished().orElseThrow();
        }
        String number = addVersion(v -> latest.publishedAs(v, description.orElse(latest.description()), now,
                RevisionIds.next()));
        latest = latest.withRevision(RevisionIds.next());
        return versions.get(Integer.parseInt(number));
    }

    void removeVersion(String version) {
        Integer number = parseVersion(version);
        if (number != null && versions.remove(number) != null) {
            provisioned.remove(version);
        }
    }

    /** {@code $LATEST} first, then versions oldest first. */
    List<FunctionConfig> allVersions() {
        List<FunctionConfig> all = new ArrayList<>(versions.size() + 1);
        all.add(latest);
        all.addAll(versions.values());
        return all;
    }

    Optional<Alias> alias(String aliasName) {
        return Optional.ofNullable(aliases.get(aliasName));
    }

    void putAlias(Alias alias) {
        aliases.put(alias.name(), alias);
    }

    /** Like AWS, deleting an alias also drops its provisioned concurrency. */
    void removeAlias(String aliasName) {
        aliases.remove(aliasName);
        provisioned.remove(aliasName);
    }

    Map<String, Alias> aliases() {
        return aliases;
    }

    Optional<ProvisionedConcurrency> provisioned(String qualifier) {
        return Optional.ofNullable(provisioned.get(qualifier));
    }

    void putProvisioned(ProvisionedConcurrency config) {
        provisioned.put(config.qualifier(), config);
    }

    void removeProvisioned(String qualifier) {
        provisioned.remove(qualifier);
    }

    /** Sorted by qualifier, which is what ListProvisionedConcurrencyConfigs pages by. */
    Collection<ProvisionedConcurrency> provisionedConfigs() {
        return provisioned.values();
    }

    /** The function's tags now, sorted by key. */
    Map<String, String> tags() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** Adds or overwrites {@code added}; touches neither code, configuration nor RevisionId, as on AWS. */
    void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    void untag(java.util.Collection<String> keys) {
        keys.forEach(tags::remove);
    }

    private static Integer parseVersion(String version) {
        if (version == null || version.isEmpty() || version.length() > 9 || !version.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(version);
    }

    /**
     * What the state file keeps of a function. {@code provisioned} and {@code tags} came later: files written
     * before them lack the members, which read as none.
     */
    record FunctionSnapshot(FunctionConfig latest, List<FunctionConfig> versions, List<Alias> aliases, int lastVersion,
                            List<ProvisionedConcurrency> provisioned, Map<String, String> tags) {

        FunctionSnapshot {
            provisioned = provisioned == null ? List.of() : provisioned;
            tags = tags == null ? Map.of() : tags;
        }
    }
}

package com.lambdarelease.release;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One function as last read: versions (newest published first, {@code $LATEST} last), aliases and
 * provisioned concurrency by alias or version (empty when it could not be read).
 */
public record FunctionSnapshot(String functionName, List<FunctionConfig> versions, List<AliasRoute> aliases,
                               Optional<Map<String, Integer>> provisioned) {

    public FunctionSnapshot {
        versions = versions.stream().sorted(FunctionConfig.NEWEST_FIRST).toList();
        aliases = List.copyOf(aliases);
        provisioned = provisioned.map(Map::copyOf);
    }

    public Optional<AliasRoute> alias(String name) {
        return aliases.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<FunctionConfig> version(String version) {
        return versions.stream().filter(c -> c.version().equals(version)).findFirst();
    }

    public Optional<FunctionConfig> latest() {
        return versions.stream().filter(FunctionConfig::isLatest).findFirst();
    }

    /** Every version by number, $LATEST included: what the routing pre-flight checks against. */
    public Map<String, FunctionConfig> versionsByNumber() {
        Map<String, FunctionConfig> out = new LinkedHashMap<>();
        versions.forEach(c -> out.put(c.version(), c));
        return out;
    }

    /** The same function with {@code changed} in place of the alias of that name (added when new). */
    public FunctionSnapshot withAlias(AliasRoute changed) {
        return new FunctionSnapshot(functionName, versions, withAlias(aliases, changed), provisioned);
    }

    public FunctionSnapshot withoutAlias(String name) {
        return new FunctionSnapshot(functionName, versions, withoutAlias(aliases, name), provisioned);
    }

    /** {@code aliases} with {@code changed} in place of the alias of that name (added in name order when new). */
    static List<AliasRoute> withAlias(List<AliasRoute> aliases, AliasRoute changed) {
        boolean known = aliases.stream().anyMatch(a -> a.name().equals(changed.name()));
        return known
                ? aliases.stream().map(a -> a.name().equals(changed.name()) ? changed : a).toList()
                : java.util.stream.Stream.concat(aliases.stream(), java.util.stream.Stream.of(changed))
                        .sorted(java.util.Comparator.comparing(AliasRoute::name)).toList();
    }

    static List<AliasRoute> withoutAlias(List<AliasRoute> aliases, String name) {
        return aliases.stream().filter(a -> !a.name().equals(name)).toList();
    }
}

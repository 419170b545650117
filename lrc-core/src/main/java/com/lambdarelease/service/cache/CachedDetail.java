package com.lambdarelease.service.cache;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One function's versions and aliases as last read, for showing at once when it is opened again.
 * Environment variables are never kept (their values may be secrets): a cached version has none.
 * The console never writes from it: actions wait until the versions and aliases are read afresh.
 */
public record CachedDetail(String functionName, Instant savedAt, List<FunctionConfig> versions, List<AliasRoute> aliases) {

    public CachedDetail {
        versions = versions.stream().map(CachedDetail::withoutSecrets).toList();
        aliases = List.copyOf(aliases);
    }

    /** The version as the cache keeps it: the environment dropped, and with it nothing a secret could hide in. */
    static FunctionConfig withoutSecrets(FunctionConfig c) {
        return new FunctionConfig(c.functionName(), c.functionArn(), c.version(), c.description(), c.runtime(),
                c.handler(), c.memoryMb(), c.timeoutSeconds(), c.role(), c.codeSha256(), c.codeSize(), c.lastModified(),
                c.revisionId(), c.layerArns(), Map.of(), c.deadLetterTargetArn(), null);
    }
}

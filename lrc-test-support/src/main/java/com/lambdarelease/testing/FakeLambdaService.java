package com.lambdarelease.testing;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.InvocationResult;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.LambdaService;
import com.lambdarelease.service.errors.PreconditionFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** An in-memory Lambda for view-model tests: versions 1-4 of one function, aliases with RevisionIds. */
public final class FakeLambdaService implements LambdaService {
    public static final String FN = "MyLambdaFunction";
    public static final String ROLE = "arn:aws:iam::123456789012:role/lambda-exec";

    public final Map<String, FunctionConfig> versions = new ConcurrentHashMap<>();
    public final Map<String, AliasRoute> aliases = new ConcurrentHashMap<>();
    public final List<TrafficSplit> updates = new ArrayList<>();
    public final Map<String, Integer> provisioned = new ConcurrentHashMap<>();
    public int revisions;

    public FakeLambdaService() {
        for (int v = 1; v <= 4; v++) {
            versions.put(String.valueOf(v), config(String.valueOf(v), ROLE));
        }
        putAlias("prod", TrafficSplit.allTo("3"));
    }

    public static FunctionConfig config(String version, String role) {
        return new FunctionConfig(FN, "arn:aws:lambda:us-east-1:123456789012:function:" + FN + ":" + version, version,
                "", "python3.12", "app.handler", 128, 3, role, "sha-" + version, 1000, Instant.EPOCH, "r" + version,
                List.of(), Map.of("TABLE", "secret-value"), Optional.empty());
    }

    public AliasRoute putAlias(String name, TrafficSplit split) {
        AliasRoute a = new AliasRoute(FN, name, "arn:aws:lambda:us-east-1:123456789012:function:" + FN + ":" + name,
                split, "", "rev-" + (++revisions));
        aliases.put(name, a);
        return a;
    }

    @Override
    public CompletableFuture<List<FunctionConfig>> listVersions(String functionName) {
        return CompletableFuture.completedFuture(versions.values().stream()
                .sorted(FunctionConfig.NEWEST_FIRST.reversed()).toList());
    }

    @Override
    public CompletableFuture<AliasRoute> getAlias(String functionName, String aliasName) {
        return CompletableFuture.completedFuture(aliases.get(aliasName));
    }

    @Override
    public synchronized CompletableFuture<AliasRoute> updateAlias(AliasRoute basedOn, TrafficSplit split, String description) {
        updates.add(split);
        AliasRoute now = aliases.get(basedOn.name());
        if (!now.revisionId().equals(basedOn.revisionId())) {
            return CompletableFuture.failedFuture(new PreconditionFailedException("PreconditionFailedException", 412,
                    "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API "
                            + "to retrieve the latest Revision Id", null));
        }
        return CompletableFuture.completedFuture(putAlias(basedOn.name(), split));
    }

    @Override
    public CompletableFuture<Map<String, Integer>> provisionedConcurrency(String functionName) {
        return CompletableFuture.completedFuture(Map.copyOf(provisioned));
    }

    @Override
    public CompletableFuture<Integer> listFunctions(Consumer<List<FunctionSummary>> onPage) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<List<FunctionSummary>> listAllFunctions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<List<AliasRoute>> listAliases(String functionName) {
        return CompletableFuture.completedFuture(List.copyOf(aliases.values()));
    }

    @Override
    public CompletableFuture<FunctionConfig> getConfiguration(String functionName, String qualifier) {
        return CompletableFuture.completedFuture(versions.get(qualifier));
    }

    @Override
    public CompletableFuture<FunctionConfig> publishVersion(String functionName, String description,
                                                            Optional<String> sha, Optional<String> revisionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<AliasRoute> createAlias(String functionName, String aliasName, TrafficSplit split, String description) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> deleteAlias(String functionName, String aliasName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> deleteVersion(String functionName, String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(String functionName, String qualifier, String payloadJson) {
        throw new UnsupportedOperationException();
    }
}

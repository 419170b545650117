package com.lambdarelease.service;

import com.lambdarelease.domain.AliasRoute;
import com.lambdarelease.domain.AwsNames;
import com.lambdarelease.domain.ExecutionSettings;
import com.lambdarelease.domain.FunctionConfig;
import com.lambdarelease.domain.FunctionSummary;
import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.domain.InvocationResult;
import com.lambdarelease.domain.TrafficSplit;
import com.lambdarelease.service.PagedListing.Page;
import com.lambdarelease.service.errors.AwsErrors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigListItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link LambdaService} over the SDK's blocking {@link LambdaClient}, each call run on an executor of
 * its own ({@link AwsClients#lambdaCalls()}, why in {@link AwsClients}), within a shared {@link RequestBudget}.
 */
public final class SdkLambdaService implements LambdaService {

    /** AWS returns at most 50 items per page whatever MaxItems says. */
    static final int PAGE_SIZE = 50;

    private final LambdaClient client;
    private final Executor calls;
    private final RequestBudget budget;
    private final PageRetry retry;

    /** Over {@code clients}' Lambda client; retries a failing page per {@link PageRetry#defaults()}. */
    public SdkLambdaService(AwsClients clients, RequestBudget budget) {
        this(clients, budget, PageRetry.defaults());
    }

    /** @param retry how a page that still fails after the SDK's retries is asked for again */
    public SdkLambdaService(AwsClients clients, RequestBudget budget, PageRetry retry) {
        this(clients.lambda(), clients.lambdaCalls(), budget, retry);
    }

    /** @param calls where the blocking client's calls run */
    public SdkLambdaService(LambdaClient client, Executor calls, RequestBudget budget, PageRetry retry) {
        this.client = client;
        this.calls = calls;
        this.budget = budget;
        this.retry = retry;
    }

    @Override
    public CompletableFuture<Integer> listFunctions(Consumer<List<FunctionSummary>> onPage) {
        return PagedListing.each("functions", (marker, seen) -> page(seen,
                        () -> client.listFunctions(r -> r.marker(marker).maxItems(PAGE_SIZE)))
                .thenApply(p -> new Page<>(p.functions().stream().map(SdkLambdaService::summary).toList(),
                        p.nextMarker())), onPage, retry);
    }

    @Override
    public CompletableFuture<List<FunctionSummary>> listAllFunctions() {
        List<FunctionSummary> all = new ArrayList<>();
        return listFunctions(all::addAll).thenApply(n -> List.copyOf(all));
    }

    @Override
    public CompletableFuture<List<FunctionConfig>> listVersions(String functionName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return collect("versions of " + functionName, (marker, seen) -> page(seen,
                            () -> client.listVersionsByFunction(r -> r.functionName(functionName).marker(marker)
                                    .maxItems(PAGE_SIZE)))
                    .thenApply(p -> new Page<>(p.versions().stream().map(SdkLambdaService::config).toList(),
                            p.nextMarker())));
        });
    }

    @Override
    public CompletableFuture<List<AliasRoute>> listAliases(String functionName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return collect("aliases of " + functionName, (marker, seen) -> page(seen,
                            () -> client.listAliases(r -> r.functionName(functionName).marker(marker)
                                    .maxItems(PAGE_SIZE)))
                    .thenApply(p -> new Page<>(p.aliases().stream().map(a -> alias(functionName, a)).toList(),
                            p.nextMarker())));
        });
    }

    @Override
    public CompletableFuture<AliasRoute> getAlias(String functionName, String aliasName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            AwsNames.requireAliasName(aliasName);
            return call(() -> client.getAlias(r -> r.functionName(functionName).name(aliasName)))
                    .thenApply(a -> alias(functionName, a.functionVersion(), a.routingConfig(), a.name(), a.aliasArn(),
                            a.description(), a.revisionId()));
        });
    }

    @Override
    public CompletableFuture<FunctionConfig> getConfiguration(String functionName, String qualifier) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return call(() -> client.getFunctionConfiguration(r -> r.functionName(functionName).qualifier(qualifier)))
                    .thenApply(r -> config(asConfiguration(r)));
        });
    }

    @Override
    public CompletableFuture<FunctionConfig> publishVersion(String functionName, String description,
                                                            Optional<String> expectedCodeSha256,
                                                            Optional<String> expectedRevisionId) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return call(() -> client.publishVersion(r -> r.functionName(functionName).description(description)
                            .codeSha256(expectedCodeSha256.orElse(null)).revisionId(expectedRevisionId.orElse(null))))
                    .thenApply(r -> config(asConfiguration(r)));
        });
    }

    /**
     * The SDK's own waiter, so the polling follows the service model. Its GetFunction polls (one a
     * second, within GetFunction's separate 100/s quota) do not draw on the control-plane budget.
     */
    @Override
    public CompletableFuture<Void> awaitUpdated(String functionName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture.supplyAsync(() -> client.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(functionName)),
                    calls).whenComplete((response, error) -> {
                Optional<Throwable> failed = error != null ? Optional.of(error)
                        : response.matched().exception().map(Throwable.class::cast);
                if (failed.isEmpty()) {
                    done.complete(null);
                    return;
                }
                Throwable cause = AwsErrors.translate(failed.get());
                if (cause instanceof com.lambdarelease.service.errors.AwsServiceException typed
                        && !(cause instanceof com.lambdarelease.service.errors.EndpointUnreachableException)) {
                    done.completeExceptionally(typed); // the polling itself was refused (not found, access...)
                    return;
                }
                // The waiter's failure state (LastUpdateStatus Failed): read AWS's reason once, say it.
                call(() -> client.getFunctionConfiguration(r -> r.functionName(functionName))).whenComplete((c, e) -> {
                    if (e == null && "Failed".equals(c.lastUpdateStatusAsString())) {
                        done.completeExceptionally(new com.lambdarelease.service.errors.UpdateFailedException(
                                Optional.ofNullable(c.lastUpdateStatusReasonCodeAsString()).orElse("Failed"),
                                Optional.ofNullable(c.lastUpdateStatusReason()).orElse("no reason given"), cause));
                    } else {
                        done.completeExceptionally(e != null ? AwsErrors.translate(e) : cause);
                    }
                });
            });
            return done;
        });
    }

    @Override
    public CompletableFuture<AliasRoute> createAlias(String functionName, String aliasName, TrafficSplit split,
                                                     String description) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            AwsNames.requireAliasName(aliasName);
            return call(() -> client.createAlias(r -> r.functionName(functionName).name(aliasName)
                            .functionVersion(split.primaryVersion()).description(description)
                            .routingConfig(split.isSplit() ? routing(split) : null)))
                    .thenApply(a -> alias(functionName, a.functionVersion(), a.routingConfig(), a.name(), a.aliasArn(),
                            a.description(), a.revisionId()));
        });
    }

    @Override
    public CompletableFuture<AliasRoute> updateAlias(AliasRoute basedOn, TrafficSplit split, String description) {
        return guarded(() -> call(() -> client.updateAlias(r -> r.functionName(basedOn.functionName())
                        .name(basedOn.name()).functionVersion(split.primaryVersion()).description(description)
                        .routingConfig(routing(split)).revisionId(basedOn.revisionId())))
                .thenApply(a -> alias(basedOn.functionName(), a.functionVersion(), a.routingConfig(), a.name(),
                        a.aliasArn(), a.description(), a.revisionId())));
    }

    @Override
    public CompletableFuture<Void> deleteAlias(String functionName, String aliasName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            AwsNames.requireAliasName(aliasName);
            return call(() -> client.deleteAlias(r -> r.functionName(functionName).name(aliasName)))
                    .thenApply(r -> null);
        });
    }

    @Override
    public CompletableFuture<com.lambdarelease.domain.FunctionTags> tags(String functionName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return call(() -> client.getFunction(r -> r.functionName(functionName)))
                    .thenApply(r -> new com.lambdarelease.domain.FunctionTags(r.configuration().functionArn(), r.tags()));
        });
    }

    @Override
    public CompletableFuture<Void> tag(String functionArn, Map<String, String> tags) {
        return guarded(() -> call(() -> client.tagResource(r -> r.resource(functionArn).tags(tags))).thenApply(r -> null));
    }

    @Override
    public CompletableFuture<Void> untag(String functionArn, java.util.Collection<String> keys) {
        return guarded(() -> call(() -> client.untagResource(r -> r.resource(functionArn).tagKeys(keys))).thenApply(r -> null));
    }

    @Override
    public CompletableFuture<Void> deleteVersion(String functionName, String version) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            if (!AwsNames.isPublishedVersion(version)) {
                throw new InvalidInputException("Only a published version can be deleted, not '" + version + "'.");
            }
            return call(() -> client.deleteFunction(r -> r.functionName(functionName).qualifier(version)))
                    .thenApply(r -> null);
        });
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(String functionName, String qualifier, String payloadJson) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return call(() -> client.invoke(r -> r.functionName(functionName).qualifier(qualifier)
                            .invocationType(InvocationType.REQUEST_RESPONSE)
                            .payload(SdkBytes.fromString(payloadJson == null ? "{}" : payloadJson, StandardCharsets.UTF_8))))
                    .thenApply(r -> new InvocationResult(r.executedVersion(), r.statusCode(),
                            Optional.ofNullable(r.functionError()),
                            r.payload() == null ? "" : r.payload().asUtf8String()));
        });
    }

    @Override
    public CompletableFuture<Map<String, Integer>> provisionedConcurrency(String functionName) {
        return guarded(() -> {
            AwsNames.requireFunctionName(functionName);
            return collect("provisioned concurrency configurations of " + functionName,
                    (marker, seen) -> page(seen,
                                    () -> client.listProvisionedConcurrencyConfigs(r -> r.functionName(functionName)
                                            .marker(marker).maxItems(PAGE_SIZE)))
                            .thenApply(p -> new Page<>(p.provisionedConcurrencyConfigs(), p.nextMarker())))
                    .thenApply(SdkLambdaService::requestedByQualifier);
        });
    }

    /** Keyed by the qualifier that ends each item's FunctionArn, in AWS's order. */
    private static Map<String, Integer> requestedByQualifier(List<ProvisionedConcurrencyConfigListItem> items) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ProvisionedConcurrencyConfigListItem item : items) {
            Integer requested = item.requestedProvisionedConcurrentExecutions();
            qualifierOf(item.functionArn()).ifPresent(q -> out.put(q, requested == null ? 0 : requested));
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code arn:aws:lambda:region:account:function:name:qualifier}; AWS lists only qualified ARNs here. */
    static Optional<String> qualifierOf(String functionArn) {
        String[] parts = functionArn == null ? new String[0] : functionArn.split(":");
        return parts.length == 8 ? Optional.of(parts[7]) : Optional.empty();
    }

    /** One blocking request on {@link #calls} once the budget allows it; its failure translated. */
    private <T> CompletableFuture<T> call(Supplier<T> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        guarded(budget::acquire).thenCompose(v -> CompletableFuture.supplyAsync(request, calls)).whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(AwsErrors.translate(error));
            } else {
                result.complete(value);
            }
        });
        return result;
    }

    /** One listing page's request, as {@link #call}; {@code seen} hears its NextMarker as soon as it is read. */
    private <T> CompletableFuture<T> page(Consumer<String> seen, Supplier<T> request) {
        return call(() -> NextMarkerPeek.reporting(seen, request));
    }

    private <T> CompletableFuture<List<T>> collect(String what, PagedListing.Fetch<T> fetch) {
        List<T> all = new ArrayList<>();
        return PagedListing.each(what, fetch, all::addAll, retry).thenApply(n -> List.copyOf(all));
    }

    /** Runs {@code body}, turning anything it throws (a refused name, say) into a failed future. */
    private static <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static AliasRoutingConfiguration routing(TrafficSplit split) {
        return AliasRoutingConfiguration.builder().additionalVersionWeights(split.additionalVersionWeights()).build();
    }

    static FunctionSummary summary(FunctionConfiguration c) {
        return new FunctionSummary(c.functionName(), c.functionArn(), c.runtimeAsString(),
                c.memorySize() == null ? 0 : c.memorySize(), c.timeout() == null ? 0 : c.timeout(),
                AwsTime.parse(c.lastModified()), c.description());
    }

    static FunctionConfig config(FunctionConfiguration c) {
        return new FunctionConfig(c.functionName(), c.functionArn(), c.version(), c.description(),
                orEmpty(c.runtimeAsString()), orEmpty(c.handler()), c.memorySize() == null ? 0 : c.memorySize(),
                c.timeout() == null ? 0 : c.timeout(), orEmpty(c.role()), orEmpty(c.codeSha256()),
                c.codeSize() == null ? 0 : c.codeSize(), AwsTime.parse(c.lastModified()), c.revisionId(),
                c.layers().stream().map(Layer::arn).toList(),
                c.environment() == null || c.environment().variables() == null ? java.util.Map.of() : c.environment().variables(),
                Optional.ofNullable(c.deadLetterConfig()).map(d -> d.targetArn()).filter(arn -> !arn.isEmpty()),
                execution(c));
    }

    /** The members beyond the basics, with AWS's defaults where the answer has none. */
    static ExecutionSettings execution(FunctionConfiguration c) {
        ExecutionSettings d = ExecutionSettings.DEFAULTS;
        return new ExecutionSettings(c.hasArchitectures() && !c.architecturesAsStrings().isEmpty()
                ? c.architecturesAsStrings() : d.architectures(),
                c.ephemeralStorage() == null || c.ephemeralStorage().size() == null ? d.ephemeralStorageMb()
                        : c.ephemeralStorage().size(),
                c.tracingConfig() == null || c.tracingConfig().modeAsString() == null ? d.tracingMode()
                        : c.tracingConfig().modeAsString(),
                c.vpcConfig() == null ? List.of() : c.vpcConfig().subnetIds(),
                c.vpcConfig() == null ? List.of() : c.vpcConfig().securityGroupIds(),
                c.fileSystemConfigs().stream().map(f -> f.arn() + " → " + f.localMountPath()).toList(),
                c.loggingConfig() == null || c.loggingConfig().logFormatAsString() == null ? d.logFormat()
                        : c.loggingConfig().logFormatAsString(),
                c.snapStart() == null || c.snapStart().applyOnAsString() == null ? d.snapStartApplyOn()
                        : c.snapStart().applyOnAsString(),
                Optional.ofNullable(c.kmsKeyArn()).filter(k -> !k.isEmpty()),
                c.packageTypeAsString() == null ? d.packageType() : c.packageTypeAsString(),
                Optional.empty());
    }

    /**
     * GetFunctionConfiguration and PublishVersion answer with exactly FunctionConfiguration's members
     * in their own response types; copy them across by member name so one mapping serves all three.
     */
    private static FunctionConfiguration asConfiguration(SdkResponse response) {
        FunctionConfiguration.Builder builder = FunctionConfiguration.builder();
        builder.sdkFields().forEach(field -> response.getValueForField(field.memberName(), Object.class)
                .ifPresent(value -> field.set(builder, value)));
        return builder.build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static AliasRoute alias(String functionName, AliasConfiguration a) {
        return alias(functionName, a.functionVersion(), a.routingConfig(), a.name(), a.aliasArn(), a.description(),
                a.revisionId());
    }

    private static AliasRoute alias(String functionName, String version, AliasRoutingConfiguration routing, String name,
                                    String arn, String description, String revisionId) {
        TrafficSplit split = TrafficSplit.fromRouting(version,
                routing == null ? java.util.Map.of() : routing.additionalVersionWeights());
        return new AliasRoute(functionName, name, arn, split, description, revisionId);
    }
}

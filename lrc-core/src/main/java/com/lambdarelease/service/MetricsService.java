package com.lambdarelease.service;

import com.lambdarelease.domain.AliasMetrics;
import com.lambdarelease.domain.AliasMetricsQuery;

import java.util.concurrent.CompletableFuture;

/** CloudWatch metrics for Lambda aliases. */
public interface MetricsService {

    /**
     * Every requested series of the alias, per executed version, in ONE GetMetricData request
     * (more only if CloudWatch pages a very large answer with NextToken). With a threshold
     * ({@link AliasMetricsQuery#slowerThan}) the same request also counts each version's
     * invocations slower than it, per period ({@link AliasMetrics#slowInvocations(String)}).
     */
    CompletableFuture<AliasMetrics> aliasMetrics(AliasMetricsQuery query);
}
